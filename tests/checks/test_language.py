"""language: every document is in English, French or Japanese."""

from __future__ import annotations

import dataclasses
import io

import pytest

from checks.language import Language, language_name
from workbench.check_api import Status, overall_status
from workbench.engine.sandbox import run_check_here
from workbench.extract.model import Extraction, Segment
from workbench.testing import (
    ClaimBuilder,
    docx_document,
    pptx_document,
    raw_document,
    xlsx_document,
)

ENGLISH = (
    "During the workshop we reviewed the current shift planning process with the store "
    "managers, mapped the daily tasks of the frontline teams, and agreed on a pilot of Teams "
    "Shifts and Walkie Talkie in three stores. The customer will report the results of the pilot "
    "to the operations board in December, and we will plan the wider rollout together."
)
FRENCH = (
    "Pendant l'atelier, nous avons analysé avec les responsables des magasins le processus "
    "actuel de planification des équipes, décrit les tâches quotidiennes du personnel de terrain "
    "et convenu d'un projet pilote de Teams Shifts dans trois magasins. Le client présentera les "
    "résultats du pilote au comité de direction en décembre, puis nous préparerons ensemble le "
    "déploiement dans l'ensemble du réseau."
)
JAPANESE = (
    "本ワークショップでは、店舗運営部門の皆様と現在のシフト作成業務を確認し、現場スタッフの日々の"
    "業務を整理したうえで、三店舗での試験導入について合意しました。試験導入の結果は十二月の経営会議"
    "で報告され、その後、全店舗への展開計画を一緒に検討する予定です。参加者からは、紙の点検表を"
    "なくしたいという声が多く寄せられました。"
)
GERMAN = (
    "Im Rahmen des Workshops haben wir gemeinsam mit den Filialleitern die bestehende "
    "Schichtplanung analysiert, die täglichen Aufgaben der Mitarbeiter auf der Fläche "
    "beschrieben und einen Pilotbetrieb von Teams Shifts in drei Filialen vereinbart. Der Kunde "
    "stellt die Ergebnisse des Pilotbetriebs im Dezember der Geschäftsleitung vor, danach planen "
    "wir gemeinsam die Einführung in allen Filialen."
)
SPANISH = (
    "Durante el taller revisamos con los gerentes de las tiendas el proceso actual de "
    "planificación de turnos, describimos las tareas diarias del personal de primera línea y "
    "acordamos un piloto de Teams Shifts en tres tiendas. El cliente presentará los resultados del "
    "piloto al comité de dirección en diciembre y después planificaremos juntos el despliegue."
)


@pytest.fixture
def claims(tmp_path):
    return ClaimBuilder(tmp_path)


def run(claims, claim):
    results = run_check_here(Language(), claim, claims.context())
    return overall_status(r["status"] for r in results), results


def pdf(file_name: str, lines: list[str] | None) -> object:
    """A PDF with these lines of text, or a page with only a drawing (no text) for None."""
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    if lines is None:
        page.rect(72, 400, 300, 200, fill=1)
    else:
        for index, line in enumerate(lines):
            page.drawString(72, 720 - 16 * index, line)
    page.showPage()
    page.save()
    return raw_document(file_name, buffer.getvalue())


def scanned_pdf(file_name: str, pages: int, footer: list[str], body=lambda n: []) -> object:
    """A PDF of ``pages`` pages, each a drawing (the scanned image) with ``footer`` at its
    foot (page numbers in it filled in with ``{page}``) and ``body(n)`` as page n's text."""
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    for number in range(1, pages + 1):
        page.rect(72, 300, 400, 400, fill=1)
        for index, line in enumerate(body(number)):
            page.drawString(72, 260 - 16 * index, line)
        for index, line in enumerate(footer):
            page.drawString(72, 60 - 14 * index, line.format(page=number, pages=pages))
        page.showPage()
    page.save()
    return raw_document(file_name, buffer.getvalue())


def invoice():
    return docx_document(
        "invoice.docx",
        ["INVOICE INV-2026-001", "Claim ID: 3000001", "Bill to: Contoso Ltd", ENGLISH],
        kind="invoice",
    )


@pytest.mark.parametrize(
    ("document", "language"),
    [
        (docx_document("report.docx", ["Workshop report", ENGLISH]), "English"),
        (docx_document("rapport.docx", ["Rapport d'atelier", FRENCH]), "French"),
        (pptx_document("報告書.pptx", [("ワークショップ報告書", JAPANESE)]), "Japanese"),
    ],
    ids=["english", "french", "japanese"],
)
def test_supported_languages_pass(claims, document, language):
    status, results = run(claims, claims.view(documents=[invoice(), document]))
    assert status == Status.PASS
    assert f"{language}: " in results[0]["message"]
    assert document.file_name in results[0]["message"]


def test_german_document_fails_with_the_action_required_wording(claims):
    claim = claims.view(documents=[invoice(), docx_document("Bericht.docx", [GERMAN])])
    status, results = run(claims, claim)
    assert status == Status.FAIL
    message = results[0]["message"]
    assert "does not support documents in other languages" in message
    assert "not in a supported language: Bericht.docx (German)" in message
    assert "Upload a version in English, French or Japanese" in message
    assert "invoice.docx" not in message
    evidence = results[0]["evidence"][0]
    assert evidence["document"] == "Bericht.docx"
    assert evidence["location"] == "paragraph 1"
    assert evidence["excerpt"].startswith("Im Rahmen des Workshops")


def test_mostly_german_document_with_an_english_title_fails(claims):
    claim = claims.view(
        documents=[
            pptx_document(
                "workshop.pptx",
                [
                    ("Executive Summary", GERMAN),
                    ("Next Steps", GERMAN.replace("Dezember", "Januar")),
                ],
            )
        ]
    )
    status, results = run(claims, claim)
    assert status == Status.FAIL
    assert "workshop.pptx (German)" in results[0]["message"]


def test_spanish_document_is_named_by_language(claims):
    status, results = run(claims, claims.view(documents=[docx_document("informe.docx", [SPANISH])]))
    assert status == Status.FAIL
    assert "informe.docx (Spanish)" in results[0]["message"]


# A Puerto Rico form, English then Spanish: the Spanish runs longer, so English is 46% of it.
FORM_EN = (
    "The workshop was held at the Department of Education offices in San Juan with the "
    "information technology team, who described how teachers share lesson plans today."
)
FORM_ES = (
    "El taller se llevó a cabo en las oficinas del Departamento de Educación en San Juan con el "
    "equipo de tecnología de información, que describió cómo los maestros comparten hoy sus "
    "planes de clase."
)
PILOT_EN = (
    "We agreed on a pilot of Microsoft Teams for Education in five schools, and the customer "
    "will present the results of the pilot to the board in December."
)
PILOT_ES = (
    "Acordamos un proyecto piloto de Microsoft Teams para Educación en cinco escuelas, y el "
    "cliente presentará los resultados del proyecto piloto a la junta en diciembre."
)


@pytest.mark.parametrize(
    ("paragraphs", "shares"),
    [
        ([FORM_EN, FORM_ES, PILOT_EN, PILOT_ES], "46% English, 54% Spanish"),
        ([FORM_ES, FORM_EN, PILOT_ES, PILOT_EN], "46% English, 54% Spanish"),
        # Under 200 Spanish letters: still a warning, not a pass.
        ([PILOT_EN, PILOT_ES], "47% English, 53% Spanish"),
    ],
    ids=["english-first", "spanish-first", "short"],
)
def test_bilingual_document_with_english_side_by_side_warns(claims, paragraphs, shares):
    claim = claims.view(documents=[invoice(), docx_document("formulario.docx", paragraphs)])
    status, results = run(claims, claim)
    assert status == Status.WARN
    assert [r["status"] for r in results] == ["warn"]
    assert results[0]["message"] == (
        f"In two languages (a translation side by side?): formulario.docx ({shares}). The "
        "review reads only the English, French or Japanese text; check that it carries "
        "everything the review needs."
    )
    assert results[0]["evidence"][0]["document"] == "formulario.docx"
    assert results[0]["evidence"][0]["excerpt"].startswith(("El taller", "Acordamos"))


@pytest.mark.parametrize(
    "paragraphs",
    [
        [GERMAN, GERMAN.replace("Dezember", "Januar"), ENGLISH],  # 30% English
        [GERMAN, GERMAN, GERMAN, ENGLISH],  # 22% English
    ],
    ids=["30%", "22%"],
)
def test_german_report_with_a_short_english_summary_still_fails(claims, paragraphs):
    claim = claims.view(documents=[docx_document("Bericht.docx", paragraphs)])
    status, results = run(claims, claim)
    assert status == Status.FAIL
    assert "not in a supported language: Bericht.docx (German)" in results[0]["message"]


def test_document_partly_in_german_warns(claims):
    claim = claims.view(documents=[docx_document("report.docx", [ENGLISH, FRENCH, GERMAN])])
    status, results = run(claims, claim)
    assert status == Status.WARN
    assert "Partly in an unsupported language: report.docx" in results[0]["message"]
    assert "% German)" in results[0]["message"]
    assert results[0]["evidence"][0]["location"] == "paragraph 3"


def test_english_and_french_together_pass(claims):
    claim = claims.view(documents=[docx_document("bilingual.docx", [ENGLISH, FRENCH])])
    status, _ = run(claims, claim)
    assert status == Status.PASS


def test_image_only_pdf_warns_cannot_tell(claims):
    claim = claims.view(documents=[invoice(), pdf("scan.pdf", None)])
    assert claim.documents[1].readable
    status, results = run(claims, claim)
    assert status == Status.WARN
    assert results[0]["message"].startswith(
        "Could not determine the language of scan.pdf: no readable text"
    )


def test_digits_only_document_warns_cannot_tell(claims):
    claim = claims.view(
        documents=[xlsx_document("numbers.xlsx", [[2026, 10, 20], [15000, 7500, 12000]])]
    )
    status, results = run(claims, claim)
    assert status == Status.WARN
    assert "numbers.xlsx: too few words to tell" in results[0]["message"]


def test_unreadable_document_is_an_error_with_the_reason(claims):
    claim = claims.view(documents=[invoice(), raw_document("report.pdf", b"%PDF-1.7\n% truncated")])
    reason = claim.documents[1].unreadable_reason
    assert reason
    status, results = run(claims, claim)
    assert status == Status.ERROR
    assert results[0]["message"] == f"Could not determine the language of report.pdf: {reason}."


def test_each_problem_gets_its_own_result(claims):
    claim = claims.view(
        documents=[
            invoice(),
            docx_document("Bericht.docx", [GERMAN]),
            pdf("scan.pdf", None),
            pdf("summary.pdf", ["Workshop summary", ENGLISH[:90], ENGLISH[90:180]]),
        ]
    )
    status, results = run(claims, claim)
    assert status == Status.FAIL
    assert [r["status"] for r in results] == ["fail", "warn"]
    assert "summary.pdf" not in " ".join(r["message"] for r in results)


def test_language_names():
    assert language_name("de") == "German"
    assert language_name("es") == "Spanish"
    assert language_name("xx") == "language 'xx'"


@pytest.mark.parametrize("example", Language.examples, ids=lambda e: e.name)
def test_examples(claims, example):
    status, _ = run(claims, example.build(claims))
    assert status == example.expected


def with_extraction(claim, **extraction):
    """The claim with its only document read as ``extraction`` says (for detector edge cases)."""
    document = claim.documents[0]
    fake = Extraction(kind=document.content_type, **extraction)
    return dataclasses.replace(claim, documents=(dataclasses.replace(document, extraction=fake),))


def test_pieces_that_look_foreign_do_not_outvote_the_whole_document(claims):
    cells = [
        Segment(f"Sheet1!C{i}", "consegna prevista entro la fine del mese", "it") for i in range(12)
    ]
    claim = with_extraction(
        claims.view(documents=[xlsx_document("dealers.xlsx", [["Dealer"]])]),
        segments=(Segment("Sheet1!B1", ENGLISH, "en"), *cells),
        language="en",
    )
    status, results = run(claims, claim)
    assert status == Status.WARN
    assert "dealers.xlsx" in results[0]["message"]
    assert "Italian" in results[0]["message"]


def test_names_and_addresses_are_not_the_documents_language(claims):
    """Dealer names and German addresses in an English report: English."""
    cells = [
        Segment(f"Sheet1!A{i}", "Lucerna Arredamenti Lissone Brianza", "it") for i in range(12)
    ] + [Segment(f"Sheet1!B{i}", "Königstraße 12, 80331 München", "de") for i in range(12)]
    claim = with_extraction(
        claims.view(documents=[xlsx_document("dealers.xlsx", [["Dealer"]])]),
        segments=(Segment("Sheet1!C1", ENGLISH, "en"), *cells),
        language="en",
    )
    status, _ = run(claims, claim)
    assert status == Status.PASS


def _sign_in_sheet(claims, names: list[str], language: str):
    rows = [["Name", "Company", "Signature"]] + [[n, "Contoso Ltd", "signed"] for n in names]
    cells = [Segment(f"Sheet1!A{i}", name, language) for i, name in enumerate(names, 2)]
    return with_extraction(
        claims.view(documents=[xlsx_document("attendance.xlsx", rows)]),
        segments=(Segment("Sheet1!A1", "Name\tCompany\tSignature", None), *cells),
        language=language,  # read as a whole, the names are all there is
    )


def test_a_sign_in_sheet_of_spanish_names_cannot_tell_rather_than_fail(claims):
    names = ["María José Fernández", "Juan Carlos Rodríguez", "Guadalupe Hernández López",
             "Francisco Javier Gutiérrez", "Ana Lucía Domínguez", "José Antonio Martínez"]  # fmt: skip
    status, results = run(claims, _sign_in_sheet(claims, names, "es"))
    assert status == Status.WARN
    assert "too few words to tell" in results[0]["message"]


def test_a_sign_in_sheet_of_english_names_passes(claims):
    names = ["Susie Jones", "Robert Whitfield", "Angela Thompson", "Michael Anderson"]
    status, _ = run(claims, _sign_in_sheet(claims, names, "en"))
    assert status == Status.PASS


def test_a_table_of_german_stores_in_an_english_report(claims):
    rows = [
        Segment(f"table 1 row {i}", f"Filiale {town}\t{street}\tAnke Müller\t2026-11-0{i}", "de")
        for i, (town, street) in enumerate(
            [
                ("Hamburg-Altona", "Große Bergstraße 12"),
                ("Bremen-Innenstadt", "Obernstraße 45"),
                ("Hannover-Mitte", "Georgstraße 10"),
                ("Kiel-Holtenau", "Prinz-Heinrich-Straße 3"),
            ],
            1,
        )
    ]
    claim = with_extraction(
        claims.view(documents=[xlsx_document("plan.xlsx", [["x"]])]),
        segments=(Segment("paragraph 1", ENGLISH[:150], "en"), *rows * 3),
        language="de",
    )
    status, _ = run(claims, claim)
    assert status == Status.PASS


@pytest.mark.parametrize("stamp", ["Scanned with CamScanner", "Page 1 of 2"])
def test_a_scan_with_only_a_stamp_or_page_numbers_cannot_tell(claims, stamp):
    claim = with_extraction(
        claims.view(documents=[raw_document("scan.pdf", b"%PDF-1.4")]),
        segments=(Segment("page 1", stamp, None), Segment("page 2", stamp, None)),
        language="en",
    )
    status, results = run(claims, claim)
    assert status == Status.WARN
    assert "no readable text (an image-only or scanned document?)" in results[0]["message"]


def test_kanji_only_pieces_of_a_japanese_document_count_as_japanese(claims):
    claim = with_extraction(
        claims.view(documents=[xlsx_document("一覧.xlsx", [["部署"]])]),
        segments=(
            Segment("Sheet1!A1", JAPANESE, "ja"),
            Segment("Sheet1!A2", "北斗精機株式会社 品質保証部門 " * 8, "zh"),
        ),
        language="ja",
    )
    status, _ = run(claims, claim)
    assert status == Status.PASS


def test_letters_are_counted_per_language_across_many_cells(claims):
    from checks.language import letters_by_language

    segments = []
    for row in range(1, 2001):  # a workbook: mostly numbers, some text in several languages
        segments.append(Segment(f"Sheet1!A{row}", str(row * 7), None))
        if row % 10 == 0:
            segments.append(Segment(f"Sheet1!B{row}", "Прайс-лист 2024 ёж", "ru"))
        if row % 25 == 0:
            segments.append(Segment(f"Sheet1!C{row}", "Price list, 12 items", "en"))
        if row % 500 == 0:
            segments.append(Segment(f"Sheet1!D{row}", "北斗精機", "zh"))
    claim = with_extraction(
        claims.view(documents=[xlsx_document("prices.xlsx", [["x"]])]),
        segments=tuple(segments),
        language="ja",
    )
    counts = letters_by_language(claim.documents[0])
    # Прайслист ёж = 11 letters, Pricelistitems = 14, 北斗精機 = 4 (counted as Japanese here)
    assert counts == {"ru": 200 * 11, "en": 80 * 14, "ja": 4 * 4}


def test_evidence_is_the_segment_with_most_letters_not_the_longest(claims):
    claim = with_extraction(
        claims.view(documents=[xlsx_document("bericht.xlsx", [["x"]])]),
        segments=(
            Segment("Sheet1!A1", "Umsatz " + "1.234.567,00 / " * 12, "de"),  # long, few letters
            Segment("Sheet1!A2", GERMAN[:120], "de"),
            Segment("Sheet1!A3", ENGLISH[:60], "en"),
            Segment("Sheet1!A4", GERMAN[:120], "de"),  # as many letters: the first one is cited
        ),
        language="de",
    )
    status, results = run(claims, claim)
    assert status == Status.FAIL
    assert [e["location"] for e in results[0]["evidence"]] == ["Sheet1!A2"]


# Slide titles and bullets: German capitalises its nouns and Spanish decks are written in
# Title Case, so each line looks like a name or a label.
GERMAN_DECK = [
    ("Zusammenfassung", "Bestandsaufnahme der IT-Landschaft\nAnalyse der Prozesse\n"
     "Einführung von Microsoft Teams"),
    ("Nächste Schritte", "Schulung der Mitarbeiter\nPilotphase Vertrieb\nRollout Januar"),
    ("Ergebnisse", "Zeitersparnis Schichtplanung\nWeniger Papierformulare"),
]  # fmt: skip
SPANISH_DECK = [
    ("Resumen Ejecutivo", "Análisis de Procesos\nPlan de Implantación\nFormación de Usuarios"),
    ("Próximos Pasos", "Piloto en Tres Tiendas\nDespliegue en Enero"),
]


@pytest.mark.parametrize(
    ("slides", "language"),
    [(GERMAN_DECK, "German"), (SPANISH_DECK, "Spanish")],
    ids=["german", "spanish"],
)
def test_a_deck_of_title_case_bullets_in_another_language_fails(claims, slides, language):
    claim = claims.view(documents=[invoice(), pptx_document("deck.pptx", slides)])
    status, results = run(claims, claim)
    assert status == Status.FAIL
    assert [r["status"] for r in results] == ["fail"]
    assert f"not in a supported language: deck.pptx ({language})" in results[0]["message"]
    assert results[0]["evidence"][0]["location"] == "slide 1"


def test_german_bullets_outweigh_an_english_title_slide(claims):
    slides = [("Workshop Summary for Contoso, prepared by Fabrikam", "October 2026"), *GERMAN_DECK]
    claim = claims.view(documents=[invoice(), pptx_document("deck.pptx", slides)])
    status, results = run(claims, claim)
    assert status == Status.FAIL
    assert "deck.pptx (German)" in results[0]["message"]


@pytest.mark.parametrize(
    "slides",
    [
        [("Summary", "Current Process Review\nImplementation Plan\nUser Training"),
         ("Next Steps", "Pilot In Three Stores\nRollout In January")],
        [("Executive Summary", "Review of Current Processes\nDepartment of Education\n"
          "Plan of Action"), ("Next Steps", "Pilot of Teams Shifts\nRollout of Walkie Talkie")],
        [("Synthèse", "Analyse de l'Existant\nPlan de Déploiement\nFormation des Utilisateurs"),
         ("Prochaines Étapes", "Pilote dans Trois Magasins\nDéploiement en Janvier")],
    ],
    ids=["english", "english-with-of", "french"],
)  # fmt: skip
def test_a_deck_of_title_case_bullets_in_english_or_french_passes(claims, slides):
    claim = claims.view(documents=[invoice(), pptx_document("deck.pptx", slides)])
    status, _ = run(claims, claim)
    assert status == Status.PASS


@pytest.mark.parametrize(
    "names",
    [
        ["María José Fernández", "Juan Carlos Rodríguez", "María de los Ángeles Pérez",
         "José de Jesús Ramírez", "Ana Lucía Domínguez", "Carmen Elena Vargas de la Cruz",
         "Miguel Ángel Torres"],
        ["João da Silva", "Maria dos Santos", "Ana de Souza", "Carlos Eduardo Pereira",
         "Fernanda da Costa", "Lucas de Oliveira"],
    ],
    ids=["spanish", "brazilian"],
)  # fmt: skip
def test_a_slide_of_attendee_names_with_particles_still_cannot_tell(claims, names):
    """Names carry "de" and "da" too, but do not read as firmly as a language as bullets do."""
    slides = [("Attendees", "\n".join(names))]
    status, results = run(claims, claims.view(documents=[pptx_document("att.pptx", slides)]))
    assert status == Status.WARN
    assert "att.pptx: too few words to tell" in results[0]["message"]


JA_PARAGRAPH = (
    "ワークショップでは、お客様と現在の業務プロセスを分析し、ソリューション導入計画を作成しました。"
)
ZH_PARAGRAPHS = {
    "simplified": "在研讨会期间，我们与客户一起分析了现有的业务流程，并制定了解决方案的实施计划。",
    "traditional": "在研討會期間，我們與客戶一起分析了現有的業務流程，並制定了解決方案的導入計畫。",
}


@pytest.mark.parametrize("script", ZH_PARAGRAPHS)
def test_a_japanese_document_with_a_chinese_half_warns(claims, script):
    paragraphs = [JA_PARAGRAPH, ZH_PARAGRAPHS[script]] * 4
    claim = claims.view(documents=[invoice(), docx_document("報告書.docx", paragraphs)])
    status, results = run(claims, claim)
    assert status == Status.WARN
    assert [r["status"] for r in results] == ["warn"]
    assert "Partly in an unsupported language: 報告書.docx (" in results[0]["message"]
    assert "% Chinese)" in results[0]["message"]
    assert results[0]["evidence"][0]["location"] == "paragraph 2"


def test_a_mostly_chinese_document_with_some_japanese_fails(claims):
    paragraphs = [JA_PARAGRAPH] + [ZH_PARAGRAPHS["simplified"]] * 3
    claim = claims.view(documents=[invoice(), docx_document("报告.docx", paragraphs)])
    status, results = run(claims, claim)
    assert status == Status.FAIL
    assert "报告.docx (Chinese)" in results[0]["message"]


def test_kanji_only_headings_of_a_japanese_document_stay_japanese(claims):
    paragraphs = ["現行業務分析結果", "業務改善提案書", JA_PARAGRAPH, "具体的施策", "効果測定結果",
                  "導入計画概要：第一段階試験導入、第二段階全社展開", JA_PARAGRAPH]  # fmt: skip
    claim = claims.view(documents=[invoice(), docx_document("報告書.docx", paragraphs)])
    status, _ = run(claims, claim)
    assert status == Status.PASS


@pytest.mark.parametrize(
    "footer",
    [
        ["Confidential - Internal use only"],
        ["Scanned by HP Smart"],
        ["Xerox WorkCentre 7855 - Scan to Email"],  # read as French by the detector
        ["Contoso Ltd", "Confidential - Page {page} of {pages}"],
    ],
    ids=["confidential", "phone-app", "copier", "header-and-page-numbers"],
)
def test_a_scan_whose_only_text_repeats_on_every_page_cannot_tell(claims, footer):
    claim = claims.view(documents=[invoice(), scanned_pdf("scan.pdf", 3, footer)])
    assert claim.documents[1].readable
    status, results = run(claims, claim)
    assert status == Status.WARN
    assert [r["status"] for r in results] == ["warn"]
    assert results[0]["message"].startswith(
        "Could not determine the language of scan.pdf: no readable text besides a header or "
        "footer repeated on every page"
    )


def test_the_pages_not_their_repeated_footer_tell_the_language(claims):
    def body(number):
        return [
            GERMAN[80 * number : 80 * number + 80],
            GERMAN[80 * number + 80 : 80 * number + 160],
        ]

    claim = claims.view(
        documents=[
            invoice(),
            scanned_pdf("Bericht.pdf", 3, ["Confidential - Internal use only"], body),
        ]
    )
    status, results = run(claims, claim)
    assert status == Status.FAIL
    assert "Bericht.pdf (German)" in results[0]["message"]


def test_a_two_page_document_printed_twice_is_not_boilerplate(claims):
    lines = ["Workshop summary", ENGLISH[:90], ENGLISH[90:180]]
    claim = claims.view(documents=[invoice(), scanned_pdf("summary.pdf", 2, [], lambda n: lines)])
    status, _ = run(claims, claim)
    assert status == Status.PASS


def image_pdf(file_name: str, pages: int, footer: list[str], body: list[str] = ()) -> object:
    """A PDF whose pages are a photographed page (a real raster image) with ``footer`` under it
    and ``body`` as text beside it, as a scanner or a phone app writes them."""
    from PIL import Image, ImageDraw
    from reportlab.pdfgen import canvas

    picture = Image.new("L", (850, 1100), 250)
    ImageDraw.Draw(picture).rectangle((80, 80, 770, 400), fill=40)
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    for _ in range(pages):
        page.drawInlineImage(picture, 30, 70, 535, 720)
        for index, line in enumerate(body):
            page.drawString(40, 800 - 14 * index, line)
        for index, line in enumerate(footer):
            page.drawString(72, 50 - 14 * index, line)
        page.showPage()
    page.save()
    return raw_document(file_name, buffer.getvalue())


@pytest.mark.parametrize("footer", [["Confidential - Internal use only"], ["Scan to Email"]])
def test_a_one_page_scan_with_a_short_footer_cannot_tell(claims, footer):
    # One page: the footer cannot be seen repeating, but the page is an image.
    claim = claims.view(documents=[invoice(), image_pdf("scan.pdf", 1, footer)])
    assert claim.documents[1].scanned_pages == (1,)
    status, results = run(claims, claim)
    assert status == Status.WARN
    assert results[0]["message"].startswith(
        "Could not determine the language of scan.pdf: its pages are scanned images"
    )


def test_a_page_with_an_image_and_real_text_is_judged_by_its_text(claims):
    lines = [ENGLISH[i : i + 90] for i in range(0, 270, 90)]
    claim = claims.view(documents=[invoice(), image_pdf("photos.pdf", 1, [], lines)])
    assert claim.documents[1].scanned_pages == ()
    status, _ = run(claims, claim)
    assert status == Status.PASS


# A template's footer in the partner's language, on every slide, says nothing of the slides.
@pytest.mark.parametrize(
    "footer",
    ["Vertraulich – nur für den internen Gebrauch", "Vertrouwelijk – alleen voor intern gebruik"],
    ids=["german", "dutch"],
)
def test_a_foreign_footer_on_every_slide_of_an_english_deck_passes(claims, footer):
    bullets = ["Shift planning reviewed with store managers", "Daily tasks of the frontline teams",
               "Pilot of Teams Shifts in three stores", "Results to the board in December",
               "Wider rollout planned together", "Questions and next meeting"]  # fmt: skip
    deck = pptx_document(
        "workshop.pptx", [(f"Workshop part {n}", f"{b}\n{footer}") for n, b in enumerate(bullets)]
    )
    status, results = run(claims, claims.view(documents=[deck]))
    assert status == Status.PASS, results[0]["message"]


def test_an_english_footer_on_every_slide_of_a_german_deck_still_fails(claims):
    sentences = [s.strip() + "." for s in GERMAN.split(",")]
    deck = pptx_document(
        "workshop.pptx",
        [(f"Teil {n}", f"{s}\nConfidential - internal use only") for n, s in enumerate(sentences)],
    )
    status, results = run(claims, claims.view(documents=[deck]))
    assert status == Status.FAIL
    assert "workshop.pptx (German)" in results[0]["message"]


def test_a_short_traditional_chinese_deck_is_chinese_not_japanese(claims):
    deck = pptx_document(
        "workshop.pptx",
        [("執行摘要", "研討會已完成"), ("後續步驟", "三家門市試行"), ("參與人員", "王小明 資訊部經理")],
    )  # fmt: skip
    status, results = run(claims, claims.view(documents=[deck]))
    assert status == Status.FAIL
    assert "workshop.pptx (Chinese)" in results[0]["message"]


def test_a_japanese_sheet_of_kanji_names_is_not_chinese(claims):
    sheet = xlsx_document(
        "attendees.xlsx",
        [["氏名", "部署", "役職"], ["山田太郎", "情報システム部", "部長"], ["佐藤花子", "営業本部", "課長"],
         ["鈴木一郎", "店舗運営部", "主任"], ["高橋次郎", "経営企画室", "室長"]],
    )  # fmt: skip
    status, results = run(claims, claims.view(documents=[sheet]))
    assert status != Status.FAIL, results[0]["message"]


def test_a_pdf_whose_fonts_have_no_character_map_warns_and_says_why(claims):
    """Such a font gives each character's code 29 too low ("Gxulqj" for "During"): text a
    detector had called French. The PDF here carries those codes as its text."""

    def garbled(line: str) -> str:
        return "".join(ch if ch == " " else chr(ord(ch) - 29) for ch in line)

    lines = [garbled(line) for line in ENGLISH.replace(",", "").replace(".", "").split(" and ")]
    claim = claims.view(documents=[invoice(), pdf("report.pdf", lines)])
    assert "'XULQJ WKH ZRUNVKRS" in claim.documents[1].text
    status, results = run(claims, claim)
    assert status == Status.WARN
    assert results[0]["message"].startswith(
        "Could not determine the language of report.pdf: its text comes out garbled "
        "(its fonts have no character map"
    )

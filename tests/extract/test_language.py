"""Language detection: deterministic, "cannot tell" when there is nothing to tell, mixed documents."""

from __future__ import annotations

import pytest

from workbench.extract import detect_language, extract_file

SNIPPETS = {
    "en": [
        "Please find attached the invoice for the workshop delivered last week.",
        "The customer approved the landing zone design during the review meeting.",
        "Total amount due before taxes",
    ],
    "fr": [
        "Veuillez trouver ci-joint la facture pour l'atelier livré la semaine dernière.",
        "Le client a validé l'architecture cible lors de la réunion de revue.",
        "Montant total hors taxes à payer",
    ],
    "ja": [
        "先週実施したワークショップの請求書を添付いたします。",
        "お客様はレビュー会議でランディングゾーンの設計を承認しました。",
        "税抜きの合計金額",
    ],
    "de": ["Anbei erhalten Sie die Rechnung für den Workshop der vergangenen Woche."],
    "es": ["Adjuntamos la factura del taller realizado la semana pasada en sus oficinas."],
    "ru": ["Во вложении вы найдёте счёт за семинар, проведённый на прошлой неделе."],
    "zh": ["附件是上周举办的研讨会的发票，请查收并安排付款。"],
}


@pytest.mark.parametrize(
    "expected,text", [(code, text) for code, texts in SNIPPETS.items() for text in texts]
)
def test_snippets(expected, text):
    assert detect_language(text)[0] == expected


@pytest.mark.parametrize(
    "text",
    ["", "   ", "\n\t\n", "12345 678.90", "2024-06-03", "$15,000.00", "!!! ---", "Total", "OK"],
)
def test_cannot_tell_is_none(text):
    # langdetect calls spaces Japanese and raises on digits; we say we cannot tell.
    assert detect_language(text) == (None, 0.0)


def test_detection_is_deterministic():
    text = "Rapport de fin de mission, livrables et prochaines étapes"
    assert len({detect_language(text) for _ in range(20)}) == 1


def test_kana_means_japanese_even_in_short_text():
    assert detect_language("ありがとうございます")[0] == "ja"
    assert detect_language("データ")[0] == "ja"


def test_urls_emails_and_numbers_do_not_decide():
    assert (
        detect_language("https://contoso.com/invoices/2024/06 susie@contoso.com 15000")[0] is None
    )


def test_langdetect_fallback_is_seeded(monkeypatch):
    from workbench.extract import language

    monkeypatch.setattr(language, "_model", None)
    monkeypatch.setattr(language, "_model_failed", True)
    text = "Le client a validé l'architecture cible lors de la réunion de revue."
    assert {language.detect_language(text)[0] for _ in range(5)} == {"fr"}
    assert language.detect_language("     ") == (None, 0.0)


def test_document_and_segment_languages_for_a_mixed_document(make_docx):
    english = "The workshop covered the migration plan, the landing zone and the security baseline in detail."
    french = (
        "L'atelier a couvert le plan de migration, la zone d'atterrissage et la sécurité en détail."
    )
    result = extract_file(make_docx(paragraphs=[english, english, french]))
    assert [s.language for s in result.segments] == ["en", "en", "fr"]
    assert result.language == "en"
    assert set(result.languages) == {"en", "fr"} and result.languages["en"] > result.languages["fr"]


def test_text_less_documents_have_no_language(make_pdf, make_xlsx):
    assert extract_file(make_pdf(pages=[[]])).language is None
    numbers = extract_file(make_xlsx(sheets={"S": {"A1": 1, "A2": 2.5, "B1": "1234"}}))
    assert numbers.ok and numbers.language is None and numbers.languages == {}


def test_spreadsheet_language_comes_from_all_its_short_cells(make_xlsx):
    cells = {
        f"A{i}": word
        for i, word in enumerate(
            [
                "Facture",
                "Client",
                "Montant hors taxes",
                "Date de livraison",
                "Référence du contrat",
                "Conditions de paiement",
                "Adresse de facturation",
                "Remise commerciale",
            ],
            start=1,
        )
    }
    result = extract_file(make_xlsx(sheets={"Feuille": cells}))
    assert result.language == "fr"


def glyph_codes(text: str) -> str:
    """``text`` as a PDF font without a character map gives it: each code 29 too low."""
    return "".join(ch if ch.isspace() else chr(ord(ch) - 29) for ch in text)


@pytest.mark.parametrize(
    "text",
    [
        "During the workshop we reviewed the current shift planning process with the store "
        "managers and agreed on a pilot of Teams Shifts in three stores of the customer.",
        "Im Rahmen des Workshops haben wir gemeinsam mit den Filialleitern die bestehende "
        "Schichtplanung analysiert und einen Pilotbetrieb in drei Filialen vereinbart.",
    ],
)
def test_text_of_a_font_without_a_character_map_is_cannot_tell(text):
    from workbench.extract.language import glyph_shifted

    garbled = glyph_codes(text)
    assert garbled.startswith(("'XULQJ", ",P"))  # "During", "Im"
    assert glyph_shifted(garbled)
    assert detect_language(garbled) == (None, 0.0)
    assert not glyph_shifted(text)


@pytest.mark.parametrize(
    "text",
    [
        # Capitals are not garble: a heading, a form, an all-caps banner.
        "STATEMENT OF WORK - MICROSOFT TEAMS ADOPTION WORKSHOP - CONTOSO PHARMACEUTICALS LTD",
        "INVOICE NO. INV-2026-0417 BILL TO CONTOSO LTD ATTN ACCOUNTS PAYABLE TOTAL DUE USD",
        "VEUILLEZ TROUVER CI-JOINT LA FACTURE POUR L'ATELIER LIVRÉ LA SEMAINE DERNIÈRE À PARIS",
    ],
)
def test_capitals_are_not_taken_for_garbled_text(text):
    from workbench.extract.language import glyph_shifted

    assert not glyph_shifted(text)


def test_the_corpus_pdf_without_character_maps_is_not_french():
    """kreuzberg/non_ascii_text.pdf: 15 garbled pages, then 3 pages of real German."""
    from conftest import CORPUS

    path = CORPUS / "kreuzberg" / "non_ascii_text.pdf"
    if not path.exists():
        pytest.skip(f"document corpus not found at {CORPUS}")
    extraction = extract_file(path)
    assert extraction.language is None
    assert [s.language for s in extraction.segments[:15]] == [None] * 15
    assert {s.language for s in extraction.segments[-2:]} == {"de"}

"""poe-sections: the POE report has its template's sections, filled in, on real documents."""

from __future__ import annotations

import pytest

from checks.poe_sections import PoeSections
from tests.checks.test_invoice_parsing import pdf_document
from workbench.check_api import Status
from workbench.engine.sandbox import run_check_here
from workbench.testing import (
    ClaimBuilder,
    docx_document,
    invoice_docx,
    pptx_document,
    raw_document,
    xlsx_document,
)

INVOICE = invoice_docx(["INVOICE INV-2026-001", "Claim ID: 3000001", "FridayINC Inc."])
# Enable Frontline Workshop: Executive Summary, Frontline Scenarios, Envisioning Session, Next Steps.
FILLED = {
    "Executive Summary": "Contoso Ltd frontline workshop with 14 store managers.",
    "Frontline Scenarios": "Shift swaps, task lists and walkie-talkie in Teams.",
    "Envisioning Session": "Held on 2 October with the store operations team.",
    "Next Steps": "A pilot of Teams Shifts in three stores by December.",
}


@pytest.fixture
def claims(tmp_path):
    return ClaimBuilder(tmp_path)


def run(claims, *poe, **fields):
    claim = claims.view(documents=[INVOICE, *poe], **fields)
    (result,) = run_check_here(PoeSections(), claim, claims.context())
    return Status(result["status"]), result


def paragraphs(sections: dict[str, str]) -> list[str]:
    return [line for heading, body in sections.items() for line in (heading, body)]


def test_a_deck_with_every_section_filled_in_passes_citing_each_heading(claims):
    status, result = run(claims, pptx_document("report.pptx", list(FILLED.items())))
    assert status == Status.PASS, result["message"]
    assert [e["location"] for e in result["evidence"]] == [
        "slide 1", "slide 2", "slide 3", "slide 4"
    ]  # fmt: skip


@pytest.mark.parametrize(
    "headings",
    [
        [
            "1. Executive summary",
            "2. Frontline scenarios",
            "3. Envisioning session",
            "4. Next step",
        ],
        ["EXECUTIVE SUMMARY", "FRONTLINE SCENARIOS:", "Envisioning-Session", "Next Steps & Owners"],
    ],
    ids=["numbered-singular", "caps-punctuation"],
)
def test_headings_written_as_partners_do_are_found(claims, headings):
    document = docx_document(
        "report.docx", paragraphs(dict(zip(headings, FILLED.values(), strict=True)))
    )
    status, result = run(claims, document)
    assert status == Status.PASS, result["message"]


def test_sections_in_table_cells_and_across_documents_count(claims):
    report = docx_document(
        "report.docx",
        ["Workshop report"],
        table=[["Section", "Content"], ["Executive Summary", FILLED["Executive Summary"]],
               ["Frontline Scenarios", FILLED["Frontline Scenarios"]]],
    )  # fmt: skip
    sheet = xlsx_document(
        "plan.xlsx",
        [
            ["Envisioning Session", FILLED["Envisioning Session"]],
            ["Next Steps", FILLED["Next Steps"]],
        ],
    )
    status, result = run(claims, report, sheet)
    assert status == Status.PASS, result["message"]


def test_a_heading_broken_over_two_lines_of_a_pdf_page_is_found(claims):
    report = pdf_document(
        "report.pdf",
        ["Executive", "Summary", FILLED["Executive Summary"], "Frontline Scenarios",
         FILLED["Frontline Scenarios"], "Envisioning Session", FILLED["Envisioning Session"],
         "Next Steps", FILLED["Next Steps"]],
        kind="poe",
    )  # fmt: skip
    status, result = run(claims, report)
    assert status == Status.PASS, result["message"]


def test_missing_sections_fail_naming_them_and_the_template(claims):
    report = docx_document(
        "report.docx",
        paragraphs({k: FILLED[k] for k in ("Executive Summary", "Frontline Scenarios")}),
    )
    status, result = run(claims, report)
    assert status == Status.FAIL
    assert result["message"] == (
        "The POE (report.docx) does not name the sections 'Envisioning Session' and 'Next Steps', "
        "required by the Enable Frontline Workshop POE template."
    )
    assert [e["excerpt"] for e in result["evidence"]] == [
        "Executive Summary",
        "Frontline Scenarios",
    ]


def test_a_report_with_none_of_the_sections_fails(claims):
    report = docx_document("report.docx", ["Workshop report", "We met the store managers."])
    status, result = run(claims, report)
    assert status == Status.FAIL
    assert "'Executive Summary', 'Frontline Scenarios', 'Envisioning Session'" in result["message"]


@pytest.mark.parametrize(
    "body",
    ["[Insert the session's outcomes]", "TBD", "", "<Enter the attendees and the date>"],
    ids=["insert", "tbd", "empty", "angle-brackets"],
)
def test_a_section_left_with_the_templates_placeholder_warns(claims, body):
    sections = {**FILLED, "Envisioning Session": body}
    status, result = run(claims, pptx_document("report.pptx", list(sections.items())))
    assert status == Status.WARN
    assert "the section 'Envisioning Session' is empty or still holds" in result["message"]
    assert result["evidence"][0]["location"] == "slide 3"


def test_sections_named_only_in_the_agenda_are_not_completed(claims):
    report = docx_document(
        "report.docx",
        ["Agenda", "Executive Summary", "Frontline Scenarios", "Envisioning Session",
         "Next Steps", "Notes", "The workshop went well and the customer was pleased."],
    )  # fmt: skip
    status, result = run(claims, report)
    assert status == Status.WARN
    assert "are empty or still hold the template's placeholders" in result["message"]


def test_a_french_report_without_the_english_headings_warns(claims):
    report = docx_document(
        "rapport.docx",
        ["Synthèse", "Atelier Frontline avec quatorze responsables de magasin de Contoso.",
         "Scénarios", "Échanges de postes, listes de tâches et talkie-walkie dans Teams.",
         "Prochaines étapes", "Un pilote de Teams Shifts dans trois magasins d'ici décembre."],
    )  # fmt: skip
    status, result = run(claims, report, partner={"country": "FR"})
    assert status == Status.WARN
    assert "it is not in English, and its headings may be translated" in result["message"]


def test_an_unreadable_report_means_the_check_cannot_tell(claims):
    status, result = run(claims, raw_document("report.pdf", b"%PDF-1.7\n garbage"))
    assert status == Status.ERROR
    assert "report.pdf cannot be read" in result["message"]


def test_a_disclosure_is_not_searched_for_the_reports_sections(claims):
    disclosure = docx_document(
        "psd.docx",
        ["Public Sector Disclosure", "Executive Summary",
         "FridayINC discloses to the City of Riverton, a government entity, that Microsoft pays "
         "FridayINC an incentive for this engagement."],
    )  # fmt: skip
    report = docx_document("report.docx", paragraphs({k: v for k, v in FILLED.items()
                                                      if k != "Executive Summary"}))  # fmt: skip
    status, result = run(
        claims, disclosure, report,
        customer={"public_sector": True, "name": "City of Riverton", "country": "US"},
    )  # fmt: skip
    assert status == Status.FAIL
    assert "does not name the section 'Executive Summary'" in result["message"]


def test_no_poe_document_skips(claims):
    status, result = run(claims)
    assert status == Status.SKIP
    assert "completeness" in result["message"]


def test_a_paragraph_mentioning_another_section_does_not_end_the_one_it_is_in(claims):
    report = docx_document(
        "report.docx",
        ["Executive Summary",
         "FridayINC ran the workshop for 14 store managers, covering three frontline scenarios, "
         "an envisioning session with the operations team, and agreed next steps.",
         "Frontline Scenarios", FILLED["Frontline Scenarios"],
         "Envisioning Session", FILLED["Envisioning Session"],
         "Next Steps", "Next steps were agreed with the store managers for the December pilot."],
    )  # fmt: skip
    status, result = run(claims, report)
    assert status == Status.PASS, result["message"]


def test_sections_only_mentioned_in_prose_are_missing(claims):
    report = docx_document(
        "report.docx",
        ["Workshop report",
         "We did not hold the envisioning session this time; next steps are to be agreed "
         "with the frontline scenarios owner and summarised in an executive summary later."],
    )  # fmt: skip
    status, result = run(claims, report)
    assert status == Status.FAIL
    assert (
        "does not name the sections 'Executive Summary', 'Frontline Scenarios'" in result["message"]
    )


@pytest.mark.parametrize(
    ("engagement", "headings"),
    [("ammp-infrastructure-migration-large",
      ["Migration Assessment", "Landing Zone", "Migration Wave Planning", "Cutover Report"]),
     ("needs-assessment-d365-sales", ["Business Processes Review", "Solution Fit", "Roadmap"]),
     ("nextgen-windows-workshop",
      ["Device Assessment", "Windows 11 Readiness Report", "Recommendations"]),
     ("defend-threats-siem-xdr-workshop",
      ["Threat Exploration", "Microsoft Sentinel Deployment", "FINDINGS & RECOMMENDATIONS"])],
    ids=["planning", "processes", "windows-11", "ampersand"],
)  # fmt: skip
def test_word_forms_of_the_templates_headings(claims, engagement, headings):
    body = "The customer's team reviewed this part with FridayINC in October."
    deck = pptx_document("report.pptx", [(h, body) for h in headings])
    status, result = run(claims, deck, engagement_id=engagement)
    assert status == Status.PASS, result["message"]


def test_concise_japanese_content_is_content(claims):
    deck = pptx_document(
        "report.pptx",
        [("Executive Summary", "店舗責任者14名とワークショップを実施。"),
         ("Frontline Scenarios", "シフト交換とタスク管理を検討。"),
         ("Envisioning Session", "運用チームと優先順位を決定。"),
         ("Next Steps", "12月に3店舗で試行。")],
    )  # fmt: skip
    status, result = run(claims, deck, partner={"country": "JP"})
    assert status == Status.PASS, result["message"]


def test_a_bilingual_heading_names_the_section_in_brackets(claims):
    report = docx_document(
        "rapport.docx",
        ["Synthèse (Executive Summary)", "Atelier Frontline avec quatorze responsables de magasin.",
         "Scénarios (Frontline Scenarios)", "Échanges de postes et listes de tâches dans Teams.",
         "Atelier de vision (Envisioning Session)", "Priorités fixées avec l'équipe des opérations.",
         "Prochaines étapes (Next Steps)", "Un pilote dans trois magasins d'ici décembre."],
    )  # fmt: skip
    status, result = run(claims, report, partner={"country": "FR"})
    assert status == Status.PASS, result["message"]


def test_an_english_annex_does_not_make_a_french_reports_headings_missing(claims):
    report = docx_document(
        "rapport.docx",
        ["Synthèse", "Atelier Frontline avec quatorze responsables de magasin de Contoso.",
         "Prochaines étapes", "Un pilote de Teams Shifts dans trois magasins d'ici décembre."],
    )  # fmt: skip
    sheet = xlsx_document("attendance.xlsx", [["Name", "Role"], ["Ann Lee", "Store manager"]])
    status, result = run(claims, report, sheet, partner={"country": "FR"})
    assert status == Status.WARN
    assert "headings may be translated" in result["message"]


# --- headings worded, numbered and laid out as partners really write them -------------

BODY = "FridayINC reviewed this with the Contoso Ltd team on 2 October and agreed the outcome."


def deck(headings, bodies=None):
    bodies = bodies or [BODY] * len(headings)
    return pptx_document("report.pptx", list(zip(headings, bodies, strict=True)))


@pytest.mark.parametrize(
    ("engagement", "headings"),
    [("ammp-infrastructure-migration-large",
      ["Migration Assessment", "Landing Zone", "Migration Wave Plan", "Cut-over Report"]),
     ("ammp-infrastructure-migration-large",
      ["Migration Assessment", "Landing Zone", "Migration Wave Plan", "Cut over report"]),
     ("needs-assessment-d365-sales", ["Business Process Review", "Solution Fit", "Road Map"]),
     ("needs-assessment-d365-sales",
      ["Business Process Review", "Solution Fit", "Implementation Road-map"])],
    ids=["cut-over", "cut-over-spaced", "road-map", "road-map-after-a-word"],
)  # fmt: skip
def test_a_compound_word_written_in_two_is_the_templates_heading(claims, engagement, headings):
    status, result = run(claims, deck(headings), engagement_id=engagement)
    assert status == Status.PASS, result["message"]


@pytest.mark.parametrize(
    "heading",
    ["Findings / Recommendations", "Findings, Recommendations", "Key Findings/Recommendations"],
)
def test_a_slash_or_comma_stands_for_the_and_of_a_heading(claims, heading):
    headings = ["Threat Exploration", "Microsoft Sentinel Deployment", heading]
    status, result = run(claims, deck(headings), engagement_id="defend-threats-siem-xdr-workshop")
    assert status == Status.PASS, result["message"]


FRONTLINE = ["Executive Summary", "Frontline Scenarios", "Envisioning Session", "Next Steps"]
DOTTED = [f"{n}. {h} ........ {n + 2}" for n, h in enumerate(FRONTLINE, start=1)]
WORD_TOC = [f"{n}.\t{h}\t{n + 2}" for n, h in enumerate(FRONTLINE, start=1)]


@pytest.mark.parametrize("contents", [DOTTED, WORD_TOC], ids=["dot-leaders", "word-tabs"])
def test_sections_listed_only_in_a_table_of_contents_are_missing(claims, contents):
    report = docx_document(
        "report.docx",
        ["Contoso Frontline Workshop Report", "Table of Contents", *contents,
         "The workshop was held on 2 October with 14 store managers; it went well."],
    )  # fmt: skip
    status, result = run(claims, report)
    assert status == Status.FAIL
    assert (
        "does not name the sections 'Executive Summary', 'Frontline Scenarios'"
        in (result["message"])
    )


def test_a_table_of_contents_before_the_sections_themselves_passes(claims):
    sections = [line for heading in FRONTLINE for line in (heading, BODY)]
    report = docx_document("report.docx", ["Table of Contents", *WORD_TOC, *sections])
    status, result = run(claims, report)
    assert status == Status.PASS, result["message"]
    assert result["evidence"][0]["location"] == "paragraph 6"


@pytest.mark.parametrize(
    "body",
    ["TBD – details to follow after the workshop",
     "TBD: the session will be scheduled after the pilot",
     "Describe the frontline scenarios discussed with the customer here"],
    ids=["tbd-dash", "tbd-colon", "instruction-here"],
)  # fmt: skip
def test_a_section_still_to_be_written_warns(claims, body):
    status, result = run(claims, deck(FRONTLINE, [BODY, body, BODY, BODY]))
    assert status == Status.WARN
    assert "the section 'Frontline Scenarios' is empty or still holds" in result["message"]


def test_a_section_that_says_one_detail_is_tbd_is_filled_in(claims):
    body = "Pilot of Teams Shifts in three stores; the fourth store is TBD with the customer."
    status, result = run(claims, deck(FRONTLINE, [BODY, BODY, BODY, body]))
    assert status == Status.PASS, result["message"]


# The template's instructions left under a heading, in the forms templates give them: where to
# write, how much, to the partner about the customer, a verb only a template opens with over
# its generic words, a blank in brackets, what the section should hold.
TEMPLATE_INSTRUCTIONS = [
    "Provide a summary of the engagement's objectives and outcomes here. Include the number of "
    "attendees and their roles.",
    "Describe the current state of the customer's environment and the challenges it faces.",
    "Insert the customer's business goals and the workshop outcomes.",
    "[Provide the agreed next steps with owners and dates]",
    "<Next step 1 – owner – date>, <Next step 2 – owner – date>",
    "Please describe the scenarios you discussed with the customer and who owns each.",
    "Use this slide to list the attendees, their titles and the decisions they took.",
    "Summarise in a few sentences who the customer is and what it asked for.",
    "This section should describe the customer's frontline roles and how shifts are planned.",
    "• Briefly explain how the workshop was run and what the customer decided.",
]


@pytest.mark.parametrize("body", TEMPLATE_INSTRUCTIONS, ids=[b[:28] for b in TEMPLATE_INSTRUCTIONS])
def test_the_templates_instruction_left_under_a_heading_warns(claims, body):
    status, result = run(claims, deck(FRONTLINE, [BODY, BODY, BODY, body]))
    assert status == Status.WARN, result["message"]
    assert "the section 'Next Steps' is empty or still holds" in result["message"]
    assert result["evidence"][0]["location"] == "slide 4"


def test_an_instruction_wrapped_over_two_lines_of_a_pdf_warns(claims):
    report = pdf_document(
        "report.pdf",
        ["Executive Summary", "Provide a summary of the engagement's objectives and",
         "outcomes here, with the names and titles of the attendees.",
         "Frontline Scenarios", FILLED["Frontline Scenarios"], "Envisioning Session",
         FILLED["Envisioning Session"], "Next Steps", FILLED["Next Steps"]],
        kind="poe",
    )  # fmt: skip
    status, result = run(claims, report)
    assert status == Status.WARN, result["message"]
    assert "the section 'Executive Summary' is empty or still holds" in result["message"]


def test_the_catalogs_template_example_with_the_customers_name_filled_in_warns(claims):
    from workbench.domain.catalog import default_catalog_path

    example = default_catalog_path().parent / "poe_examples/enable-frontline-workshop"
    data = (example / "example-workshop-report.pptx").read_bytes()
    status, result = run(claims, raw_document("Contoso_Workshop_Report.pptx", data))
    assert status == Status.WARN, result["message"]
    assert "'Executive Summary'" in result["message"]
    assert "'Next Steps'" in result["message"]


# A partner's next steps are imperative too. Each is content; its twin, the template's
# instruction in nearly the same words, is not.
IMPERATIVES = [
    ("Provide the migration plan to the customer by June.",
     "Provide the migration plan to the customer here, with its owner and date."),
    ("Describe the pilot results to the steering committee on 12 December.",
     "Describe the pilot results the customer expects."),
    ("Explain the new shift policy to store managers before the pilot.",
     "Explain the new shift policy to the customer in a few sentences."),
    ("Use the Teams admin centre to assign the Frontline Worker policy.",
     "Use this slide to assign owners to each frontline scenario."),
    ("Give the customer's IT team admin access to the Sentinel workspace.",
     "Give the next steps as you agreed them with the customer."),
    ("Keep the legacy VPN until the cutover in March.", "Keep this section to half a page."),
    ("Insert the new firewall rules before go-live on 3 May.",
     "Insert the customer's next steps and their owners."),
    ("Schedule the workshop with the store managers for 12 November.",
     "This section should list the workshops scheduled with the customer."),
    ("Provide your feedback on the pilot to the project team by Friday.",
     "Please describe what the customer told you about the pilot."),
    ("1. Add 40 Copilot licences for the finance team and enrol the devices.",
     "1. <Next step – owner – date>  2. <Next step – owner – date>"),
]  # fmt: skip


@pytest.mark.parametrize(("own", "template"), IMPERATIVES, ids=[o[:28] for o, _ in IMPERATIVES])
def test_a_partners_imperative_next_step_is_content_and_the_templates_is_not(claims, own, template):
    def status_of(next_steps: str) -> Status:
        document = docx_document("report.docx", paragraphs({**FILLED, "Next Steps": next_steps}))
        status, _ = run(claims, document)
        return status

    assert status_of(own) == Status.PASS
    assert status_of(template) == Status.WARN

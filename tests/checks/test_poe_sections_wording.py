"""poe-sections on headings worded, numbered and laid out as partners really write them."""

from __future__ import annotations

import pytest

from checks.poe_sections import PoeSections
from workbench.check_api import Status
from workbench.engine.sandbox import run_check_here
from workbench.testing import ClaimBuilder, docx_document, invoice_docx, pptx_document

INVOICE = invoice_docx(["INVOICE INV-2026-001", "Claim ID: 3000001", "FridayINC Inc."])
BODY = "FridayINC reviewed this with the Contoso Ltd team on 2 October and agreed the outcome."


@pytest.fixture
def claims(tmp_path):
    return ClaimBuilder(tmp_path)


def run(claims, *poe, **fields):
    claim = claims.view(documents=[INVOICE, *poe], **fields)
    (result,) = run_check_here(PoeSections(), claim, claims.context())
    return Status(result["status"]), result


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

"""Tests of the example check, written the way the workbench's tutorial shows."""

from poe_check_attendees import AttendeeList

from workbench.testing import ClaimBuilder, docx_document


def run(claim, claims):
    return AttendeeList().run(claim, claims.context())


def test_names_with_titles_pass(tmp_path):
    claims = ClaimBuilder(tmp_path)
    claim = claims.view(
        documents=[
            docx_document(
                "report.docx",
                ["Participants", "Ana Lima, Head of Retail IT", "Joe Park - Store Manager"],
            )
        ]
    )
    assert run(claim, claims).status == "pass"


def test_a_heading_without_people_warns(tmp_path):
    claims = ClaimBuilder(tmp_path)
    claim = claims.view(documents=[docx_document("report.docx", ["Attendees", "TBD"])])
    result = run(claim, claims)
    assert result.status == "warn"
    assert "names 0 attendee(s)" in result.message
    assert result.evidence[0].document == "report.docx"

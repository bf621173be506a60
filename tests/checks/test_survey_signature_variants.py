"""survey-signature: signatures as e-signature tools and people really write them."""

from __future__ import annotations

import pytest

from checks.survey_signature import missing_parts, parse_signature


@pytest.mark.parametrize(
    "signature",
    [
        "DocuSigned by:\nSusie Jones\n4F3A2B1C9D8E4F7A...\nSigner Name: Susie Jones\n"
        "Title: Head of Digital\nCompany: Contoso Ltd\nUsing IP Address: 203.0.113.7",
        "DocuSigned by:\nSusie Jones\nB1E7A0C8D2F3449\nTitle: Head of Digital\nCompany: Contoso Ltd",
        "S. Jones\nName: Susie Jones\nTitle: Head of Digital\nCompany: Contoso Ltd",
    ],
    ids=["docusign-stamp-and-fields", "docusign-stamp-without-name-field", "name-field-wins"],
)
def test_a_docusign_stamp_before_labelled_fields_gives_the_name(signature):
    # The stamp's signer ID is no part of the name, and a labelled name beats the stamp's.
    parsed = parse_signature(signature, "Contoso Ltd")
    assert (parsed.name, parsed.company, parsed.title) == (
        "Susie Jones",
        "Contoso Ltd",
        "Head of Digital",
    )
    assert missing_parts(parsed) == []

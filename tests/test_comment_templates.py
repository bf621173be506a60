"""Pre-filled comments: DOMAIN's wording, the team's signature, and nothing from other claims."""

from workbench.domain.comment_templates import FailedCheck, suggest
from workbench.domain.enums import DecisionOutcome

SIGNATURE = "Workshops - POE Validation Team"


def test_nothing_failed_suggests_nothing():
    assert suggest([], SIGNATURE) is None


def test_language_names_the_documents():
    suggestion = suggest(
        [FailedCheck("language", "Bericht.docx is in German.", ("Bericht.docx",))], SIGNATURE
    )
    assert suggestion.outcome == DecisionOutcome.REQUEST_ACTION
    assert "not in a supported language (English, French or Japanese): Bericht.docx" in (
        suggestion.comment
    )
    assert suggestion.comment.endswith(SIGNATURE)


def test_affiliate_suggests_rejection():
    suggestion = suggest([FailedCheck("affiliate", "Same domain.", ()),
                          FailedCheck("psd", "No PSD.", ())], SIGNATURE)  # fmt: skip
    assert suggestion.outcome == DecisionOutcome.REJECT
    assert suggestion.comment.startswith("Partners are not eligible for incentives")


def test_copies_never_reveal_the_other_claim():
    suggestion = suggest(
        [
            FailedCheck("duplicate-poe", "deck.pptx is 100% the same as Wingtip.pptx of claim "
                        "3100016.", ("deck.pptx",)),
            FailedCheck("invoice-unique", "INV-1 was also uploaded on claim 3100006.",
                        ("inv.pdf",)),
        ],
        SIGNATURE,
    )  # fmt: skip
    assert "3100016" not in suggestion.comment and "Wingtip" not in suggestion.comment
    assert "3100006" not in suggestion.comment
    assert "These documents duplicate existing POE: deck.pptx." in suggestion.comment
    assert "inv.pdf was already used on another claim" in suggestion.comment

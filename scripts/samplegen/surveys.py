"""Customer and partner survey answers as the programme records them."""

from __future__ import annotations

SIGNATURE_QUESTION = (
    "Please type your full name, company name and title. This is your electronic signature."
)


def completed(at: str, answers: list[tuple[str, str]], signature: str) -> dict:
    responses = [{"question": q, "answer": a} for q, a in answers]
    responses.append({"question": SIGNATURE_QUESTION, "answer": signature})
    return {
        "status": "completed",
        "completed_at": at,
        "responses": responses,
        "signature": signature,
    }


def not_initiated() -> dict:
    return {"status": "not_initiated", "completed_at": None, "responses": [], "signature": None}


def sent() -> dict:
    return {"status": "sent", "completed_at": None, "responses": [], "signature": None}


def customer(
    at: str,
    partner: str,
    signature: str,
    outcome: str,
    satisfaction: str = "Very satisfied",
    adopt: str = "Very likely",
) -> dict:
    return completed(
        at,
        [
            (f"How satisfied are you with the engagement delivered by {partner}?", satisfaction),
            (
                "Did the partner deliver the activities described for this engagement (sessions, "
                "assessment, report)?",
                "Yes",
            ),
            (
                "How likely is your organization to adopt the recommended Microsoft solutions in the "
                "next six months?",
                adopt,
            ),
            ("What was the most valuable outcome of the engagement?", outcome),
        ],
        signature,
    )


def partner(
    at: str, delivered: str, attendees: int, scope: str, next_step: str, signature: str
) -> dict:
    return completed(
        at,
        [
            ("On which date(s) was the engagement delivered?", delivered),
            ("How many customer attendees took part?", str(attendees)),
            ("Which Microsoft products or services were in scope?", scope),
            ("Did the customer agree to next steps or a follow-on project?", next_step),
        ],
        signature,
    )

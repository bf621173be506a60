"""Replay a check over claims already decided, to see a rule's effect before enabling it."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.models import Claim, Decision

FLAGGING = {"fail", "warn"}


@dataclass
class BacktestReport:
    check_id: str
    totals: Counter = field(default_factory=Counter)  # outcome -> claims
    flagged: Counter = field(default_factory=Counter)  # outcome -> claims flagged
    errors: Counter = field(default_factory=Counter)  # outcome -> claims where it errored
    examples: list[tuple[str, str, str]] = field(default_factory=list)

    def describe(self) -> str:
        lines = [f"backtest of {self.check_id} over {sum(self.totals.values())} decided claim(s):"]
        for outcome in ("approve", "request_action", "reject"):
            total = self.totals[outcome]
            if not total:
                continue
            label = {"approve": "approved", "request_action": "action required",
                     "reject": "rejected"}[outcome]  # fmt: skip
            share = 100 * self.flagged[outcome] / total
            lines.append(
                f"  {label:<16} {total:>4} claims, {self.flagged[outcome]:>4} flagged "
                f"({share:.0f}%), {self.errors[outcome]} error(s)"
            )
        for claim_id, outcome, message in self.examples[:10]:
            lines.append(f"  flagged {claim_id} ({outcome}): {message}")
        return "\n".join(lines)


def backtest(session: Session, engine, check_id: str) -> BacktestReport:
    """Run ``check_id`` on every claim with a decision; classify by the last decision."""
    report = BacktestReport(check_id)
    last_decision = {}
    for decision in session.scalars(select(Decision).order_by(Decision.at, Decision.id)):
        last_decision[decision.claim_id] = decision.outcome.value
    claims = session.scalars(
        select(Claim).where(Claim.id.in_(last_decision)).order_by(Claim.claim_id)
    )
    for claim in claims:
        outcome = last_decision[claim.id]
        report.totals[outcome] += 1
        results = engine.evaluate(session, claim, check_id)
        if any(r["status"] == "error" for r in results):
            report.errors[outcome] += 1
        flagged = [r for r in results if r["status"] in FLAGGING]
        if flagged:
            report.flagged[outcome] += 1
            report.examples.append((claim.claim_id, outcome, flagged[0]["message"]))
    return report

"""The reviewers' queue: filters, search, sorting, pages, the review clock, Next claim, views."""

from __future__ import annotations

import subprocess
import sys
import threading
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import event, func, select

from workbench.db import get_db
from workbench.domain import decisions, queue
from workbench.domain.enums import (
    ActorKind,
    CheckStatus,
    ClaimStatus,
    CustomerIdType,
    DecisionOutcome,
)
from workbench.domain.queue import QueueQuery, list_queue, next_claim
from workbench.domain.workflow import Actor, Event, apply
from workbench.models import CheckResult, Claim, Customer, HistoryEvent, PartnerLocation, User

T0 = datetime(2026, 10, 1, 9, 0, tzinfo=UTC)
NOW = datetime(2026, 10, 20, 12, 0, tzinfo=UTC)
DAY = timedelta(days=1)
HOUR = timedelta(hours=1)


class ClaimFactory:
    """Claims that went through the real state machine, without documents (fast)."""

    def __init__(self, session) -> None:
        self.session = session

    def _partner(self, name: str, country: str) -> PartnerLocation:
        partner = self.session.scalar(select(PartnerLocation).where(PartnerLocation.name == name))
        if partner is None:
            partner = PartnerLocation(
                partner_id=f"P{abs(hash(name)) % 10**8}", name=name, country=country
            )
            self.session.add(partner)
        return partner

    def _customer(self, name: str, public_sector: bool) -> Customer:
        customer = self.session.scalar(select(Customer).where(Customer.name == name))
        if customer is None:
            customer = Customer(
                id_type=CustomerIdType.DOMAIN, external_id=name.lower().replace(" ", "") + ".com",
                name=name, country="US", public_sector=public_sector,
            )  # fmt: skip
            self.session.add(customer)
        return customer

    def submitted(
        self, claim_id: str, *, engagement: str = "enable-frontline-workshop",
        partner: str = "FridayINC", country: str = "US", customer: str = "Contoso Ltd",
        at: datetime = T0, public_sector: bool = False,
    ) -> Claim:  # fmt: skip
        claim = Claim(
            claim_id=claim_id, claim_name=f"{customer} - {claim_id}", engagement_id=engagement,
            partner=self._partner(partner, country),
            customer=self._customer(customer, public_sector),
            status=ClaimStatus.CONSENT_RECEIVED, is_dispute=False,
            created_on=date(2026, 9, 1), consent_date=date(2026, 9, 10),
            first_submitted_at=at, submitted_at=at,
        )  # fmt: skip
        self.session.add(claim)
        self.session.flush()
        apply(self.session, claim, Event.SUBMIT, actor=Actor.partner(), at=at)
        return claim

    def under_review(self, claim_id: str, reviewer: User, *, at: datetime = T0, **kw) -> Claim:
        claim = self.submitted(claim_id, at=at, **kw)
        decisions.pick_up(self.session, claim, reviewer, at=at + timedelta(hours=1))
        return claim

    def decided(self, claim: Claim, outcome: DecisionOutcome, reviewer: User, at: datetime):
        if claim.status == ClaimStatus.SUBMITTED:
            decisions.pick_up(self.session, claim, reviewer, at=at - timedelta(hours=1))
        decisions.decide(self.session, claim, outcome, reviewer, at=at, comment="Because.")
        return claim

    def dispute(self, claim_id: str, rejecter: User, *, at: datetime, **kw) -> Claim:
        """A claim rejected by ``rejecter`` two days before ``at`` and disputed at ``at``."""
        claim = self.submitted(claim_id, at=at - 4 * DAY, **kw)
        self.decided(claim, DecisionOutcome.REJECT, rejecter, at - 2 * DAY)
        apply(self.session, claim, Event.DISPUTE, actor=Actor.partner(), at=at - DAY)
        apply(self.session, claim, Event.SUBMIT_DISPUTE, actor=Actor.partner(), at=at)
        return claim

    def checks(self, claim: Claim, *statuses: str, current: bool = True) -> None:
        for number, status in enumerate(statuses):
            self.session.add(
                CheckResult(
                    claim_id=claim.id, check_id=f"check-{number}", check_version="1",
                    status=CheckStatus(status), message=status, fingerprint="x" * 64,
                    current=current,
                )
            )  # fmt: skip
        self.session.flush()


@pytest.fixture
def claims(session, catalog):
    return ClaimFactory(session)


@pytest.fixture
def rita(make_user):
    return make_user("rita", "reviewer", "Rita Reviewer")


@pytest.fixture
def ravi(make_user):
    return make_user("ravi", "reviewer", "Ravi Reviewer")


def ids(page) -> list[str]:
    return [row.claim_id for row in page.rows]


def listed(session, user=None, now=NOW, **args) -> list[str]:
    query = QueueQuery.from_args({k: str(v) for k, v in args.items()})
    return ids(list_queue(session, query, user_id=user.id if user else None, now=now))


def test_the_queue_domain_does_not_import_flask():
    code = (
        "import sys, workbench.domain.queue\n"
        "print(sorted(m for m in sys.modules if m == 'flask' or m.startswith('flask_')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_empty_queue_says_so(client, auth, rita):
    auth.login("rita")
    assert "No claims are waiting for review." in client.get("/queue").get_data(as_text=True)
    filtered = client.get("/queue?market=C").get_data(as_text=True)
    assert "No claim in the queue matches these filters (market C)." in filtered


# --- the query -------------------------------------------------------------------------------


def test_query_ignores_unknown_values_and_round_trips():
    query = QueueQuery.from_args(
        {"market": "Z", "status": "Approved", "assignee": "everyone", "outcome": "maybe",
         "dispute": "perhaps", "sort": "colour", "direction": "up", "page": "-3",
         "per_page": "100000", "solution_area": "Azure", "q": "  Contoso   Ltd ", "bogus": "1"}
    )  # fmt: skip
    assert query == QueueQuery(solution_area="Azure", q="Contoso Ltd", per_page=queue.MAX_PER_PAGE)
    assert QueueQuery.from_args(query.to_params()) == query
    assert query.to_params() == {"solution_area": "Azure", "q": "Contoso Ltd", "per_page": "100"}

    full = QueueQuery.from_args(
        {"market": "B", "status": "Under review", "assignee": "mine", "outcome": "has_fail",
         "dispute": "no", "sort": "age", "direction": "asc", "page": "3", "engagement": "x"}
    )  # fmt: skip
    assert QueueQuery.from_args(full.to_params()) == full
    assert full.describe() == ["engagement x", "market B", "status Under review",
                               "assigned to me", "with a failing check", "no disputes"]  # fmt: skip
    assert QueueQuery.from_args({"engagement": "x"}, engagement_ids=["y"]).engagement is None
    # Each sort starts in its natural direction; the current one flips.
    assert QueueQuery().sorted_by("age").direction == "desc"
    assert QueueQuery(sort="age", direction="desc").sorted_by("age").direction == "asc"
    assert QueueQuery(page=4).sorted_by("claim").page == 1


# --- listing and filters ---------------------------------------------------------------------


@pytest.fixture
def sample(session, claims, rita, ravi):
    """Eight claims in the queue, each differing in what one filter looks at; and three not."""
    a = claims.submitted("A-1", at=T0, partner="FridayINC", country="US", customer="Contoso Ltd")
    claims.checks(a, "pass", "pass", "skip")
    b = claims.submitted("B-2", at=T0 + DAY, partner="Emirates Cloud", country="AE",
                         customer="Fabrikam", engagement="defend-threats-siem-xdr-workshop")  # fmt: skip
    claims.checks(b, "pass", "fail", "warn", "fail")
    c = claims.under_review("C-3", rita, at=T0 + 2 * DAY, partner="Lagos Tech", country="NG",
                            customer="Northwind", engagement="azure-migration-xs")  # fmt: skip
    claims.checks(c, "error", "pass")
    claims.checks(c, "fail", current=False)  # replaced by a newer run: not counted
    d = claims.under_review("D-4", ravi, at=T0 + 3 * DAY, customer="Tailspin Toys")
    claims.checks(d, "warn", "pass")
    claims.dispute("E-5", ravi, at=T0 + 4 * DAY + 3 * HOUR, customer="Woodgrove Bank")
    claims.submitted("F-6", at=T0 + 5 * DAY, engagement="needs-assessment-d365-sales",
                     partner="Bavaria Consult", country="DE", customer="Adatum")  # fmt: skip
    claims.submitted("G-7", at=T0 + 6 * DAY, partner="Madrid Partners", country="ES",
                     customer="Litware")  # fmt: skip
    claims.under_review("H-8", rita, at=T0 + 7 * DAY, customer="Proseware 100%_off")
    # Not in the queue: decided, waiting for the partner, or never submitted.
    claims.decided(claims.submitted("X-1", at=T0), DecisionOutcome.APPROVE, rita, T0 + DAY)
    claims.decided(claims.submitted("X-2", at=T0), DecisionOutcome.REQUEST_ACTION, rita, T0 + DAY)
    session.commit()
    return session


ALL = ["A-1", "B-2", "C-3", "D-4", "E-5", "F-6", "G-7", "H-8"]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ({}, ALL),
        ({"solution_area": "Security"}, ["B-2"]),
        ({"solution_area": "Azure"}, ["C-3"]),
        ({"solution_area": "Business Applications"}, ["F-6"]),
        ({"engagement": "enable-frontline-workshop"}, ["A-1", "D-4", "E-5", "G-7", "H-8"]),
        ({"market": "A"}, ["A-1", "D-4", "E-5", "F-6", "H-8"]),
        ({"market": "B"}, ["B-2", "G-7"]),
        ({"market": "C"}, ["C-3"]),
        ({"status": "Submitted"}, ["A-1", "B-2", "E-5", "F-6", "G-7"]),
        ({"status": "Under review"}, ["C-3", "D-4", "H-8"]),
        ({"assignee": "mine"}, ["C-3", "H-8"]),
        ({"assignee": "unassigned"}, ["A-1", "B-2", "E-5", "F-6", "G-7"]),
        ({"assignee": "anyone"}, ALL),
        ({"outcome": "all_pass"}, ["A-1"]),
        ({"outcome": "has_fail"}, ["B-2"]),
        ({"outcome": "has_error"}, ["C-3"]),
        ({"dispute": "yes"}, ["E-5"]),
        ({"dispute": "no"}, ["A-1", "B-2", "C-3", "D-4", "F-6", "G-7", "H-8"]),
        ({"market": "A", "status": "Submitted", "dispute": "no"}, ["A-1", "F-6"]),
    ],
)
def test_filters_narrow_the_list(sample, rita, args, expected):
    assert listed(sample, rita, **args) == expected


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("A-1", ["A-1"]),  # claim ID
        ("-", ALL),
        ("emirates", ["B-2"]),  # partner name, any case
        ("NORTH", ["C-3"]),  # customer name
        ("tailspin toys", ["D-4"]),
        ("100%", ["H-8"]),  # LIKE wildcards are searched for, not used
        ("%", ["H-8"]),
        ("_off", ["H-8"]),
        ("nobody", []),
    ],
)
def test_search_by_claim_partner_or_customer(sample, q, expected):
    assert listed(sample, q=q) == expected


@pytest.mark.parametrize(
    ("sort", "ascending"),
    [
        ("submitted", ALL),
        ("claim", ALL),
        ("partner", ["F-6", "B-2", "A-1", "D-4", "E-5", "H-8", "C-3", "G-7"]),
        ("customer", ["F-6", "A-1", "B-2", "G-7", "C-3", "H-8", "D-4", "E-5"]),
        ("engagement", ["C-3", "A-1", "D-4", "E-5", "G-7", "H-8", "F-6", "B-2"]),
        ("status", ["A-1", "B-2", "E-5", "F-6", "G-7", "C-3", "D-4", "H-8"]),
    ],
)
def test_sorting(sample, sort, ascending):
    assert listed(sample, sort=sort, direction="asc") == ascending
    descending = listed(sample, sort=sort, direction="desc")
    if sort == "status":  # ties keep the newest submittal first
        assert descending == ["H-8", "D-4", "C-3", "G-7", "F-6", "E-5", "B-2", "A-1"]
    else:
        assert descending == ascending[::-1]


def test_sorting_by_age_uses_the_review_clock(sample):
    # E-5 was first submitted before B-2 and C-3, but its clock stood still for two
    # days in Rejected and Disputed. The longest wait comes first by default.
    by_age = listed(sample, sort="age")
    assert by_age[:4] == ["A-1", "B-2", "C-3", "E-5"]
    ages = {row.claim_id: row.age for row in list_queue(sample, QueueQuery(), user_id=None,
                                                        now=NOW).rows}  # fmt: skip
    assert by_age == sorted(ages, key=lambda cid: (-ages[cid], ALL.index(cid)))
    assert listed(sample, sort="age", direction="asc") == by_age[::-1]


def test_pagination(session, claims):
    for number in range(30):
        claims.submitted(f"P-{number:02d}", at=T0 + number * timedelta(minutes=5))
    session.commit()
    first = list_queue(session, QueueQuery(), user_id=None, now=NOW)
    assert (first.total, first.pages, len(first.rows)) == (30, 2, 25)
    assert ids(first)[0] == "P-00" and not first.has_previous and first.has_next
    second = list_queue(session, QueueQuery(page=2), user_id=None, now=NOW)
    assert ids(second) == [f"P-{n}" for n in range(25, 30)]
    assert (second.first_index, second.last_index, second.has_next) == (26, 30, False)
    # A page past the end shows the last one; the page size is capped.
    assert list_queue(session, QueueQuery(page=9), user_id=None, now=NOW).page == 2
    small = QueueQuery.from_args({"per_page": "7", "page": "5"})
    assert ids(list_queue(session, small, user_id=None, now=NOW)) == ["P-28", "P-29"]
    assert QueueQuery.from_args({"per_page": "5000"}).per_page == 100


def test_row_contents(sample, rita):
    rows = {r.claim_id: r for r in list_queue(sample, QueueQuery(), user_id=rita.id, now=NOW).rows}
    b = rows["B-2"]
    assert (b.engagement_name, b.solution_area) == (
        "Usage-Defend Against Threats w/SIEM + XDR Workshop",
        "Security",
    )
    assert (b.partner_name, b.partner_country, b.market, b.customer_name) == (
        "Emirates Cloud",
        "AE",
        "B",
        "Fabrikam",
    )
    assert b.submitted_at == T0 + DAY and b.status == ClaimStatus.SUBMITTED
    assert b.assignee_name is None
    assert b.checks.text == "2 fail, 1 warn, 1 pass" and b.checks.worst == CheckStatus.FAIL
    assert b.checks.count("fail") == 2 and b.checks.total == 4
    c = rows["C-3"]
    assert c.assignee_name == "Rita Reviewer" and c.status == ClaimStatus.UNDER_REVIEW
    assert c.checks.text == "1 error, 1 pass"  # the replaced fail is not current
    assert rows["F-6"].checks.text == "no check results" and rows["F-6"].checks.worst is None
    assert not b.is_dispute and b.review_due is None and not b.overdue


# --- the review clock ------------------------------------------------------------------------


def test_review_clock_pauses_in_action_required(session, claims, rita):
    claim = claims.submitted("R-1", at=T0)  # waits one day ...
    decisions.pick_up(session, claim, rita, at=T0 + DAY)  # ... and is reviewed for one
    decisions.decide(session, claim, DecisionOutcome.REQUEST_ACTION, rita, at=T0 + 2 * DAY,
                     comment="The invoice is missing.")  # fmt: skip
    # Ten days with the partner in Action required: the clock stands still.
    apply(session, claim, Event.RESUBMIT, actor=Actor.partner(), at=T0 + 12 * DAY)
    session.commit()

    (row,) = list_queue(session, QueueQuery(), user_id=None, now=T0 + 13 * DAY).rows
    assert row.age == 3 * DAY  # 2 days before Action required + 1 day since the resubmittal
    assert row.submitted_at == T0 + 12 * DAY
    assert queue.format_age(row.age) == "3 d 0 h"
    # While it is Under review again the clock keeps running.
    decisions.pick_up(session, claim, rita, at=T0 + 13 * DAY)
    session.commit()
    (row,) = list_queue(session, QueueQuery(), user_id=None, now=T0 + 14 * DAY).rows
    assert row.age == 4 * DAY


def test_review_clock_of_a_fresh_claim(session, claims):
    claims.submitted("R-2", at=NOW - timedelta(hours=5, minutes=12))
    session.commit()
    (row,) = list_queue(session, QueueQuery(), user_id=None, now=NOW).rows
    assert row.age == timedelta(hours=5, minutes=12)
    assert queue.format_age(row.age) == "5 h 12 min"


# --- disputes --------------------------------------------------------------------------------


def test_dispute_shows_its_review_due_date(session, claims, rita):
    claims.dispute("D-1", rita, at=datetime(2026, 10, 10, 15, 0, tzinfo=UTC))
    session.commit()
    on_time = list_queue(session, QueueQuery(), user_id=None,
                         now=datetime(2026, 10, 15, 23, 0, tzinfo=UTC)).rows[0]  # fmt: skip
    assert on_time.is_dispute and on_time.review_due == date(2026, 10, 15)
    assert not on_time.overdue
    late = list_queue(session, QueueQuery(), user_id=None,
                      now=datetime(2026, 10, 16, 0, 1, tzinfo=UTC)).rows[0]  # fmt: skip
    assert late.overdue


def test_next_claim_gives_a_dispute_to_another_reviewer(session, claims, rita, ravi):
    claims.dispute("D-1", rita, at=T0)  # rita rejected it; it is the oldest claim
    claims.submitted("N-2", at=T0 + DAY)
    session.commit()

    taken = next_claim(session, rita, now=NOW)
    assert taken.claim_id == "N-2"  # not the dispute of her own rejection
    assert next_claim(session, rita, now=NOW) is None
    taken = next_claim(session, ravi, now=NOW)
    assert taken.claim_id == "D-1" and taken.assignee_id == ravi.id
    session.commit()


# --- Next claim ------------------------------------------------------------------------------


def test_next_claim_takes_the_oldest_unassigned_and_sets_it_under_review(
    session, claims, rita, ravi
):
    claims.submitted("N-3", at=T0 + 2 * DAY)
    claims.submitted("N-1", at=T0)
    claims.under_review("N-0", ravi, at=T0 - DAY)
    claims.submitted("N-2", at=T0 + DAY)
    session.commit()

    claim = next_claim(session, rita, now=NOW)
    session.commit()
    assert claim.claim_id == "N-1"
    assert (claim.status, claim.assignee_id) == (ClaimStatus.UNDER_REVIEW, rita.id)
    assert claim.history[-1].action == "Set under review"
    assert claim.history[-1].actor_user_id == rita.id and claim.history[-1].at == NOW
    assert [next_claim(session, rita, now=NOW).claim_id for _ in range(2)] == ["N-2", "N-3"]
    assert next_claim(session, rita, now=NOW) is None


def _pick_ups(session, claim_id: str) -> int:
    session.rollback()
    return session.scalar(
        select(func.count())
        .select_from(HistoryEvent)
        .join(Claim, Claim.id == HistoryEvent.claim_id)
        .where(Claim.claim_id == claim_id, HistoryEvent.action == "Set under review")
    )


def test_two_reviewers_racing_for_one_claim(app, session, claims, rita, ravi):
    claims.submitted("ONLY", at=T0)
    session.commit()
    sessions = get_db(app).sessionmaker
    barrier = threading.Barrier(2, timeout=30)
    results: dict[str, str | None] = {}
    errors: list[BaseException] = []

    def take(user_id: int, name: str) -> None:
        try:
            with sessions() as own:
                reviewer = own.get(User, user_id)
                own.commit()
                barrier.wait()
                claim = next_claim(own, reviewer, now=NOW)
                results[name] = claim.claim_id if claim else None
                own.commit()
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=take, args=(u.id, u.username)) for u in (rita, ravi)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors
    assert sorted(results.values(), key=str) == [None, "ONLY"]
    winner = next(name for name, got in results.items() if got)
    claim = session.scalar(select(Claim).where(Claim.claim_id == "ONLY"))
    assert claim.assignee.username == winner and claim.status == ClaimStatus.UNDER_REVIEW
    assert _pick_ups(session, "ONLY") == 1


def test_a_claim_taken_between_reading_and_writing_is_skipped(
    app, session, claims, rita, ravi, monkeypatch
):
    """Interleave by hand: rita has read the candidate when ravi takes it and commits.

    On PostgreSQL rita's UPDATE then finds the version moved on (StaleDataError),
    rolls back her savepoint and gets nothing. On SQLite rita already holds the
    write lock, so ravi waits for her and then finds nothing. Either way exactly
    one reviewer has the claim.
    """
    claims.submitted("ONLY", at=T0)
    session.commit()
    sessions = get_db(app).sessionmaker
    real_pick_up = decisions.pick_up
    other: dict[str, object] = {}

    def ravi_takes_it() -> None:
        with sessions() as own:
            reviewer = own.get(User, ravi.id)
            own.commit()  # next_claim starts a transaction of its own
            claim = next_claim(own, reviewer, now=NOW)
            other["claim"] = claim.claim_id if claim else None
            own.commit()

    def pick_up_after_ravi(db, claim, reviewer, **kwargs):
        if "thread" not in other:
            other["thread"] = thread = threading.Thread(target=ravi_takes_it)
            thread.start()
            # SQLite: ravi blocks on rita's write lock, so do not wait for him long.
            thread.join(timeout=0.5 if db.get_bind().dialect.name == "sqlite" else 30)
        return real_pick_up(db, claim, reviewer, **kwargs)

    monkeypatch.setattr(decisions, "pick_up", pick_up_after_ravi)
    with sessions() as own:
        reviewer = own.get(User, rita.id)
        own.commit()
        mine = next_claim(own, reviewer, now=NOW)
        own.commit()
    other["thread"].join(timeout=60)

    got = {"rita": mine.claim_id if mine else None, "ravi": other["claim"]}
    assert sorted(got.values(), key=str) == [None, "ONLY"]
    if session.get_bind().dialect.name == "postgresql":
        assert got == {"rita": None, "ravi": "ONLY"}  # the version column refused rita
    assert _pick_ups(session, "ONLY") == 1


def test_a_stale_copy_in_the_session_does_not_hide_a_claim(app, session, claims, rita, ravi):
    claim = claims.submitted("S-1", at=T0)
    session.commit()
    stale_version = claim.version
    # Another session moves the claim on (picked up, sent back, resubmitted) ...
    other = get_db(app).sessionmaker()
    fresh = other.get(Claim, claim.id)
    decisions.pick_up(other, fresh, ravi, at=T0 + DAY)
    decisions.decide(other, fresh, DecisionOutcome.REQUEST_ACTION, ravi, at=T0 + DAY,
                     comment="Fix it.")  # fmt: skip
    apply(other, fresh, Event.RESUBMIT, actor=Actor.partner(), at=T0 + 2 * DAY)
    other.commit()
    other.close()
    assert claim.version == stale_version  # this session still holds the old copy
    taken = next_claim(session, rita, now=NOW)
    assert taken is claim and taken.assignee_id == rita.id
    session.commit()


# --- efficiency ------------------------------------------------------------------------------


def test_listing_takes_the_same_few_queries_for_any_page_size(session, claims, rita):
    for number in range(12):
        claim = claims.under_review(f"Q-{number:02d}", rita, at=T0 + number * DAY)
        claims.checks(claim, "pass", "fail")
    session.commit()

    def count_queries(per_page: int) -> int:
        session.expire_all()
        statements: list[str] = []

        def record(conn, cursor, statement, *args):
            if not statement.startswith(("BEGIN", "SAVEPOINT", "RELEASE")):
                statements.append(statement)

        event.listen(session.get_bind(), "before_cursor_execute", record)
        try:
            page = list_queue(session, QueueQuery(per_page=per_page), user_id=None, now=NOW)
            assert all(
                r.assignee_name == "Rita Reviewer" and r.checks.total == 2 for r in page.rows
            )
        finally:
            event.remove(session.get_bind(), "before_cursor_execute", record)
        return len(statements)

    assert count_queries(2) == count_queries(12) <= 3


# --- saved views -----------------------------------------------------------------------------


def test_saved_views_private_and_shared(session, rita, ravi, make_user):
    lee = make_user("lee", "lead", "Lee Lead")
    mine = queue.save_view(session, rita, "My market A", "market=A&page=3&bogus=1", False)
    team = queue.save_view(session, rita, " Disputes ", "?dispute=yes", True)
    queue.save_view(session, ravi, "Ravi's own", "status=Submitted", False)
    session.commit()
    assert mine.query == "market=A" and team.name == "Disputes"

    assert [v.name for v in queue.views_for(session, rita)] == ["Disputes", "My market A"]
    assert [v.name for v in queue.views_for(session, ravi)] == ["Ravi's own", "Disputes"]
    assert [v.name for v in queue.views_for(session, lee)] == ["Disputes"]

    # Saving under the same name replaces the view.
    queue.save_view(session, rita, "My market A", "market=B", True)
    assert [v.query for v in queue.views_for(session, lee)] == ["dispute=yes", "market=B"]

    with pytest.raises(queue.SavedViewRefused, match="owner"):
        queue.delete_view(session, ravi, team.id)
    with pytest.raises(queue.SavedViewRefused, match="name"):
        queue.save_view(session, rita, "   ", "", False)
    assert queue.delete_view(session, rita, team.id) == "Disputes"
    with pytest.raises(queue.SavedViewRefused, match="no longer exists"):
        queue.delete_view(session, rita, team.id)
    session.commit()


# --- the web page ----------------------------------------------------------------------------


def test_anonymous_is_sent_to_login(client):
    for url in ("/", "/queue", "/queue?market=A"):
        response = client.get(url)
        assert response.status_code == 302 and response.headers["Location"].startswith("/login")
    for url in ("/queue/next", "/queue/views", "/queue/views/1/delete"):
        assert client.post(url).status_code in (302, 400)  # login first (or no CSRF token)


@pytest.mark.parametrize("role", ["reviewer", "lead", "admin"])
def test_every_role_sees_the_queue(client, auth, make_user, sample, role):
    make_user("someone", role)
    auth.login("someone")
    front = client.get("/")
    assert front.status_code == 302 and front.headers["Location"] == "/queue"
    page = client.get("/queue")
    assert page.status_code == 200
    assert "B-2" in page.get_data(as_text=True)


def test_full_page_without_htmx(client, auth, sample):
    auth.login("rita")
    response = client.get("/queue")
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "HX-Request" in response.vary
    assert html.startswith("<!doctype html>") and 'id="queue-filters"' in html
    assert 'id="shortcut-help"' in html and "queue.css" in html
    assert "8 claims in the review queue, oldest submittal first" in html
    assert 'href="/claims/A-1"' in html and html.count("data-row") == 8
    assert 'aria-sort="ascending"' in html  # sorted by submittal, oldest first
    assert "review by" in html and "(overdue)" in html and "2 fail, 1 warn, 1 pass" in html
    assert 'data-shortcut="n"' in html and 'data-shortcut="/"' in html
    assert "style=" not in html and "<script>" not in html  # the CSP allows neither


def test_htmx_request_gets_the_table_only(client, auth, sample):
    auth.login("rita")
    response = client.get("/queue?market=B", headers={"HX-Request": "true"})
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "HX-Request" in response.vary
    assert response.headers["HX-Push-Url"] == "/queue?market=B"
    assert html.lstrip().startswith("{#") is False and "<html" not in html
    assert 'id="queue-results"' in html and 'id="queue-filters"' not in html
    assert "2 claims in the review queue (market B), oldest submittal first" in html
    assert html.count("data-row") == 2 and 'hx-swap-oob="true"' in html
    # The back button after htmx's history cache is gone asks for the whole page.
    restore = client.get(
        "/queue?market=B", headers={"HX-Request": "true", "HX-History-Restore-Request": "true"}
    )
    assert "<!doctype html>" in restore.get_data(as_text=True)


def test_the_filter_form_url_is_made_canonical(client, auth, sample):
    auth.login("rita")
    response = client.get(
        "/queue?q=&solution_area=&market=A&status=&assignee=anyone&sort=submitted"
    )
    assert response.status_code == 302 and response.headers["Location"] == "/queue?market=A"
    page = client.get("/queue?market=A").get_data(as_text=True)
    assert "5 claims in the review queue (market A)" in page
    assert '<option value="A" selected>Market A</option>' in page


def test_sort_headers_and_pages_link_with_the_filters(client, auth, session, claims, rita):
    for number in range(27):
        claims.submitted(f"P-{number:02d}", at=T0 + number * timedelta(minutes=5))
    session.commit()
    auth.login("rita")
    html = client.get("/queue?market=A").get_data(as_text=True)
    assert 'href="/queue?market=A&amp;page=2"' in html and "Page 1 of 2" in html
    assert 'href="/queue?market=A&amp;sort=age"' in html  # age: longest wait first
    assert 'href="/queue?market=A&amp;direction=desc"' in html  # flips the current sort
    second = client.get("/queue?market=A&page=2").get_data(as_text=True)
    assert second.count("data-row") == 2 and "showing 26–27" in second


def test_next_claim_button(client, auth, session, claims, rita):
    claims.submitted("N-1", at=T0)
    session.commit()
    auth.login("rita")
    token = auth.csrf_token("/queue")
    response = client.post("/queue/next", data={"csrf_token": token})
    assert response.status_code == 302 and response.headers["Location"] == "/claims/N-1"
    session.expire_all()
    claim = session.scalar(select(Claim).where(Claim.claim_id == "N-1"))
    assert claim.status == ClaimStatus.UNDER_REVIEW and claim.assignee_id == rita.id
    assert claim.history[-1].actor_kind == ActorKind.REVIEWER

    response = client.post("/queue/next", data={"csrf_token": token}, follow_redirects=True)
    assert "No claim is waiting." in response.get_data(as_text=True)
    assert client.post("/queue/next").status_code == 400  # no CSRF token


def test_saving_and_deleting_views_on_the_page(client, auth, session, make_user, sample, rita):
    make_user("lee", "lead", "Lee Lead")
    auth.login("rita")
    token = auth.csrf_token("/queue")
    response = client.post(
        "/queue/views",
        data={"csrf_token": token, "name": "Market B", "query": "market=B&page=2", "shared": "yes"},
    )
    assert response.status_code == 302 and response.headers["Location"] == "/queue?market=B"
    client.post("/queue/views", data={"csrf_token": token, "name": "Mine only",
                                      "query": "assignee=mine"})  # fmt: skip
    page = client.get("/queue?market=B").get_data(as_text=True)
    assert 'href="/queue?market=B" aria-current="page">Market B</a>' in page
    assert "Mine only" in page and "Delete the view Market B" in page
    refused = client.post("/queue/views", data={"csrf_token": token, "name": "", "query": ""},
                          follow_redirects=True)  # fmt: skip
    assert "Give the view a name." in refused.get_data(as_text=True)

    client.post("/logout", data={"csrf_token": token})
    auth.login("lee")
    page = client.get("/queue").get_data(as_text=True)
    assert "Market B" in page and "shared by Rita Reviewer" in page
    assert "Mine only" not in page and "Delete the view Market B" not in page
    view_id = queue.views_for(session, session.get(User, rita.id))[0].id
    lee_token = auth.csrf_token("/queue")
    denied = client.post(f"/queue/views/{view_id}/delete", data={"csrf_token": lee_token},
                         follow_redirects=True)  # fmt: skip
    assert "Only its owner can delete a saved view." in denied.get_data(as_text=True)
    client.post("/logout", data={"csrf_token": lee_token})

    auth.login("rita")
    token = auth.csrf_token("/queue")
    response = client.post(f"/queue/views/{view_id}/delete",
                           data={"csrf_token": token, "query": "market=B"})  # fmt: skip
    assert response.headers["Location"] == "/queue?market=B"
    session.rollback()  # end this session's read, to see the request's commit
    assert [v.name for v in queue.views_for(session, session.get(User, rita.id))] == ["Mine only"]

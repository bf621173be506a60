"""The reviewers' queue: which claims wait for review, filtered and sorted; and Next claim.

Only Submitted and Under review claims are in the queue. :func:`list_queue`
reads a page of it in a fixed number of queries (the rows with their
relations, the count, and one grouped query for the check results), whatever
the page size. :func:`next_claim` hands a reviewer the oldest unassigned claim
and sets it Under review; two reviewers asking at once never get the same one.
Saved views are named query strings of the queue URL, private or shared.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields, replace
from datetime import date, datetime, timedelta
from math import ceil
from typing import Any
from urllib.parse import parse_qsl, urlencode

from sqlalchemy import ColumnElement, and_, case, exists, false, func, literal, or_, select, text
from sqlalchemy.orm import Session, aliased, contains_eager
from sqlalchemy.orm.exc import StaleDataError

from workbench.domain import deadlines, decisions
from workbench.domain.enums import CheckStatus, ClaimStatus, DecisionOutcome, SolutionArea
from workbench.domain.markets import MARKET_A, MARKET_B, Market, market_for_country
from workbench.domain.workflow import IllegalTransition
from workbench.models import (
    CheckResult,
    Claim,
    Customer,
    Decision,
    Engagement,
    HistoryEvent,
    PartnerLocation,
    SavedView,
    User,
)
from workbench.models.types import UTCDateTime

QUEUE_STATUSES = (ClaimStatus.SUBMITTED, ClaimStatus.UNDER_REVIEW)
ASSIGNEE_CHOICES = ("anyone", "mine", "unassigned")
OUTCOME_CHOICES = ("all_pass", "has_fail", "has_error")
DISPUTE_CHOICES = {"yes": True, "no": False}
# Each sort's first direction: the oldest submittal and the longest wait come first.
SORTS = {
    "submitted": "asc",
    "age": "desc",
    "claim": "asc",
    "partner": "asc",
    "customer": "asc",
    "status": "asc",
    "engagement": "asc",
}
DIRECTIONS = ("asc", "desc")
DEFAULT_PER_PAGE = 25
MAX_PER_PAGE = 100
MAX_SEARCH = 200
# Most serious first, as check_api.overall_status weighs them.
CHECK_STATUS_ORDER = (
    CheckStatus.FAIL,
    CheckStatus.ERROR,
    CheckStatus.WARN,
    CheckStatus.PASS,
    CheckStatus.SKIP,
)

OUTCOME_LABELS = {
    "all_pass": "all checks passing",
    "has_fail": "with a failing check",
    "has_error": "with a check error",
}
SORT_LABELS = {"submitted": "submitted", "age": "age", "claim": "claim ID",
               "partner": "partner", "customer": "customer", "status": "status",
               "engagement": "engagement"}  # fmt: skip


def _choice(value: Any, allowed: Iterable[str]) -> str | None:
    text = str(value).strip() if value is not None else ""
    return text if text in allowed else None


def _positive_int(value: Any) -> int | None:
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        return None
    return number if number >= 1 else None


@dataclass(frozen=True)
class QueueQuery:
    """What the reviewer asked the queue for: filters, search, sort and page.

    Built from the query string by :meth:`from_args`, which ignores values it
    does not know, so any URL gives a valid query. :meth:`to_params` gives back
    the non-default values only: ``from_args(q.to_params()) == q``, which keeps
    bookmarks and saved views short and stable.
    """

    solution_area: SolutionArea | None = None
    engagement: str | None = None
    market: Market | None = None
    status: ClaimStatus | None = None
    assignee: str = "anyone"
    outcome: str | None = None
    dispute: bool | None = None
    q: str = ""
    sort: str = "submitted"
    direction: str = "asc"
    page: int = 1
    per_page: int = DEFAULT_PER_PAGE

    @classmethod
    def from_args(
        cls, args: Mapping[str, Any], *, engagement_ids: Iterable[str] | None = None
    ) -> QueueQuery:
        """Parse query-string values; unknown or malformed values fall back to the default.

        With ``engagement_ids``, an engagement not among them is ignored too.
        """
        area = _choice(args.get("solution_area"), {a.value for a in SolutionArea})
        engagement = (str(args.get("engagement") or "")).strip()[:120] or None
        if engagement is not None and engagement_ids is not None:
            engagement = engagement if engagement in set(engagement_ids) else None
        market = _choice(args.get("market"), {m.value for m in Market})
        status = _choice(args.get("status"), {s.value for s in QUEUE_STATUSES})
        dispute = _choice(args.get("dispute"), DISPUTE_CHOICES)
        sort = _choice(args.get("sort"), SORTS) or "submitted"
        direction = _choice(args.get("direction"), DIRECTIONS) or SORTS[sort]
        per_page = min(_positive_int(args.get("per_page")) or DEFAULT_PER_PAGE, MAX_PER_PAGE)
        return cls(
            solution_area=SolutionArea(area) if area else None,
            engagement=engagement,
            market=Market(market) if market else None,
            status=ClaimStatus(status) if status else None,
            assignee=_choice(args.get("assignee"), ASSIGNEE_CHOICES) or "anyone",
            outcome=_choice(args.get("outcome"), OUTCOME_CHOICES),
            dispute=DISPUTE_CHOICES[dispute] if dispute else None,
            q=" ".join(str(args.get("q") or "").split())[:MAX_SEARCH],
            sort=sort,
            direction=direction,
            page=_positive_int(args.get("page")) or 1,
            per_page=per_page,
        )

    @classmethod
    def from_query_string(cls, query_string: str, **kwargs: Any) -> QueueQuery:
        return cls.from_args(dict(parse_qsl(query_string.lstrip("?"))), **kwargs)

    def to_params(self, **changes: Any) -> dict[str, str]:
        """Return the query-string values that differ from the defaults (after ``changes``)."""
        query = replace(self, **changes) if changes else self
        params: dict[str, str] = {}
        for item in fields(query):
            value = getattr(query, item.name)
            if item.name == "direction":
                if value != SORTS[query.sort]:
                    params["direction"] = value
                continue
            if value == item.default:
                continue
            if item.name == "dispute":
                params["dispute"] = "yes" if value else "no"
            else:
                params[item.name] = str(value)
        return params

    def query_string(self, **changes: Any) -> str:
        return urlencode(self.to_params(**changes))

    def sorted_by(self, sort: str) -> QueueQuery:
        """The query a column header links to: that sort, flipped if it is already current."""
        if sort == self.sort:
            direction = "desc" if self.direction == "asc" else "asc"
        else:
            direction = SORTS[sort]
        return replace(self, sort=sort, direction=direction, page=1)

    @property
    def filters(self) -> QueueQuery:
        """The same filters and search on the first page, sort and page size kept."""
        return replace(self, page=1)

    @property
    def sort_description(self) -> str:
        """E.g. "oldest submittal first", "longest wait first", "by partner, A to Z"."""
        descending = self.direction == "desc"
        if self.sort == "submitted":
            return "newest submittal first" if descending else "oldest submittal first"
        if self.sort == "age":
            return "longest wait first" if descending else "shortest wait first"
        return f"by {SORT_LABELS[self.sort]}, {'Z to A' if descending else 'A to Z'}"

    @property
    def is_filtered(self) -> bool:
        return bool(self.describe())

    def describe(self) -> list[str]:
        """Name each active filter for people, e.g. ["market A", "with a failing check"]."""
        parts = []
        if self.solution_area:
            parts.append(f"solution area {self.solution_area.value}")
        if self.engagement:
            parts.append(f"engagement {self.engagement}")
        if self.market:
            parts.append(f"market {self.market.value}")
        if self.status:
            parts.append(f"status {self.status.value}")
        if self.assignee == "mine":
            parts.append("assigned to me")
        elif self.assignee == "unassigned":
            parts.append("unassigned")
        if self.outcome:
            parts.append(OUTCOME_LABELS[self.outcome])
        if self.dispute is True:
            parts.append("disputes only")
        elif self.dispute is False:
            parts.append("no disputes")
        if self.q:
            parts.append(f"search “{self.q}”")
        return parts


@dataclass(frozen=True)
class CheckSummary:
    """The current check results of a claim, counted by status."""

    counts: tuple[tuple[CheckStatus, int], ...] = ()

    @property
    def total(self) -> int:
        return sum(n for _, n in self.counts)

    @property
    def worst(self) -> CheckStatus | None:
        return self.counts[0][0] if self.counts else None

    def count(self, status: CheckStatus | str) -> int:
        return dict(self.counts).get(CheckStatus(status), 0)

    @property
    def text(self) -> str:
        """E.g. "2 fail, 1 warn, 6 pass", or "no check results"."""
        if not self.counts:
            return "no check results"
        return ", ".join(f"{n} {status.value}" for status, n in self.counts)


@dataclass(frozen=True)
class QueueRow:
    claim_id: str
    claim_name: str
    engagement_id: str
    engagement_name: str
    solution_area: SolutionArea
    partner_name: str
    partner_country: str
    market: Market
    customer_name: str
    public_sector: bool
    submitted_at: datetime
    age: timedelta
    status: ClaimStatus
    assignee_id: int | None
    assignee_name: str | None
    checks: CheckSummary
    is_dispute: bool
    review_due: date | None
    overdue: bool


@dataclass(frozen=True)
class QueuePage:
    query: QueueQuery
    rows: list[QueueRow]
    total: int
    page: int
    per_page: int

    @property
    def pages(self) -> int:
        return max(1, ceil(self.total / self.per_page))

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.pages

    @property
    def first_index(self) -> int:
        return (self.page - 1) * self.per_page + 1 if self.rows else 0

    @property
    def last_index(self) -> int:
        return (self.page - 1) * self.per_page + len(self.rows)


# --- the review clock ------------------------------------------------------------------------


def _epoch_seconds(session: Session, value: ColumnElement) -> ColumnElement:
    """Seconds since the epoch of a stored (naive UTC) timestamp, on either backend."""
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        return func.extract("epoch", value)
    if dialect == "sqlite":
        return func.julianday(value) * 86400.0
    raise NotImplementedError(f"the review clock is not written for {dialect}")


def _review_clock(session: Session, now: datetime):
    """A subquery of (claim id, seconds on the review clock) for the claims in the queue.

    The clock runs while a claim is Submitted or Under review, from its status
    changes in the history: each change lasts until the next one (or ``now``),
    and only the stretches spent in a review status count, so the time a claim
    waits in Action required (or Rejected, before a dispute) is left out.
    """
    changes = (
        select(
            HistoryEvent.claim_id,
            HistoryEvent.to_status,
            HistoryEvent.at,
            func.lead(HistoryEvent.at)
            .over(partition_by=HistoryEvent.claim_id, order_by=(HistoryEvent.at, HistoryEvent.id))
            .label("until"),
        )
        .where(
            HistoryEvent.from_status.is_distinct_from(HistoryEvent.to_status),
            HistoryEvent.claim_id.in_(select(Claim.id).where(Claim.status.in_(QUEUE_STATUSES))),
        )
        .subquery()
    )
    end = func.coalesce(changes.c.until, literal(now, UTCDateTime()))
    running = case(
        (
            changes.c.to_status.in_(QUEUE_STATUSES),
            _epoch_seconds(session, end) - _epoch_seconds(session, changes.c.at),
        ),
        else_=0,
    )
    return (
        select(changes.c.claim_id, func.sum(running).label("seconds"))
        .group_by(changes.c.claim_id)
        .subquery("review_clock")
    )


# --- listing ---------------------------------------------------------------------------------


def _market_condition(market: Market) -> ColumnElement[bool]:
    country = func.upper(PartnerLocation.country)
    if market == Market.A:
        return country.in_(sorted(MARKET_A))
    if market == Market.B:
        return country.in_(sorted(MARKET_B))
    return country.not_in(sorted(MARKET_A | MARKET_B))


def _has_current(*statuses: CheckStatus) -> ColumnElement[bool]:
    condition = and_(CheckResult.claim_id == Claim.id, CheckResult.current.is_(True))
    if statuses:
        condition = and_(condition, CheckResult.status.in_(statuses))
    return exists().where(condition)


def _conditions(query: QueueQuery, user_id: int | None) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = [Claim.status.in_(QUEUE_STATUSES)]
    if query.solution_area:
        where.append(Engagement.solution_area == query.solution_area)
    if query.engagement:
        where.append(Claim.engagement_id == query.engagement)
    if query.market:
        where.append(_market_condition(query.market))
    if query.status:
        where.append(Claim.status == query.status)
    if query.assignee == "mine":
        where.append(Claim.assignee_id == user_id if user_id is not None else false())
    elif query.assignee == "unassigned":
        where.append(Claim.assignee_id.is_(None))
    if query.outcome == "has_fail":
        where.append(_has_current(CheckStatus.FAIL))
    elif query.outcome == "has_error":
        where.append(_has_current(CheckStatus.ERROR))
    elif query.outcome == "all_pass":
        # Every current result passed (or did not apply), and there is at least one.
        where.append(_has_current())
        where.append(~_has_current(CheckStatus.FAIL, CheckStatus.ERROR, CheckStatus.WARN))
    if query.dispute is not None:
        where.append(Claim.is_dispute.is_(query.dispute))
    if query.q:
        where.append(
            or_(
                Claim.claim_id.icontains(query.q, autoescape=True),
                PartnerLocation.name.icontains(query.q, autoescape=True),
                Customer.name.icontains(query.q, autoescape=True),
            )
        )
    return where


def _check_summaries(session: Session, claim_ids: list[int]) -> dict[int, CheckSummary]:
    """Count the current check results of ``claim_ids`` by status, in one grouped query."""
    if not claim_ids:
        return {}
    counts: dict[int, dict[CheckStatus, int]] = {}
    for claim_id, status, count in session.execute(
        select(CheckResult.claim_id, CheckResult.status, func.count())
        .where(CheckResult.claim_id.in_(claim_ids), CheckResult.current.is_(True))
        .group_by(CheckResult.claim_id, CheckResult.status)
    ):
        counts.setdefault(claim_id, {})[CheckStatus(status)] = count
    return {
        claim_id: CheckSummary(tuple((s, by[s]) for s in CHECK_STATUS_ORDER if by.get(s)))
        for claim_id, by in counts.items()
    }


def list_queue(
    session: Session, query: QueueQuery, *, user_id: int | None, now: datetime
) -> QueuePage:
    """Return one page of the queue as ``query`` asks, for the user ``user_id`` ("mine")."""
    where = _conditions(query, user_id)
    clock = _review_clock(session, now)
    # A claim without status history (made by hand) counts from its submittal.
    age = func.coalesce(
        clock.c.seconds,
        _epoch_seconds(session, literal(now, UTCDateTime()))
        - _epoch_seconds(session, Claim.submitted_at),
    )

    def joined(statement):
        return (
            statement.join(Claim.engagement).join(Claim.partner).join(Claim.customer).where(*where)
        )

    total = session.scalar(joined(select(func.count(Claim.id)).select_from(Claim))) or 0
    pages = max(1, ceil(total / query.per_page))
    page = min(query.page, pages)

    assignee = aliased(User)
    sort_columns = {
        "submitted": Claim.submitted_at,
        "age": age,
        "claim": Claim.claim_id,
        "partner": func.lower(PartnerLocation.name),
        "customer": func.lower(Customer.name),
        "status": Claim.status,
        "engagement": func.lower(Engagement.name),
    }
    column = sort_columns[query.sort]
    order = column.desc() if query.direction == "desc" else column.asc()
    tiebreak = Claim.submitted_at.desc() if query.direction == "desc" else Claim.submitted_at
    statement = (
        joined(select(Claim, age.label("age_seconds"), assignee.display_name).select_from(Claim))
        .outerjoin(clock, clock.c.claim_id == Claim.id)
        .outerjoin(assignee, assignee.id == Claim.assignee_id)
        .options(
            contains_eager(Claim.engagement),
            contains_eager(Claim.partner),
            contains_eager(Claim.customer),
        )
        .order_by(order, tiebreak, Claim.id)
        .limit(query.per_page)
        .offset((page - 1) * query.per_page)
    )
    results = session.execute(statement).all()
    summaries = _check_summaries(session, [claim.id for claim, _, _ in results])
    rows = [
        _row(claim, seconds, assignee_name, summaries.get(claim.id, CheckSummary()), now)
        for claim, seconds, assignee_name in results
    ]
    return QueuePage(query=query, rows=rows, total=total, page=page, per_page=query.per_page)


def _row(
    claim: Claim, seconds: Any, assignee_name: str | None, checks: CheckSummary, now: datetime
) -> QueueRow:
    due = deadlines.dispute_review_due(claim.submitted_at) if claim.is_dispute else None
    return QueueRow(
        claim_id=claim.claim_id,
        claim_name=claim.claim_name,
        engagement_id=claim.engagement_id,
        engagement_name=claim.engagement.name,
        solution_area=claim.engagement.solution_area,
        partner_name=claim.partner.name,
        partner_country=claim.partner.country,
        market=market_for_country(claim.partner.country),
        customer_name=claim.customer.name,
        public_sector=claim.customer.public_sector,
        submitted_at=claim.submitted_at,
        age=timedelta(seconds=max(0, round(float(seconds or 0)))),
        status=claim.status,
        assignee_id=claim.assignee_id,
        assignee_name=assignee_name,
        checks=checks,
        is_dispute=claim.is_dispute,
        review_due=due,
        overdue=due is not None and deadlines.is_past(due, now),
    )


def format_age(age: timedelta) -> str:
    """A short age for a table cell: "3 d 4 h", "5 h 12 min", "8 min"."""
    minutes = int(age.total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    if days:
        return f"{days} d {hours} h"
    if hours:
        return f"{hours} h {minutes} min"
    return f"{minutes} min"


# --- Next claim ------------------------------------------------------------------------------


def _latest_rejecter():
    return (
        select(Decision.reviewer_id)
        .where(Decision.claim_id == Claim.id, Decision.outcome == DecisionOutcome.REJECT)
        .order_by(Decision.at.desc(), Decision.id.desc())
        .limit(1)
        .scalar_subquery()
    )


def _take_write_lock(session: Session) -> None:
    """On SQLite, hold the database's write lock before reading the candidates.

    SQLite has one writer at a time. A transaction that read before another one
    committed cannot write afterwards ("database is locked", without waiting), so
    the loser of a race would fail instead of moving on. Taking the lock first
    (what BEGIN IMMEDIATE does) makes a second reviewer wait for the first and
    then read the claim as taken. PostgreSQL needs nothing: its row lock and the
    version column settle the race below.

    This only works at the start of a transaction: one that has already read
    cannot take the lock once another writer has committed, so callers commit
    (or roll back) before asking for the next claim.
    """
    if session.get_bind().dialect.name == "sqlite":
        # A write that changes nothing still takes the lock (and waits for it).
        session.execute(text("UPDATE claims SET id = id WHERE 0 = 1"))


def next_claim(session: Session, reviewer: User, *, now: datetime, batch: int = 10) -> Claim | None:
    """Set the oldest unassigned Submitted claim Under review for ``reviewer``; flush only.

    Returns the claim, or None when none is waiting. Each candidate is picked
    up inside a SAVEPOINT; the UPDATE checks the claim's version column, so if
    another reviewer took it first (StaleDataError) or it is no longer
    Submitted (IllegalTransition), the savepoint is rolled back and the next
    candidate is tried. A dispute is never given to the reviewer whose
    rejection is being disputed. Call it at the start of a transaction (see
    :func:`_take_write_lock`) and commit at once.
    """
    _take_write_lock(session)
    tried: set[int] = set()
    while True:
        statement = (
            select(Claim.id)
            .where(
                Claim.status == ClaimStatus.SUBMITTED,
                Claim.assignee_id.is_(None),
                or_(
                    Claim.is_dispute.is_(False),
                    func.coalesce(_latest_rejecter(), -1) != reviewer.id,
                ),
            )
            .order_by(Claim.submitted_at, Claim.id)
            .limit(batch)
        )
        if tried:
            statement = statement.where(Claim.id.not_in(tried))
        candidates = list(session.scalars(statement))
        if not candidates:
            return None
        for claim_pk in candidates:
            tried.add(claim_pk)
            # Fresh from the database: an older copy in this session must not decide.
            claim = session.get(Claim, claim_pk, populate_existing=True)
            if claim is None:
                continue
            savepoint = session.begin_nested()
            try:
                decisions.pick_up(session, claim, reviewer, at=now)
                session.flush()
            except (StaleDataError, IllegalTransition):
                savepoint.rollback()
                continue
            savepoint.commit()
            return claim


# --- saved views -----------------------------------------------------------------------------


class SavedViewRefused(Exception):
    """A saved view that cannot be saved or deleted as asked; the message says why."""


MAX_VIEW_NAME = 120


def normalise_query_string(query_string: str) -> str:
    """The canonical query string of a queue filter, without its page number."""
    return QueueQuery.from_query_string(query_string or "").query_string(page=1)


def save_view(
    session: Session, owner: User, name: str, query_string: str, shared: bool
) -> SavedView:
    """Save the queue filter ``query_string`` as ``name``; flush, never commit.

    Saving under a name the owner already uses replaces that view.
    """
    name = " ".join((name or "").split())
    if not name:
        raise SavedViewRefused("Give the view a name.")
    if len(name) > MAX_VIEW_NAME:
        raise SavedViewRefused(f"A view name has at most {MAX_VIEW_NAME} characters.")
    query = normalise_query_string(query_string)
    view = session.scalar(
        select(SavedView).where(SavedView.owner_id == owner.id, SavedView.name == name)
    )
    if view is None:
        view = SavedView(owner_id=owner.id, name=name, query=query, shared=bool(shared))
        session.add(view)
    else:
        view.query, view.shared = query, bool(shared)
    session.flush()
    return view


def views_for(session: Session, user: User) -> list[SavedView]:
    """The user's own views and the views others share with the team, own first, by name."""
    return list(
        session.scalars(
            select(SavedView)
            .join(SavedView.owner)
            .options(contains_eager(SavedView.owner))
            .where(or_(SavedView.owner_id == user.id, SavedView.shared.is_(True)))
            .order_by((SavedView.owner_id != user.id), func.lower(SavedView.name), SavedView.id)
        )
    )


def delete_view(session: Session, user: User, view_id: int) -> str:
    """Delete one of the user's own views; return its name. Flush, never commit."""
    view = session.get(SavedView, view_id)
    if view is None:
        raise SavedViewRefused("That view no longer exists.")
    if view.owner_id != user.id:
        raise SavedViewRefused("Only its owner can delete a saved view.")
    name = view.name
    session.delete(view)
    session.flush()
    return name


__all__ = [
    "CheckSummary",
    "QueuePage",
    "QueueQuery",
    "QueueRow",
    "SavedViewRefused",
    "delete_view",
    "format_age",
    "list_queue",
    "next_claim",
    "save_view",
    "views_for",
]

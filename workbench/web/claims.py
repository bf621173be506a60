"""The claims list: a plain page until the reviewer's queue replaces it."""

from __future__ import annotations

from flask import Blueprint, render_template
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from workbench.db import get_session
from workbench.domain.markets import market_for_country
from workbench.models import Claim

bp = Blueprint("claims", __name__)


@bp.get("/")
def index():
    claims = (
        get_session()
        .scalars(
            select(Claim)
            .options(
                selectinload(Claim.engagement),
                selectinload(Claim.partner),
                selectinload(Claim.customer),
            )
            .order_by(Claim.submitted_at.desc(), Claim.claim_id)
        )
        .all()
    )
    return render_template("claims/index.html", claims=claims, market_for=market_for_country)

"""Who may see what: every route needs a logged-in user unless it is declared public.

Deny by default, so a route added later cannot be forgotten; role checks on
top of that say which roles may use a route.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from flask import Flask, abort, request
from flask_login import current_user

from workbench.domain.enums import Role
from workbench.extensions import login_manager

# Endpoints anyone may reach. The JSON API ("api.*") authenticates with tokens instead.
PUBLIC_ENDPOINTS = frozenset({"auth.login", "static"})
TOKEN_BLUEPRINTS = ("api.",)


def init_app(app: Flask) -> None:
    app.before_request(_require_login)


def _require_login():
    endpoint = request.endpoint
    if endpoint is None:  # no route matched: let the 404 / 405 happen
        return None
    if endpoint in PUBLIC_ENDPOINTS or endpoint.startswith(TOKEN_BLUEPRINTS):
        return None
    if not current_user.is_authenticated:
        return login_manager.unauthorized()
    return None


def roles_required(*roles: Role) -> Callable:
    """Allow the decorated view to users with one of ``roles`` only (403 for the others)."""
    allowed = {Role(r) for r in roles}

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapper(*args, **kwargs):
            if not current_user.is_authenticated:
                return login_manager.unauthorized()
            if current_user.role not in allowed:
                abort(403)
            return view(*args, **kwargs)

        return wrapper

    return decorator

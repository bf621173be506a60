"""Flask extensions, created unbound and initialised per app."""

from __future__ import annotations

from flask import Flask
from flask_htmx import HTMX
from flask_login import LoginManager
from flask_wtf.csrf import CSRFProtect

from workbench.domain.blobs import BlobStore

csrf = CSRFProtect()
htmx = HTMX()
login_manager = LoginManager()
login_manager.login_view = "auth.login"
login_manager.login_message = "Please log in to use the workbench."
login_manager.session_protection = "strong"


def init_app(app: Flask) -> None:
    csrf.init_app(app)
    htmx.init_app(app)
    login_manager.init_app(app)
    app.extensions["workbench.blobs"] = BlobStore(app.config["BLOB_DIR"])


def get_blobs(app: Flask | None = None) -> BlobStore:
    from flask import current_app

    return (app or current_app).extensions["workbench.blobs"]

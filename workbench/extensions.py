"""Flask extensions, created unbound and initialised per app."""

from __future__ import annotations

import atexit

from flask import Flask, current_app
from flask_htmx import HTMX
from flask_login import LoginManager
from flask_wtf.csrf import CSRFProtect

from workbench.domain.blobs import BlobStore
from workbench.engine.runner import Engine

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
    blobs = BlobStore(app.config["BLOB_DIR"])
    app.extensions["workbench.blobs"] = blobs
    # Worker processes start on first use and stop when this process exits.
    engine = Engine(
        blobs,
        settings=app.config["CHECK_SETTINGS"],
        severity_overrides=app.config["CHECK_SEVERITY"],
        disabled=app.config["CHECKS_DISABLED"],
        check_workers=app.config["CHECK_WORKERS"],
    )
    app.extensions["workbench.engine"] = engine
    atexit.register(engine.close)


def get_blobs(app: Flask | None = None) -> BlobStore:
    return (app or current_app).extensions["workbench.blobs"]


def get_engine(app: Flask | None = None) -> Engine:
    return (app or current_app).extensions["workbench.engine"]

"""Settings: defaults, then WORKBENCH_* environment variables, then a test mapping.

Every setting can be given as ``WORKBENCH_<NAME>`` (for instance
``WORKBENCH_DATABASE_URL``); Flask parses the value as JSON where it can, so
numbers and booleans need no quoting.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from flask import Flask

DEFAULTS: dict[str, Any] = {
    # Derived from the instance folder when not given.
    "DATABASE_URL": None,
    "BLOB_DIR": None,
    "SECRET_KEY": None,
    # Per-document limit at intake; a bigger file refuses its whole bundle.
    "MAX_DOCUMENT_BYTES": 50 * 1024 * 1024,
    # Whole-request limit for uploads through the API (a bundle of documents).
    "MAX_CONTENT_LENGTH": 200 * 1024 * 1024,
    "CATALOG_PATH": str(Path(__file__).parent / "data" / "catalog.json"),
    "REVIEW_TEAM_SIGNATURE": "Workshops - POE Validation Team",
    # Per-check settings, e.g. {"duplicate-poe": {"threshold": 0.85}}.
    "CHECK_SETTINGS": {},
    # Severity overrides, e.g. {"pii-visible": "blocking"}.
    "CHECK_SEVERITY": {},
    # Installed checks that this deployment does not run.
    "CHECKS_DISABLED": [],
    # Check worker processes per app process (None: one per core, at most two).
    "CHECK_WORKERS": None,
    "SESSION_COOKIE_HTTPONLY": True,
    "SESSION_COOKIE_SAMESITE": "Lax",
    # The demo serves plain HTTP on 127.0.0.1; production sets this to true.
    "SESSION_COOKIE_SECURE": False,
    "WTF_CSRF_TIME_LIMIT": None,
    # Notification mail. Without SMTP_HOST mail is only recorded in the outbox.
    "SMTP_HOST": None,
    "SMTP_PORT": 25,
    "SMTP_USERNAME": None,
    "SMTP_PASSWORD": None,
    "SMTP_STARTTLS": False,
    "SMTP_SSL": False,
    "SMTP_TIMEOUT": 30,
    "MAIL_FROM": "poe-review@localhost",
}


def configure(app: Flask, test_config: Mapping[str, Any] | None = None) -> None:
    """Fill ``app.config`` in the documented order and derive what is left."""
    app.config.from_mapping(DEFAULTS)
    app.config.from_prefixed_env("WORKBENCH")
    if test_config is not None:
        app.config.from_mapping(test_config)

    instance = Path(app.instance_path)
    instance.mkdir(parents=True, exist_ok=True)
    if not app.config["DATABASE_URL"]:
        app.config["DATABASE_URL"] = f"sqlite:///{instance / 'workbench.sqlite3'}"
    if not app.config["BLOB_DIR"]:
        app.config["BLOB_DIR"] = str(instance / "blobs")
    if not app.config["SECRET_KEY"]:
        app.config["SECRET_KEY"] = _kept_secret_key(instance / "secret_key")
    _validate(app.config)


def _kept_secret_key(path: Path) -> str:
    """Return the instance's generated secret key, creating it on first use.

    Keeping it in the instance folder lets demo sessions survive a restart
    without any key being written into the code. Deployments set
    WORKBENCH_SECRET_KEY instead.
    """
    try:
        return path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        pass
    key = secrets.token_hex(32)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(key)
    return key


def _validate(config: Mapping[str, Any]) -> None:
    limit = config["MAX_DOCUMENT_BYTES"]
    if not isinstance(limit, int) or limit <= 0:
        raise ValueError(f"WORKBENCH_MAX_DOCUMENT_BYTES must be a positive integer, not {limit!r}")
    workers = config["CHECK_WORKERS"]
    if workers is not None and (type(workers) is not int or workers <= 0):
        raise ValueError(f"WORKBENCH_CHECK_WORKERS must be a positive integer, not {workers!r}")
    if len(str(config["SECRET_KEY"])) < 16:
        raise ValueError("WORKBENCH_SECRET_KEY is too short: use at least 16 random characters")

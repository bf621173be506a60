"""The application factory: configure and wire, nothing else."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from flask import Flask

from workbench import config, db, extensions


def _resource_dir(name: str) -> str:
    """Find a top-level resource folder (templates, static, sample_poe).

    In a checkout they sit beside the package; a wheel carries them inside it.
    """
    package = Path(__file__).resolve().parent
    for candidate in (package / name, package.parent / name):
        if candidate.is_dir():
            return str(candidate)
    raise RuntimeError(f"cannot find the {name}/ folder of the workbench")


def create_app(test_config: Mapping[str, Any] | None = None) -> Flask:
    """Create and wire the application; nothing else happens here."""
    instance_path = (test_config or {}).get("INSTANCE_PATH") or os.environ.get(
        "WORKBENCH_INSTANCE_PATH"
    )
    app = Flask(
        __name__,
        instance_path=str(Path(instance_path).resolve()) if instance_path else None,
        template_folder=_resource_dir("templates"),
        static_folder=_resource_dir("static"),
    )
    config.configure(app, test_config)
    db.init_app(app)
    extensions.init_app(app)

    from workbench import cli
    from workbench.web import access, api, auth, claim_page, claims, queue, security

    cli.init_app(app)
    security.init_app(app)
    access.init_app(app)
    app.register_blueprint(auth.bp)
    app.register_blueprint(claims.bp)
    app.register_blueprint(claim_page.bp)
    app.register_blueprint(queue.bp)
    app.register_blueprint(api.bp)
    return app


def sample_poe_dir() -> Path:
    return Path(_resource_dir("sample_poe"))

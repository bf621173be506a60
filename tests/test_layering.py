"""The core (models, domain, extraction) does not know it runs on the web."""

import subprocess
import sys

CORE = ["workbench.models", "workbench.domain.workflow", "workbench.domain.intake",
        "workbench.domain.expiry", "workbench.domain.decisions", "workbench.domain.demo",
        "workbench.domain.catalog", "workbench.extract.sniff", "workbench.domain.review",
        "workbench.domain.notifications", "workbench.mail", "workbench.domain.sessions",
        "workbench.engine.runner", "workbench.check_api", "workbench.domain.queue"]  # fmt: skip


def test_core_modules_do_not_import_flask():
    code = (
        "import sys\n"
        f"for name in {CORE!r}: __import__(name)\n"
        "leaked = sorted(m for m in sys.modules if m == 'flask' or m.startswith('flask_'))\n"
        "print(','.join(leaked))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""

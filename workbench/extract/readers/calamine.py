"""python-calamine, called so that its failures are ordinary exceptions.

calamine reports bad files with CalamineError, but a Rust panic reaches Python
as pyo3's PanicException, which derives from BaseException and would slip past
``except Exception`` up to the caller. Allocation failures cannot be caught at
all (Rust aborts the process), which is why the readers bound every size that
calamine allocates from before they call it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

try:
    import python_calamine
except ImportError:  # pragma: no cover - the readers fall back to lxml and xlrd
    python_calamine = None

T = TypeVar("T")


class CalamineFailed(Exception):
    """calamine could not read something; the caller uses its other reader."""


def guarded(function: Callable[..., T], *args) -> T:
    """Call ``function`` and turn calamine's errors and panics into ``CalamineFailed``."""
    try:
        return function(*args)
    except MemoryError:
        raise
    except BaseException as exc:
        if isinstance(exc, Exception) or type(exc).__name__ == "PanicException":
            raise CalamineFailed(str(exc) or type(exc).__name__) from None
        raise  # KeyboardInterrupt, SystemExit: not ours to swallow

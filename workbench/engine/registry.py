"""Find, load and validate checks, as three separate phases.

Checks come from the entry point group ``workbench.checks``; the built-in ones
register through the very same group (see pyproject.toml). A plugin that fails
to load or validate never stops the others: it becomes a :class:`PluginFailure`,
named by its source (``"pkg==1.2[check-id]"``), which the runner turns into an
``error`` result on every claim.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib.metadata import EntryPoint, entry_points

from workbench.check_api import Check, Severity

GROUP = "workbench.checks"
CHECK_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@dataclass(frozen=True)
class PluginSource:
    """Where a check comes from: distribution, version and entry point."""

    distribution: str
    version: str
    entry_name: str
    reference: str  # "module:attribute", importable in a worker process

    @property
    def label(self) -> str:
        return f"{self.distribution}=={self.version}[{self.entry_name}]"


@dataclass(frozen=True)
class LoadedCheck:
    check: Check
    source: PluginSource
    severity: Severity

    @property
    def id(self) -> str:
        return self.check.id

    @property
    def version(self) -> str:
        return self.check.version

    @property
    def title(self) -> str:
        return self.check.title


@dataclass(frozen=True)
class PluginFailure:
    check_id: str
    source: PluginSource
    message: str

    def __str__(self) -> str:
        return f"{self.source.label} {self.message}"


@dataclass(frozen=True)
class Registry:
    checks: tuple[LoadedCheck, ...] = ()
    failures: tuple[PluginFailure, ...] = ()
    _by_id: dict[str, LoadedCheck] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._by_id.update({c.id: c for c in self.checks})

    def get(self, check_id: str) -> LoadedCheck | None:
        return self._by_id.get(check_id)

    def ids(self) -> list[str]:
        return sorted({c.id for c in self.checks} | {f.check_id for f in self.failures})


def find(group: str = GROUP) -> list[tuple[PluginSource, EntryPoint]]:
    """Phase 1: list the entry points, sorted so that every run sees the same order."""
    found = []
    for entry in entry_points(group=group):
        dist = entry.dist
        source = PluginSource(
            distribution=dist.metadata["Name"] if dist else "unknown",
            version=dist.version if dist else "?",
            entry_name=entry.name,
            reference=entry.value,
        )
        found.append((source, entry))
    return sorted(found, key=lambda item: (item[0].entry_name, item[0].distribution))


def load(entry: EntryPoint) -> object:
    """Phase 2: import what the entry point names. Any exception propagates to the caller."""
    return entry.load()


def validate(obj: object, source: PluginSource) -> Check:
    """Phase 3: check that ``obj`` is a well-formed check class and instantiate it."""
    if not (isinstance(obj, type) and issubclass(obj, Check)):
        raise TypeError(f"{source.reference} is not a subclass of workbench.check_api.Check")
    if obj.id != source.entry_name:
        raise ValueError(
            f"declares id {obj.id!r} but is registered as {source.entry_name!r}; "
            "the entry point name must be the check id"
        )
    if not CHECK_ID.match(obj.id):
        raise ValueError(f"id {obj.id!r} is not kebab-case (e.g. 'invoice-amount')")
    for attribute in ("version", "title"):
        value = getattr(obj, attribute)
        if not isinstance(value, str) or not value.strip():
            raise ValueError(f"needs a non-empty string {attribute}")
    if obj.run is Check.run:
        raise TypeError("does not implement run(claim, context)")
    if not isinstance(obj.timeout, int | float) or obj.timeout <= 0:
        raise ValueError(f"timeout must be a positive number of seconds, not {obj.timeout!r}")
    if not isinstance(obj.reads_matches, bool):
        raise ValueError(f"reads_matches must be True or False, not {obj.reads_matches!r}")
    Severity(obj.severity)
    return obj()


def discover(
    group: str = GROUP,
    *,
    severity_overrides: Mapping[str, str] | None = None,
    disabled: Iterable[str] = (),
) -> Registry:
    """Find, load and validate every installed check; never raises for a bad plugin."""
    loaded: list[LoadedCheck] = []
    failures: list[PluginFailure] = []
    for source, entry in find(group):
        try:
            obj = load(entry)
        except Exception as exc:  # a plugin's import can fail in any way
            failures.append(
                PluginFailure(source.entry_name, source, f"failed to load: {_describe(exc)}")
            )
            continue
        try:
            check = validate(obj, source)
        except Exception as exc:
            failures.append(
                PluginFailure(source.entry_name, source, f"is invalid: {_describe(exc)}")
            )
            continue
        loaded.append(LoadedCheck(check, source, Severity(check.severity)))
    return build_registry(loaded, failures, severity_overrides, disabled)


def build_registry(
    loaded: list[LoadedCheck],
    failures: list[PluginFailure],
    severity_overrides: Mapping[str, str] | None = None,
    disabled: Iterable[str] = (),
) -> Registry:
    """Refuse duplicate ids, apply the deployment's severities, and freeze the result."""
    overrides = {k: Severity(v) for k, v in (severity_overrides or {}).items()}
    disabled = set(disabled)
    by_id: dict[str, list[LoadedCheck]] = {}
    for item in loaded:
        by_id.setdefault(item.id, []).append(item)
    checks = []
    for check_id, items in sorted(by_id.items()):
        if check_id in disabled:
            continue
        if len(items) > 1:
            sources = " and ".join(i.source.label for i in items)
            for item in items:
                failures.append(
                    PluginFailure(
                        check_id, item.source,
                        f"is refused: check id {check_id!r} is registered by {sources}; "
                        "uninstall one of them",
                    )
                )  # fmt: skip
            continue
        item = items[0]
        severity = overrides.get(check_id, item.severity)
        checks.append(LoadedCheck(item.check, item.source, severity))
    return Registry(tuple(checks), tuple(sorted(failures, key=lambda f: f.check_id)))


def _describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"

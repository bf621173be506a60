"""Checks that misbehave in every way the engine must survive."""

import os
import time

from workbench.check_api import Check, Result


class Raises(Check):
    id = "raises"
    title = "Raises"

    def run(self, claim, context):
        raise ValueError("boom on " + claim.claim_id)


class Hangs(Check):
    id = "hangs"
    title = "Hangs"
    timeout = 1.0

    def run(self, claim, context):
        while True:
            time.sleep(0.05)


class ReturnsGarbage(Check):
    id = "returns-garbage"
    title = "Returns garbage"

    def run(self, claim, context):
        return {"status": "pass"}


class ReturnsNothing(Check):
    id = "returns-nothing"
    title = "Returns nothing"

    def run(self, claim, context):
        return []


class CrashesTheProcess(Check):
    id = "crashes"
    title = "Crashes"

    def run(self, claim, context):
        os._exit(3)


class EatsMemory(Check):
    id = "eats-memory"
    title = "Eats memory"

    def run(self, claim, context):
        hoard = []
        while True:
            hoard.append(bytearray(64 * 1024 * 1024))


class CountsDocuments(Check):
    """A well-behaved check, to show the others do not stop it."""

    id = "counts-documents"
    title = "Counts documents"
    version = "7"

    def run(self, claim, context):
        return Result.passed(f"{len(claim.documents)} documents")


class NotACheck:
    id = "not-a-check"


def wait_for(path, seconds=10.0):
    """True once ``path`` exists; False after ``seconds``."""
    deadline = time.monotonic() + seconds
    while not os.path.exists(path):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return True


class Handshakes(Check):
    """Passes only if the parent writes ``settings["parent"]`` while this check runs."""

    id = "handshakes"
    title = "Handshakes"

    def run(self, claim, context):
        if not wait_for(context.settings["parent"]):
            return Result.failed("the parent did nothing while this check ran")
        with open(context.settings["check"], "w") as handle:
            handle.write("ran")
        return Result.passed("the parent worked alongside")


class SaysWhere(Check):
    """Tells which worker process ran it, after ``settings["seconds"]`` of work."""

    id = "says-where"
    title = "Says where"

    def run(self, claim, context):
        time.sleep(context.settings.get("seconds", 0))
        import sys

        preloaded = "tests.plugins.elsewhere" in sys.modules
        return Result.passed(f"pid {os.getpid()} elsewhere-loaded {preloaded}")


# Four references to one check, each timed on its own by the sandbox.
class SaysWhereA(SaysWhere):
    pass


class SaysWhereB(SaysWhere):
    pass


class SaysWhereC(SaysWhere):
    pass


class SaysWhereD(SaysWhere):
    pass


class CountsMatches(Check):
    """Reads what other claims hold: re-run whenever another claim's copy appears."""

    id = "counts-matches"
    title = "Counts matches"

    def run(self, claim, context):
        return Result.passed(f"{sum(len(d.matches) for d in claim.documents)} matches")


class IgnoresMatches(CountsMatches):
    """The same reading, declared not to need matches: it is shown none."""

    id = "ignores-matches"
    title = "Ignores matches"
    reads_matches = False

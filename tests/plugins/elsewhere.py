"""A well-behaved check in a module of its own, to see which workers have loaded it."""

from workbench.check_api import Check, Result


class Elsewhere(Check):
    id = "elsewhere"
    title = "Elsewhere"

    def run(self, claim, context):
        return Result.passed("ran")

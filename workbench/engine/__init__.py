"""The check engine: find and load checks, snapshot a claim, run checks where they can be
stopped, and store their results. No Flask here: the CLI, the web app and workers share it."""

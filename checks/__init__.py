"""The built-in checks. Each module holds one check, registered in pyproject.toml under the
entry point group ``workbench.checks`` exactly as a third-party check would be."""

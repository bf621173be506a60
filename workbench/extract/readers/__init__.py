"""One reader per format. Each takes the document's bytes and a ``Collector``.

A reader adds located text segments and raises ``ExtractionFailed`` with a
typed code for what it recognises (encrypted, legacy, corrupt ...); anything
else it raises is classified at the boundary in ``core``.
"""

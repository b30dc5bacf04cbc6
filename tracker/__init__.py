"""tracker: who promised what, by when, and did they keep their word.

Data flows one way: sources -> fetch -> parse -> extract -> store -> match ->
status -> report. The CLI (``tracker.cli`` and ``tracker.commands``) and the
daemon are thin faces over the pipeline functions.
"""

__version__ = "0.1.0"
PROJECT_URL = "https://github.com/tracker-project/tracker"
USER_AGENT = f"tracker/{__version__} (+{PROJECT_URL})"

"""StudyApp: study the report on the innovation ability of leading bodies and cadres."""

# The one place the version is written; pyproject.toml reads it from here (hatch), so the
# app need not import importlib.metadata (slow) at start-up.
__version__ = "0.1.0"

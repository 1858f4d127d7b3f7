"""StudyApp: study the report on the innovation ability of leading bodies and cadres."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("studyapp")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"

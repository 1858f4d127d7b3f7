"""The question-set formats and the file extensions that name them.

Kept apart from ``studyapp.core.questionsets`` so that the command line and the window can
name formats without loading the parsers.
"""

from __future__ import annotations

FORMATS = ("native", "csv", "xlsx", "gift", "aiken", "paper")
# What --format accepts besides FORMATS; "txt" means "Aiken, a paper or GIFT, whichever fits";
# "docx" is a paper typed in Word.
ALIASES = {"yaml": "native", "yml": "native", "excel": "xlsx", "txt": "txt",
           "docx": "paper"}
FORMAT_NAMES = FORMATS + tuple(ALIASES)
EXTENSIONS = {
    ".yaml": "native",
    ".yml": "native",
    ".csv": "csv",
    ".xlsx": "xlsx",
    ".gift": "gift",
    ".txt": "txt",
    ".docx": "paper",
}

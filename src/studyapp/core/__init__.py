"""Pure-Python core of StudyApp. Never imports PySide6 (a test enforces it)."""

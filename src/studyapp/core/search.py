"""Full-text search over the report with SQLite FTS5, held in memory (the text never changes)."""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass

from studyapp.core.report import Report

SNIPPET_CHARS = 160
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class SearchHit:
    section_id: str
    paragraph: int  # index into Section.paragraphs
    snippet: str
    matches: list[tuple[int, int]]  # (start, end) ranges in snippet to highlight


class ReportSearch:
    """The report's paragraphs in an in-memory FTS5 index. The connection closes with
    :meth:`close`, or when the search object goes (never left for the collector to find)."""

    def __init__(self, report: Report) -> None:
        import sqlite3  # at the first search, not when the reader is built at start-up

        self._conn = sqlite3.connect(":memory:")
        self._closer = weakref.finalize(self, self._conn.close)
        self._conn.execute(
            "CREATE VIRTUAL TABLE paragraphs USING fts5("
            "text, section_id UNINDEXED, paragraph UNINDEXED, "
            "tokenize = 'unicode61 remove_diacritics 2')"
        )
        self._conn.executemany(
            "INSERT INTO paragraphs (text, section_id, paragraph) VALUES (?, ?, ?)",
            [
                (text, section.id, index)
                for section in report.sections
                for index, text in enumerate(section.paragraphs)
            ],
        )

    def close(self) -> None:
        self._closer()

    def search(self, query: str, limit: int = 50) -> list[SearchHit]:
        """Paragraphs holding every word of the query (the last word as a prefix), in reading
        order (rows are stored in reading order, so rowid order is the report's order)."""
        words = _WORD.findall(query.lower())
        if not words:
            return []
        # Each word quoted, so user input is never read as FTS5 syntax.
        match = " ".join(f'"{word}"' for word in words[:-1]) + f' "{words[-1]}"*'
        rows = self._conn.execute(
            "SELECT section_id, paragraph, text FROM paragraphs WHERE paragraphs MATCH ? "
            "ORDER BY rowid LIMIT ?",
            [match.strip(), limit],
        ).fetchall()
        return [_hit(section_id, paragraph, text, words) for section_id, paragraph, text in rows]


def _hit(section_id: str, paragraph: int, text: str, words: list[str]) -> SearchHit:
    spans = _word_spans(text, words)
    start = 0
    if len(text) > SNIPPET_CHARS and spans:
        start = max(0, spans[0][0] - SNIPPET_CHARS // 3)
        while start > 0 and not text[start - 1].isspace():
            start -= 1
    end = min(len(text), start + SNIPPET_CHARS)
    while end < len(text) and not text[end].isspace():
        end += 1
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    shift = len(prefix) - start
    snippet = prefix + text[start:end] + suffix
    matches = [(s + shift, e + shift) for s, e in spans if s >= start and e <= end]
    return SearchHit(section_id, paragraph, snippet, matches)


def _word_spans(text: str, words: list[str]) -> list[tuple[int, int]]:
    """Where the query's words stand in the text (whole words; the last as a prefix)."""
    spans = []
    for found in _WORD.finditer(text):
        token = found.group().lower()
        if token in words[:-1] or token.startswith(words[-1]):
            spans.append(found.span())
    return spans

"""Where a quiz's questions may come from: the scopes the Quiz setup page offers, with how
many questions each holds (the view only names them)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Literal

from studyapp.core.quiz import RELATIONSHIPS_SCOPE, scope_filter
from studyapp.core.report import Report
from studyapp.core.store import Store

ScopeKind = Literal["relationships", "report", "part", "section", "set", "tags"]
MAX_TAGS = 12  # the most used tags only: a long tail of one-question tags is no choice
ALWAYS_OFFERED = (RELATIONSHIPS_SCOPE, "report")  # even with no question (yet)


@dataclass(frozen=True)
class ScopeChoice:
    scope: str  # as QuizEngine.start takes it: "relationships", "part:problems", "set:id"...
    kind: ScopeKind
    value: str  # the section id, the set's title or the tag ("" for the first two)
    depth: int  # of a section in the report's tree (0 for a part)
    count: int  # questions in the profile it would draw from


def scope_choices(report: Report, store: Store) -> list[ScopeChoice]:
    """The scopes worth offering, in the page's order: the four relationships, the whole
    report, its parts and sections (two levels down), each question set, the most used
    tags; a scope without a question is left out (but for the first two)."""
    stored = store.quizzes.questions()
    wanted: list[tuple[str, ScopeKind, str, int]] = [
        (RELATIONSHIPS_SCOPE, "relationships", "", 0), ("report", "report", "", 0)]
    for section in report.sections:
        depth = len(section.ancestors())
        if depth <= 2:
            kind: ScopeKind = "part" if depth == 0 else "section"
            wanted.append((f"{kind}:{section.id}", kind, section.id, depth))
    for info in store.question_sets.list():
        wanted.append((f"set:{info.id}", "set", info.title, 0))
    tags = Counter(tag for q in stored for tag in q.question.tags)
    for tag in sorted(tags, key=lambda t: (-tags[t], t))[:MAX_TAGS]:
        wanted.append((f"tags:{tag}", "tags", tag, 0))
    choices = []
    for scope, kind, value, depth in wanted:
        keep = scope_filter(scope)
        count = sum(1 for q in stored if keep(q))
        if count or scope in ALWAYS_OFFERED:
            choices.append(ScopeChoice(scope, kind, value, depth, count))
    return choices


__all__ = ["MAX_TAGS", "ScopeChoice", "scope_choices"]

"""The report as a tree of sections with stable ids (docs/architecture.md, "Contracts")."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from studyapp.core.resources import MissingResourceError, read_text

ROOT_ID = "report"


@dataclass(eq=False)
class Section:
    id: str
    number: str
    title: str
    heading: str
    paragraphs: list[str]
    children: list[Section] = field(default_factory=list)
    parent: Section | None = field(default=None, repr=False)

    @property
    def is_leaf(self) -> bool:
        return not self.children

    @property
    def depth(self) -> int:
        """0 for the parts (intro, problems, reasons, suggestions), 1 below them, ..."""
        depth, node = 0, self.parent
        while node is not None and node.id != ROOT_ID:
            depth, node = depth + 1, node.parent
        return depth

    @property
    def label(self) -> str:
        """Number and title as shown in the contents, e.g. "(5) Correctly handle ..."."""
        return f"{self.number} {self.title}".strip()

    def ancestors(self) -> list[Section]:
        """Parents from the top part down, without the report root."""
        chain: list[Section] = []
        node = self.parent
        while node is not None and node.id != ROOT_ID:
            chain.insert(0, node)
            node = node.parent
        return chain

    @property
    def is_page(self) -> bool:
        """Whether the learner reads this section (and it counts in progress): every section
        with text of its own. A part that only lists its sections is not a page."""
        return bool(self.body_paragraphs())

    def body_paragraphs(self) -> list[str]:
        """Paragraphs for display under the heading: the heading sentence is not repeated."""
        if not self.paragraphs:
            return []
        first = self.paragraphs[0]
        if self.heading and first.startswith(self.heading) and first != self.heading:
            return [first[len(self.heading):].lstrip(), *self.paragraphs[1:]]
        if self.heading and first == self.heading:
            return list(self.paragraphs[1:])
        return list(self.paragraphs)

    def source_blocks(self) -> list[str]:
        """This section's own text as it stands in the source, heading line included."""
        heading_in_text = bool(self.paragraphs) and self.paragraphs[0].startswith(self.heading)
        blocks = [] if not self.heading or heading_in_text else [self.heading]
        return blocks + list(self.paragraphs)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "number": self.number,
            "title": self.title,
            "heading": self.heading,
            "paragraphs": list(self.paragraphs),
            "children": [child.to_dict() for child in self.children],
        }


class Report:
    """The whole report: a root with the parts below it, in reading order."""

    def __init__(self, root: Section) -> None:
        self.root = root
        self.sections: list[Section] = list(walk(root))[1:]
        self._by_id = {section.id: section for section in self.sections}

    @property
    def title(self) -> str:
        return self.root.title

    @property
    def parts(self) -> list[Section]:
        return self.root.children

    @property
    def leaves(self) -> list[Section]:
        return [section for section in self.sections if section.is_leaf]

    @property
    def pages(self) -> list[Section]:
        """The sections that count in reading progress, in reading order (see is_page)."""
        return [section for section in self.sections if section.is_page]

    @property
    def section_ids(self) -> list[str]:
        return [section.id for section in self.sections]

    def get(self, section_id: str) -> Section:
        """The section with this id; KeyError names the id when there is none."""
        return self._by_id[section_id]

    def __contains__(self, section_id: object) -> bool:
        return section_id in self._by_id

    def next(self, section: Section) -> Section | None:
        index = self.sections.index(section)
        return self.sections[index + 1] if index + 1 < len(self.sections) else None

    def previous(self, section: Section) -> Section | None:
        index = self.sections.index(section)
        return self.sections[index - 1] if index > 0 else None

    def read_counts(self, read_ids: Iterable[str]) -> dict[str, tuple[int, int]]:
        """(read, total) pages *below* every section with children, and for the whole report
        (under the root's id).

        This is what the contents shows beside a part: "1/3" over the three sections listed
        under it. A part's own page (its introduction, when it has one) has a tick on its own
        row, like any other page, and is counted by its parent and in the whole report; so
        the report's total is the number of rows that can carry a tick.
        """
        read = set(read_ids)
        counts: dict[str, tuple[int, int]] = {}
        for section in [self.root, *self.sections]:
            if section.is_leaf:
                continue
            below = [s for s in list(walk(section))[1:] if s.is_page]
            counts[section.id] = (sum(1 for s in below if s.id in read), len(below))
        return counts

    def part_counts(self, read_ids: Iterable[str]) -> dict[str, tuple[int, int]]:
        """(read, total) pages in each part, the part's own page included: the part's tick
        and its "n/m" in the contents together (``studyapp stats`` reports these)."""
        read = set(read_ids)
        counts = {}
        for part in self.parts:
            pages = [s for s in walk(part) if s.is_page]
            counts[part.id] = (sum(1 for s in pages if s.id in read), len(pages))
        return counts

    def plain_text(self) -> str:
        """The report as text: its title and every heading and paragraph, word for word."""
        blocks = [self.title]
        for section in self.sections:
            blocks += section.source_blocks()
        return "\n\n".join(blocks) + "\n"

    def to_dict(self) -> dict[str, Any]:
        return self.root.to_dict()


def walk(section: Section) -> Iterator[Section]:
    """The section and everything below it, in reading order."""
    yield section
    for child in section.children:
        yield from walk(child)


def _section_from_dict(data: dict[str, Any], parent: Section | None) -> Section:
    section = Section(
        id=data["id"],
        number=data["number"],
        title=data["title"],
        heading=data["heading"],
        paragraphs=list(data["paragraphs"]),
        parent=parent,
    )
    section.children = [_section_from_dict(child, section) for child in data["children"]]
    return section


@cache
def load_report() -> Report:
    """The report shipped in ``resources/report/report.json`` (parsed once per process)."""
    try:
        data = json.loads(read_text("report", "report.json"))
        return Report(_section_from_dict(data, None))
    except (ValueError, KeyError, TypeError) as error:
        raise MissingResourceError(
            f"The report resource is damaged ({error}). Reinstall StudyApp to repair it."
        ) from error

"""The report resource holds the source word for word, under the contract's section ids."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from studyapp.core.report import load_report

SOURCE = Path(__file__).parents[1] / "fixtures" / "report-source.txt"
BREADCRUMB_LINES = 2

CONTRACT_IDS = (
    ["intro", "problems", "reasons", "suggestions"]
    + [f"problems.{n}" for n in range(1, 4)]
    + [f"reasons.{n}" for n in range(1, 5)]
    + [f"suggestions.{n}" for n in range(1, 6)]
    + [f"suggestions.{p}.{n}" for p in (1, 2, 4) for n in range(1, 4)]
    + [f"suggestions.5.{n}" for n in range(1, 5)]
)


def source_sentences() -> list[str]:
    lines = SOURCE.read_text(encoding="utf-8").splitlines()[BREADCRUMB_LINES:]
    text = "\n".join(line.strip() for line in lines if line.strip())
    return [s for s in re.split(r"(?<=[.;?!])\s+|\n", text) if s.strip()]


def assert_in_order(sentences: list[str], text: str) -> None:
    position = 0
    for sentence in sentences:
        found = text.find(sentence, position)
        assert found >= 0, f"missing or out of order: {sentence!r}"
        position = found + len(sentence)


def test_every_source_sentence_is_in_the_plain_text_in_order() -> None:
    sentences = source_sentences()
    assert len(sentences) > 150  # the splitter really split the report
    assert_in_order(sentences, load_report().plain_text())


def test_every_source_sentence_is_in_the_json_tree_in_order() -> None:
    strings: list[str] = []

    def collect(node: dict) -> None:
        if not (node["paragraphs"] and node["paragraphs"][0].startswith(node["heading"])):
            strings.append(node["heading"])
        strings.extend(node["paragraphs"])
        for child in node["children"]:
            collect(child)

    collect(json.loads(json.dumps(load_report().to_dict())))
    assert_in_order(source_sentences(), "\n".join(strings))


def test_breadcrumb_debris_is_not_part_of_the_report() -> None:
    text = load_report().plain_text()
    assert "Current location" not in text
    assert not text.startswith("How to boldly manage")


def test_contract_section_ids_exist_with_their_numbering() -> None:
    report = load_report()
    for section_id in CONTRACT_IDS:
        assert section_id in report, section_id
    assert report.get("problems").number == "I."
    assert report.get("suggestions.5").number == "(5)"
    assert report.get("suggestions.4").number == "(4)"  # "(four)" in the source
    assert report.get("suggestions.1").number == "(1)"  # "(a)" in the source
    assert report.get("suggestions.5.2").title == (
        "Correctly handle the relationship between boldness and charge"
    )


def test_parent_links_and_reading_order() -> None:
    report = load_report()
    section = report.get("suggestions.5.3")
    assert [s.id for s in section.ancestors()] == ["suggestions", "suggestions.5"]
    assert report.next(section) is report.get("suggestions.5.4")
    assert report.previous(report.get("intro")) is None
    assert report.next(report.get("suggestions.5.4")) is None


@pytest.mark.parametrize("section_id", ["problems.1", "suggestions.5.2", "suggestions.4.1"])
def test_body_does_not_repeat_the_heading_sentence(section_id: str) -> None:
    section = load_report().get(section_id)
    body = section.body_paragraphs()
    assert body and not body[0].startswith(section.heading)
    assert " ".join(section.paragraphs).endswith(body[-1])

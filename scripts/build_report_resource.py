"""Build resources/report/report.json from the seed text of the report.

Run once by a maintainer when the source text changes:

    python scripts/build_report_resource.py ../shared/seed/report-source.txt

Each section keeps its paragraphs word for word. ``heading`` is the source text that
heads the section: a line of its own (``"I. Main problems"``) or the opening sentence
of the first paragraph (``"1, the mind is not emancipated enough, ..."``), in which
case the paragraph still holds it. ``number`` and ``title`` are that heading split
for display; the numbering slips "(a)" and "(four)" are shown as "(1)" and "(4)".
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

BREADCRUMB_LINES = 2  # web-page debris above the report's title

# (id, number, heading prefix that starts the paragraph or line, standalone heading?)
# Listed in reading order; the paragraph that starts with the prefix opens the section.
SECTIONS: list[tuple[str, str, str, bool]] = [
    ("intro", "", "In accordance with the requirements", False),
    ("problems", "I.", "I. Main problems", True),
    ("problems.1", "1,", "1, the mind is not emancipated enough, and the sense of innovation "
     "is not strong.", False),
    ("problems.2", "2.", "2. The work is not bold enough and lacks innovation.", False),
    ("problems.3", "3,", "3, knowledge is not comprehensive enough, and there are not many "
     "innovative methods.", False),
    ("reasons", "Second,", "Second, the main reasons for the problems", True),
    ("reasons.1", "-", "-The sense of responsibility is not strong and the working standards "
     "are not high.", False),
    ("reasons.2", "-", "-their own quality is insufficient and their ability needs to be "
     "strengthened.", False),
    ("reasons.3", "-", "-contact with the masses is not close, and the construction of work "
     "style needs to be deepened.", False),
    ("reasons.4", "-", "-the reward and punishment mechanism is not complete, which leads to "
     "insufficient innovation motivation.", False),
    ("suggestions", "Third,", "Third, some thoughts and suggestions on improving innovation "
     "ability.", True),
    ("suggestions.1", "(1)", "(a) adhere to education and training, and constantly improve "
     "their ability and quality.", False),
    ("suggestions.1.1", "1,", "1, innovative training concept.", False),
    ("suggestions.1.2", "2.", "2. Innovative training content.", False),
    ("suggestions.1.3", "3.", "3. Innovative training methods.", False),
    ("suggestions.2", "(2)", "(2)", True),
    ("suggestions.2.1", "1,", "1, we should carry forward the spirit of seeking truth and "
     "being pragmatic.", False),
    ("suggestions.2.2", "2.", "2. Adhere to the party's sense of purpose.", False),
    ("suggestions.2.3", "3,", "3, to go deep into the front line to carry out investigation "
     "and research.", False),
    ("suggestions.3", "(3)", "(3) Persist in pioneering and innovating, and constantly "
     "emancipate the mind.", False),
    ("suggestions.4", "(4)", "(four) adhere to improve the long-term mechanism, to provide "
     "institutional guarantee for improving innovation ability.", False),
    ("suggestions.4.1", "First", "The first is to improve the incentive mechanism.", False),
    ("suggestions.4.2", "Second", "The second is to improve the safeguard mechanism.", False),
    ("suggestions.4.3", "Third", "The third is to improve the training mechanism.", False),
    ("suggestions.5", "(5)", "(5) Correctly handle the four relations and improve the "
     "innovative ability of leading bodies and cadres.", True),
    ("suggestions.5.1", "First", "First, correctly handle the relationship between innovation "
     "and pragmatism.", False),
    ("suggestions.5.2", "Second", "The second is to correctly handle the relationship between "
     "boldness and charge.", False),
    ("suggestions.5.3", "Third", "The third is to correctly handle the relationship between "
     "comprehensive innovation and reservation.", False),
    ("suggestions.5.4", "Fourth", "Fourth, correctly handle the relationship between "
     "innovation and practice.", False),
]

# suggestions.2's title stands in the paragraph after its "(2)" line.
TITLE_OVERRIDES = {
    "intro": "Introduction",
    "suggestions.2": "Persist in seeking truth and being pragmatic, and constantly improve "
    "the ruling ability",
}

# Lead-ins that belong to the number rather than the title.
LEAD_INS = ("The first is to ", "The second is to ", "The third is to ", "First, ", "Fourth, ")


def title_from_heading(number_text: str, heading: str) -> str:
    text = heading
    for prefix in ("(four) ", "(a) "):
        if text.startswith(prefix):
            text = text[len(prefix):]
    for lead in LEAD_INS:
        if text.startswith(lead):
            text = text[len(lead):]
    if number_text and text.startswith(number_text):
        text = text[len(number_text):]
    text = text.lstrip("-").strip()
    text = text.rstrip(".").strip()
    return text[:1].upper() + text[1:]


def build(source: str) -> dict:
    lines = source.splitlines()
    title = lines[BREADCRUMB_LINES].strip()
    paragraphs = [line.strip() for line in lines[BREADCRUMB_LINES + 1:] if line.strip()]

    # "(four) ..." holds the heading of suggestions.4 and the opening of 4.1 in one line.
    split_at = "The first is to improve the incentive mechanism."
    expanded: list[str] = []
    for para in paragraphs:
        if para.startswith("(four)") and split_at in para:
            head, tail = para.split(split_at, 1)
            expanded += [head.strip(), split_at + tail]
        else:
            expanded.append(para)

    nodes: dict[str, dict] = {}
    order: list[str] = []
    cursor = 0
    for index, (section_id, number, heading, standalone) in enumerate(SECTIONS):
        if not expanded[cursor].startswith(heading):
            raise SystemExit(f"expected {heading!r} at paragraph {cursor}: {expanded[cursor]!r}")
        next_heading = SECTIONS[index + 1][2] if index + 1 < len(SECTIONS) else None
        end = cursor + 1
        while end < len(expanded) and not (next_heading and expanded[end].startswith(next_heading)):
            end += 1
        body = expanded[cursor + 1:end] if standalone else expanded[cursor:end]
        node_heading = heading if section_id != "intro" else ""
        nodes[section_id] = {
            "id": section_id,
            "number": number,
            "title": TITLE_OVERRIDES.get(section_id) or title_from_heading(number, heading),
            "heading": node_heading,
            "paragraphs": body,
            "children": [],
        }
        order.append(section_id)
        cursor = end
    if cursor != len(expanded):
        raise SystemExit(f"unassigned paragraphs from {cursor}")

    root = {"id": "report", "number": "", "title": title, "heading": title, "paragraphs": [],
            "children": []}
    for section_id in order:
        parent_id = section_id.rsplit(".", 1)[0] if "." in section_id else None
        parent = nodes[parent_id] if parent_id else root
        parent["children"].append(nodes[section_id])
    return root


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: build_report_resource.py SOURCE.txt", file=sys.stderr)
        return 2
    tree = build(Path(argv[1]).read_text(encoding="utf-8"))
    out = Path(__file__).resolve().parents[1] / "resources" / "report" / "report.json"
    out.write_text(json.dumps(tree, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

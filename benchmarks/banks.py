"""Validating and importing trainers' existing banks: a question paper and an exam system's
spreadsheet export, each of 10,000 questions of every type they hold.

paper_10k:     validate (load_file: parse + checks) and import a 10,000-question paper typed
               with section headings, options on one line and on their own lines, answers and
               explanations, full-width punctuation. Target: at most 2 s (like import_10k).
bank_csv_10k:  the same for a 10,000-row CSV laid out like an exam system's export (序号, 分值,
               整体解析, 选项A解析..., 课题, 领域, and ignored columns 年级, 学期).
               Target: at most 2 s.
"""

from __future__ import annotations

from functools import cache

from benchmarks.common import Result
from benchmarks.imports import validate_and_import

TARGET_PAPER_SECONDS = 2.0
TARGET_CSV_SECONDS = 2.0
COUNT = 10_000


def generated_paper(count: int) -> str:
    quarter = count // 4
    parts = ["创新能力测试卷\n\n一、单选题（每题2分）\n"]
    for n in range(1, quarter + 1):
        parts.append(f"{n}. 第{n}题：哪一项是认识的来源？（ ）\n"
                     "A. 实践  B. 空谈  C. 书本  D. 想象\n答案：A\n解析：实践是认识的来源。\n")
    parts.append("二、多选题（每题3分）\n")
    for n in range(1, quarter + 1):
        parts.append(f"{n}．第{n}题：创新能力包括哪些？\nＡ．学习\nＢ．实践\nＣ．守旧\nＤ．调研\n"
                     "【答案】ABD\n【解析】守旧不是。\n")
    parts.append("三、判断题\n")
    for n in range(1, quarter + 1):
        parts.append(f"{n}、第{n}题：实践出真知。（ ）\n答案：√\n")
    parts.append("四、填空题\n")
    for n in range(1, count - 3 * quarter + 1):
        parts.append(f"（{n}）第{n}题：____是____的源头。\n答案：(实践)(认识)\n")
    return "".join(parts)


def generated_csv(count: int) -> str:
    rows = ["序号,题型,题干,选项A,选项B,选项C,选项D,正确答案,分值,整体解析,选项A解析,选项B解析,"
            "选项C解析,选项D解析,课题,领域,年级,学期,知识标签"]
    kinds = [("单选题", "A"), ("多选题", "A B D"), ("判断题", "√"), ("填空题", "(实践)(认识)")]
    for n in range(1, count + 1):
        kind, answer = kinds[n % 4]
        options = "学习,实践,守旧,调研" if kind in ("单选题", "多选题") else ",,,"
        notes = "对,对,守旧不是,对" if kind in ("单选题", "多选题") else ",,,"
        prompt = "____是____的源头。" if kind == "填空题" else f"第{n}题的题干"
        rows.append(f"{n},{kind},{prompt},{options},{answer},2,解析{n},{notes},创新能力,领导力,"
                    "高一,上学期,实践")
    return "\n".join(rows) + "\n"


@cache
def _seconds(kind: str) -> float:
    name, text = (("paper.txt", generated_paper(COUNT)) if kind == "paper"
                  else ("bank.csv", generated_csv(COUNT)))
    return min(validate_and_import(name, text, COUNT) for _ in range(3))


def paper_10k() -> Result:
    seconds = _seconds("paper")
    return Result("paper_10k", round(seconds, 3), "s", f"<= {TARGET_PAPER_SECONDS}",
                  seconds <= TARGET_PAPER_SECONDS, "validate + import, best of 3")


def bank_csv_10k() -> Result:
    seconds = _seconds("csv")
    return Result("bank_csv_10k", round(seconds, 3), "s", f"<= {TARGET_CSV_SECONDS}",
                  seconds <= TARGET_CSV_SECONDS, "validate + import, best of 3")

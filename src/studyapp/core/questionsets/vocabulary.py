"""The words of question spreadsheets and papers: column headers, question types, true/false
and difficulty words, and how an answer names option letters or the blanks of a fill question.

Shared by the spreadsheet readers (csv_file.py, tabular.py, sheet_rows.py, row_items.py) and
the paper reader (paper.py), so that a type or truth word means the same in every format.
Names are compared through :func:`name_key` (NFKC, case-folded, without spaces or
punctuation), so case, spaces and full-width letters do not matter.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["DIFFICULTY_WORDS", "FIELD_OF", "HEADERS", "LETTERS", "MEANINGS", "TAG_SEPARATORS",
           "TRUTH", "TYPE_NAMES", "TYPE_OF", "UNSUPPORTED_KIND_OF", "fill_answers", "name_key",
           "option_letters", "truth_key"]

LETTERS = "ABCDEFGH"

# field -> accepted header names; the first Chinese and the first English one are used
# when a message has to name a column the file does not have.
HEADERS: dict[str, tuple[str, ...]] = {
    "id": ("编号", "试题编号", "题目编号", "id", "question id"),
    "number": ("序号", "题号", "题目序号", "no", "number", "question number", "#"),
    "type": ("题型", "类型", "题目类型", "试题类型", "题型名称", "试题题型", "type",
             "question type", "kind"),
    "prompt": ("题干", "题目", "题目内容", "试题内容", "问题", "题目标题", "试题题干", "题目描述",
               "question", "prompt", "stem", "question text", "question stem", "front", "正面"),
    # 选项A, A, A选项, 选项1 (the first option), option A, choice A, option 1
    **{f"option {letter}": (f"选项{letter}", letter, f"{letter}选项", f"选项{index + 1}",
                            f"option {letter}", f"choice {letter}", f"option {index + 1}")
       for index, letter in enumerate(LETTERS)},
    "answer": ("答案", "正确答案", "参考答案", "标准答案", "正确选项", "答案选项", "answer",
               "correct answer", "correct answers", "right answer", "key", "back", "背面"),
    "explanation": ("解析", "答案解析", "试题解析", "整体解析", "题目解析", "试题分析", "答题解析",
                    "explanation", "analysis"),
    "section": ("章节", "所属章节", "section"),
    "difficulty": ("难度", "难易程度", "难易度", "difficulty"),
    "tags": ("标签", "知识点", "知识标签", "知识点标签", "关键词", "考点", "tags", "tag",
             "knowledge tag", "knowledge point", "keywords"),
    "evidence": ("原文", "原文依据", "依据", "evidence"),
    "points": ("分值", "分数", "题目分值", "试题分值", "试题分数", "题目分数", "每题分值", "points",
               "score", "marks"),
    # 否 keeps the options in their written order (options that refer to each other).
    "shuffle": ("选项乱序", "乱序", "打乱选项", "随机选项", "shuffle", "shuffle options"),
    # Columns that group questions: each one's value becomes a tag; 题库名称 (else 科目名称)
    # names the set when every row gives the same one.
    "bank": ("题库名称", "题库", "所属题库", "bank", "question bank", "bank name"),
    "subject": ("科目名称", "科目", "课程", "课程名称", "所属课程", "subject", "course"),
    "topic": ("课题", "主题", "分类", "题目分类", "topic", "category"),
    "field": ("领域", "专业领域", "专业", "field", "domain"),
    **{f"feedback {letter}": (f"选项{letter}解析", f"{letter}解析", f"选项{letter}说明",
                              f"option {letter} feedback", f"feedback {letter}",
                              f"{letter} feedback", f"option {letter} explanation")
       for letter in LETTERS},
    "image": ("图片", "图片URL", "图片地址", "图片路径", "题目图片", "插图", "image", "picture",
              "image url", "image path", "img"),
}
# How the import preview says what a column was understood as.
MEANINGS = {"id": "id", "number": "number (order and id)", "type": "type",
            "prompt": "question", "answer": "answer", "explanation": "explanation",
            "section": "section", "difficulty": "difficulty", "tags": "tags",
            "evidence": "evidence", "points": "points",
            "shuffle": "shuffle options", "bank": "tag (and set title)",
            "subject": "tag (and set title)", "topic": "tag", "field": "tag", "image": "image",
            **{f"option {letter}": f"option {letter}" for letter in LETTERS},
            **{f"feedback {letter}": f"option {letter} feedback" for letter in LETTERS}}
_IGNORED_IN_HEADER = re.compile(r"[\s_\-.:：*()（）\[\]【】]+")


def name_key(text: str) -> str:
    """A header or type name as compared: NFKC, case-folded, without spaces or punctuation."""
    return _IGNORED_IN_HEADER.sub("", unicodedata.normalize("NFKC", text).casefold())


FIELD_OF = {name_key(name): name_field for name_field, names in HEADERS.items() for name in names}

TYPE_NAMES: dict[str, tuple[str, ...]] = {
    "single": ("单选", "单选题", "单项选择", "单项选择题", "单择", "single", "single choice",
               "singlechoice"),
    "multiple": ("多选", "多选题", "多项选择", "多项选择题", "不定项", "不定项选择",
                 "不定项选择题", "multiple", "multiple choice", "multi"),
    "truefalse": ("判断", "判断题", "是非", "是非题", "对错题", "truefalse", "true/false",
                  "true false", "tf"),
    "fill": ("填空", "填空题", "fill", "fill in", "fill-in", "blank"),
    "card": ("卡片", "闪卡", "记忆卡", "card", "flashcard"),
    # single or multiple, decided by how many letters the answer names
    "choice": ("选择", "选择题", "choice"),
}
TYPE_OF = {name_key(name): kind for kind, names in TYPE_NAMES.items() for name in names}
_UNSUPPORTED_TYPES = {
    **dict.fromkeys(("简答", "简答题", "问答", "问答题", "论述", "论述题", "essay"), "essay"),
    **dict.fromkeys(("连线", "连线题", "匹配", "匹配题", "match", "matching"), "match"),
    **dict.fromkeys(("排序", "排序题", "order", "ordering"), "order"),
    **dict.fromkeys(("数值", "数值题", "计算", "计算题", "numeric", "numerical"), "numeric"),
}
# Types StudyApp cannot mark from a spreadsheet or a paper, by name key (for the message).
UNSUPPORTED_KIND_OF = {name_key(name): kind for name, kind in _UNSUPPORTED_TYPES.items()}

_TRUE = ("正确", "对", "√", "✓", "✔", "t", "true", "是", "yes", "y", "1", "真", "right")
_FALSE = ("错误", "错", "×", "✗", "✘", "x", "f", "false", "否", "no", "n", "0", "假", "wrong")
TRUTH = {**dict.fromkeys(_TRUE, True), **dict.fromkeys(_FALSE, False)}

DIFFICULTY_WORDS = {
    "容易": 1, "简单": 1, "易": 1, "easy": 1, "较易": 2, "中": 3, "中等": 3, "一般": 3,
    "medium": 3, "较难": 4, "难": 5, "困难": 5, "hard": 5,
}
_LETTER_SEPARATORS = re.compile(r"[\s,、;/|]+")
_FILL_SEPARATORS = re.compile(r"[|;；｜]")
TAG_SEPARATORS = re.compile(r"[,，、;；|｜\n]")


def option_letters(answer: str) -> str | None:
    """The option letters an answer names ("A、C" -> "AC"), None when it is not letters."""
    text = unicodedata.normalize("NFKC", answer).upper().strip().strip("()[]【】.。")
    text = _LETTER_SEPARATORS.sub("", text)
    if not text.isascii() or not text.isalpha():
        return None if text else ""
    return "".join(dict.fromkeys(text))


def truth_key(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold().strip().rstrip("。.!！")


_BLANK = re.compile(r"_{2,}|＿{2,}|[（(][ \t\u3000]*[)）]")
_IN_PARENTHESES = re.compile(r"\s*[（(]([^()（）]*)[)）]")


def fill_answers(answer: str, prompt: str) -> tuple[list[str], list[list[str]]]:
    """(accepted, blanks) of a fill answer.

    ``(答案1)(答案2)`` (or full-width parentheses) gives one blank per pair, and so does
    ``答案1|答案2`` when the prompt has that many blanks (``____``, ``（ ）``); otherwise the
    pieces separated by ``|`` or ``；`` are the accepted answers of one blank. With several
    blanks ``accepted`` holds their first answers joined by "；" and ``blanks`` each one's
    answers (alternatives inside parentheses separated by ``|`` or ``/``).
    """
    text = answer.strip()
    groups: list[str] | None = None
    if text[:1] in "(（":
        pieces = []
        position = 0
        while position < len(text):
            match = _IN_PARENTHESES.match(text, position)
            if match is None:
                break
            pieces.append(match.group(1))
            position = match.end()
        if pieces and not text[position:].strip() and len(pieces) > 1:
            groups = pieces
    if groups is not None:
        blanks = [[alt.strip() for alt in re.split(r"[|｜/／]", group) if alt.strip()]
                  for group in groups]
        if all(blanks):
            return ["；".join(blank[0] for blank in blanks)], blanks
        return [], []
    single = _IN_PARENTHESES.fullmatch(text)
    if single is not None:
        text = single.group(1)
    pieces = [piece.strip() for piece in _FILL_SEPARATORS.split(text) if piece.strip()]
    if len(pieces) > 1 and len(_BLANK.findall(prompt)) == len(pieces):
        return ["；".join(pieces)], [[piece] for piece in pieces]
    return pieces, []

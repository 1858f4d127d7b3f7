"""Fill questions with several blanks, from a bank's (实践)(认识), are scored per blank."""

from __future__ import annotations

import pytest

from studyapp.core.questionsets.model import Question
from studyapp.core.questionsets.tabular import fill_answers
from studyapp.core.scoring import Policy, score


def two_blanks() -> Question:
    accepted, blanks = fill_answers("(实践|practice)(认识)", "____是____的源头")
    return Question(id="q", type="fill", prompt="____是____的源头", accepted=accepted,
                    blanks=blanks)


@pytest.mark.parametrize(("response", "fraction"), [
    (["实践", "认识"], 1.0), ("practice；认识", 1.0), ("ＰＲＡＣＴＩＣＥ ; 认识。", 1.0),
    (["实践", "感性"], 0.5), ("实践", 0.5), ("认识|实践", 0.0), ("", 0.0), ([], 0.0),
])
def test_each_blank_counts(response: object, fraction: float) -> None:
    assert score(two_blanks(), response).fraction == fraction


def test_all_or_nothing_policy() -> None:
    policy = Policy(pairs="all_or_nothing")
    assert score(two_blanks(), ["实践", "感性"], policy).fraction == 0.0
    assert score(two_blanks(), ["实践", "认识"], policy).fraction == 1.0

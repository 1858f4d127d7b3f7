"""core/language.py: which language StudyApp speaks, by one rule for the CLI and the window."""

from __future__ import annotations

from pathlib import Path

import pytest

from studyapp.core import language, site_settings
from studyapp.core.language import LanguageChoice, choose_language, normalise, option_value
from studyapp.core.messages import msg, msg_n, use_catalogue


def site(tmp_path: Path, text: str) -> site_settings.SiteSettings:
    path = tmp_path / "studyapp-site.ini"
    path.write_text(text, encoding="utf-8")
    return site_settings.load([path])


@pytest.mark.parametrize(("code", "expected"), [
    ("zh_CN", "zh_CN"), ("zh-CN", "zh_CN"), ("zh", "zh_CN"), ("zh_CN.UTF-8", "zh_CN"),
    ("zh_Hans_CN", "zh_CN"), ("Chinese (Simplified)_China.936", "zh_CN"), ("en", "en"),
    ("en_GB.UTF-8", "en"), ("de_DE", "en"), ("C", "en"), ("", None), (None, None),
])
def test_codes_mean_a_shipped_language(code: str | None, expected: str | None) -> None:
    assert normalise(code) == expected


def test_the_system_language_from_the_environment() -> None:
    assert language.system_language({"LANG": "zh_CN.UTF-8"}) == "zh_CN"
    assert language.system_language({"LANGUAGE": "zh_CN:en", "LANG": "en_US.UTF-8"}) == "zh_CN"
    assert language.system_language({"LC_ALL": "C", "LANG": "zh_CN.UTF-8"}) == "en"


def test_option_before_environment_before_it_before_the_learner(tmp_path: Path) -> None:
    locked = site(tmp_path, "[locked]\nlanguage = en\n")
    default = site(tmp_path, "[defaults]\nlanguage = zh_CN\n")
    env = {"STUDYAPP_LANG": "zh_CN"}
    assert choose_language(option="en", environ=env) == LanguageChoice("en", "option")
    assert choose_language(environ=env, site=locked) == LanguageChoice("zh_CN", "environment")
    assert choose_language(environ={}, site=locked, user="zh_CN") == \
        LanguageChoice("en", "locked")
    assert choose_language(environ={}, site=default, user="en") == LanguageChoice("en", "user")
    assert choose_language(environ={}, site=default, system="en_US") == \
        LanguageChoice("zh_CN", "site")
    assert choose_language(environ={}, system="zh_CN") == LanguageChoice("zh_CN", "system")
    assert choose_language(environ={"LANG": "zh_CN.UTF-8"}) == LanguageChoice("zh_CN", "system")


def test_only_the_learners_menu_choice_can_be_overridden() -> None:
    assert LanguageChoice("zh_CN", "locked").locked
    assert LanguageChoice("zh_CN", "option").locked
    assert not LanguageChoice("zh_CN", "user").locked
    assert not LanguageChoice("zh_CN", "system").locked


@pytest.mark.parametrize(("argv", "expected"), [
    (["--lang", "zh_CN", "validate", "x"], "zh_CN"), (["--lang=en"], "en"),
    (["validate", "--", "--lang", "zh_CN"], None), (["validate"], None), (["--lang"], None),
])
def test_the_option_is_read_before_the_parser(argv: list[str], expected: str | None) -> None:
    assert option_value(argv) == expected


def test_the_chinese_catalogue_renders_core_messages() -> None:
    try:
        language.use_language("zh_CN")
        assert str(msg_n("{n} question", "{n} questions", 1)) == "1 道题"
        assert str(msg_n("{n} question", "{n} questions", 7)) == "7 道题"
        problem = msg("{path}: results_folder is empty", path="site.ini")
        assert str(problem) == "site.ini：results_folder 为空"
        assert problem.english == "site.ini: results_folder is empty"
        language.use_language("en")
        assert str(msg_n("{n} question", "{n} questions", 7)) == "7 questions"
    finally:
        use_catalogue(None)


def test_english_needs_no_catalogue() -> None:
    assert type(language.catalogue("en")).__name__ == "NullTranslations"
    assert type(language.catalogue("zh_CN")).__name__ == "GNUTranslations"

"""Both themes keep text readable: WCAG AA contrast (4.5:1) for every text on its background."""

from __future__ import annotations

import pytest

from studyapp.ui.theme import DARK, LIGHT, Colours, ThemeChoice, colours_for, contrast_ratio

AA_TEXT = 4.5


@pytest.mark.parametrize("colours", [LIGHT, DARK], ids=["light", "dark"])
def test_text_colours_pass_wcag_aa(colours: Colours) -> None:
    pairs = {
        "text on base": (colours.text, colours.base),
        "text on window": (colours.text, colours.window),
        "text on alternate": (colours.text, colours.alternate),
        "muted on base": (colours.muted, colours.base),
        "muted on window": (colours.muted, colours.window),
        "muted on alternate": (colours.muted, colours.alternate),
        "accent on base": (colours.accent, colours.base),
        "accent on alternate": (colours.accent, colours.alternate),
        "selected text": (colours.highlighted_text, colours.highlight),
        "text on a search hit": (colours.text, colours.hit),
        "success on base": (colours.success, colours.base),
    }
    failing = {name: round(contrast_ratio(*pair), 2) for name, pair in pairs.items()
               if contrast_ratio(*pair) < AA_TEXT}
    assert failing == {}


def test_contrast_ratio_matches_the_wcag_formula() -> None:
    assert contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast_ratio("#FFFFFF", "#FFFFFF") == pytest.approx(1.0)
    assert contrast_ratio("#767676", "#FFFFFF") == pytest.approx(4.54, abs=0.01)


def test_explicit_choices_win_over_the_system(qapp: object) -> None:
    assert colours_for(ThemeChoice.LIGHT) is LIGHT
    assert colours_for(ThemeChoice.DARK) is DARK
    assert colours_for(ThemeChoice.SYSTEM) in (LIGHT, DARK)

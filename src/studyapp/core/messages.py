"""Text that core and the command line show to people, rendered in the chosen language.

Core has no Qt, so it cannot use Qt's catalogues. A message is kept as its English template
and its values (:class:`Message`) until it is shown; :meth:`Message.render` looks the template
up in the active gettext catalogue, falls back to the English, and fills in the values.

- Templates use named fields: ``msg("Row {row}: unknown type {kind!r}", row=3, kind="x")``.
  Never an f-string as the template (it could not be extracted or looked up).
- A count that changes a word: ``msg_n("{n} question", "{n} questions", n)``; gettext picks
  the form (English has two, Chinese one). The count is available as ``{n}``.
- A value may itself be a :class:`Message`; it is rendered in the same language.
- Babel extracts the templates: ``pybabel extract -k msg -k msg_n:1,2 -k N_``. ``N_`` marks
  a template kept in a table and rendered later with :func:`msg`.

The catalogue in use is process-wide (:func:`use_catalogue`), as gettext's own ``install`` is:
the CLI and the window each choose the language once, at start-up.
"""

from __future__ import annotations

import gettext
from typing import Any

from studyapp.core.record import Record

_catalogue: gettext.NullTranslations = gettext.NullTranslations()


def N_(text: str) -> str:
    """Mark ``text`` as a template to translate without rendering it now."""
    return text


class Message(Record):
    """An English template and its values; rendered in the active language when shown."""

    text: str
    values: tuple[tuple[str, Any], ...] = ()
    plural: str | None = None
    count: int | None = None

    def __init__(self, text: str, values: tuple[tuple[str, Any], ...] = (),
                 plural: str | None = None, count: int | None = None) -> None:
        # Written out: made for every problem a check reports, where Record's general
        # __init__ would cost four times as much.
        set_field = object.__setattr__
        set_field(self, "text", text)
        set_field(self, "values", values)
        set_field(self, "plural", plural)
        set_field(self, "count", count)

    def render(self, catalogue: gettext.NullTranslations | None = None) -> str:
        """The message in ``catalogue``'s language (the active one by default)."""
        cat = _catalogue if catalogue is None else catalogue
        if self.plural is not None and self.count is not None:
            template = cat.ngettext(self.text, self.plural, self.count)
        else:
            template = cat.gettext(self.text)
        values = {key: value.render(cat) if isinstance(value, Message) else value
                  for key, value in self.values}
        try:
            return template.format(**values)
        except (KeyError, IndexError, ValueError):
            # A translation with a broken field must not hide the message: say it in English.
            return (self.plural if self.plural is not None and self.count != 1
                    else self.text).format(**values)

    @property
    def english(self) -> str:
        """The message in English, whatever language is active (for logs and tests)."""
        return self.render(gettext.NullTranslations())

    def __str__(self) -> str:
        return self.render()


def msg(text: str, /, **values: Any) -> Message:
    """A message from an English template with named ``{fields}``."""
    return Message(text, tuple(values.items()))


def msg_n(singular: str, plural: str, n: int, /, **values: Any) -> Message:
    """A message whose wording depends on the count ``n`` (available as ``{n}``)."""
    return Message(singular, tuple({"n": n, **values}.items()), plural, n)


def render(text: str | Message) -> str:
    """``text`` as shown: a plain string as it is, a message in the active language."""
    return text.render() if isinstance(text, Message) else text


def use_catalogue(catalogue: gettext.NullTranslations | None) -> None:
    """Make ``catalogue`` the one every message renders with (None: English)."""
    global _catalogue
    _catalogue = gettext.NullTranslations() if catalogue is None else catalogue


def active_catalogue() -> gettext.NullTranslations:
    return _catalogue

"""libyaml's syntax errors in the trainer's words.

The parser (libyaml, through PyYAML) says where it was ("while parsing a flow node") and what
it met ("did not find expected node content"), in its own English. A trainer gets what is
wrong at that line and column, and the usual cause, in the catalogue's language. A phrase not
listed here is shown as libyaml wrote it, so nothing is lost.
"""

from __future__ import annotations

from studyapp.core.messages import Message, msg

_TAB = msg("a tab is used for indentation: YAML indents with spaces only")
_UNQUOTED_TAG = msg("a tag ('!') is not written correctly: put text that starts with '!' "
                    "in quotes")
# libyaml's problem texts (its scanner's and parser's), and what each means in a question set.
_PROBLEMS: dict[str, Message] = {
    "did not find expected node content": msg("a value is missing here"),
    "could not find expected ':'": msg(
        "a key is not followed by ':' (or the line is not indented like the lines around "
        "it)"),
    "mapping values are not allowed in this context": msg(
        "': ' (a colon and a space) is not allowed here: put text that contains ': ' in "
        "quotes, or check the indentation"),
    "found unexpected end of stream": msg(
        "the file ends before a quote or a bracket is closed"),
    "did not find expected key": msg(
        "this line is not indented like the keys around it, or text follows a closing "
        "quote"),
    "did not find expected '-' indicator": msg(
        "this line is not indented like the list items ('- ') around it"),
    "did not find expected ',' or ']'": msg("a ',' or ']' is missing in this [ ] list"),
    "did not find expected ',' or '}'": msg("a ',' or '}}' is missing in this {{ }} mapping"),
    "found a tab character that violates indentation": _TAB,
    "found a tab character where an indentation space is expected": _TAB,
    "found character that cannot start any token": msg(
        "a value cannot start with this character (a tab, '@' or '`'): indent with "
        "spaces, and put such text in quotes"),
    "found unknown escape character": msg(
        "unknown escape after '\\' in double quotes: write '\\\\' for a backslash, or use "
        "single quotes"),
    "did not find expected alphabetic or numeric character": msg(
        "an anchor or alias ('&name', '*name') has no name"),
    "found unknown directive name": msg(
        "a line that starts with '%' is a YAML directive: put text that starts with '%' in "
        "quotes"),
    "but found another document": msg(
        "the file holds more than one document ('---'): one question set per file"),
    "did not find the expected '>'": _UNQUOTED_TAG,
    "did not find URI escaped octet": _UNQUOTED_TAG,
    "exceeded maximum nesting depth": msg("brackets are nested too deeply"),
}


def syntax_error_words(context: str | None, problem: str | None,
                       context_line: int | None = None) -> Message:
    """What a libyaml syntax error (its context and problem texts) means for the trainer;
    ``context_line``: the line where what it was reading began (a quote left open)."""
    if problem == "found unexpected end of stream" and context_line is not None:
        return msg("YAML syntax error: {what}", what=msg(
            "the file ends before the quote or bracket opened on line {line} is closed",
            line=context_line))
    known = _PROBLEMS.get(problem or "")
    if known is not None:
        return msg("YAML syntax error: {what}", what=known)
    what = " ".join(part for part in (context, problem) if part)
    return msg("YAML syntax error: {what}", what=what)

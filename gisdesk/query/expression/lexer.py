"""Split an expression into tokens that remember where they came from.

The grammar follows QGIS: ``"field"`` quotes a field name, ``'text'`` a string (``''`` escapes a
quote), ``$area`` a geometry variable, keywords are case-insensitive. Every token keeps its start
and end offsets so parser and evaluator errors can point at the exact characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gisdesk.i18n import translate
from gisdesk.query.expression.errors import ExpressionError

KEYWORDS = frozenset(
    {"AND", "OR", "NOT", "IN", "BETWEEN", "IS", "NULL", "LIKE", "ILIKE", "TRUE", "FALSE"}
)

_OPERATORS = ("<>", "!=", "<=", ">=", "||", "=", "<", ">", "+", "-", "*", "/", "%", "(", ")", ",")
_NUMBER = re.compile(r"(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")
_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


@dataclass(frozen=True)
class Token:
    """One lexical unit. ``kind`` is NUMBER, STRING, FIELD, IDENT, VARIABLE, KEYWORD, OP or EOF."""

    kind: str
    value: str | float | int
    pos: int
    end: int


def tokenize(text: str) -> list[Token]:
    """Return the tokens of ``text`` followed by an EOF token.

    Raises
    ------
    ExpressionError
        On an unterminated string or quoted field, or a character the language does not use.
    """
    tokens: list[Token] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch.isspace():
            i += 1
        elif ch in "'\"":
            token = _quoted(text, i)
            tokens.append(token)
            i = token.end
        elif ch.isdigit() or (ch == "." and text[i + 1 : i + 2].isdigit()):
            token = _number(text, i)
            tokens.append(token)
            i = token.end
        elif ch == "$" or ch.isalpha() or ch == "_":
            token = _word(text, i)
            tokens.append(token)
            i = token.end
        else:
            op = next((o for o in _OPERATORS if text.startswith(o, i)), None)
            if op is None:
                msg = translate("Expression", "Unexpected character '{0}'").format(ch)
                raise ExpressionError(msg, text, i)
            tokens.append(Token("OP", op, i, i + len(op)))
            i += len(op)
    tokens.append(Token("EOF", "", len(text), len(text)))
    return tokens


def _quoted(text: str, start: int) -> Token:
    """A 'string' or "field"; a doubled quote inside stands for one quote."""
    quote = text[start]
    parts: list[str] = []
    i = start + 1
    while i < len(text):
        if text[i] == quote:
            if text[i + 1 : i + 2] == quote:
                parts.append(quote)
                i += 2
                continue
            kind = "STRING" if quote == "'" else "FIELD"
            return Token(kind, "".join(parts), start, i + 1)
        parts.append(text[i])
        i += 1
    what = "string" if quote == "'" else "quoted field name"
    msg = translate("Expression", "Unterminated {0}: missing closing {1}").format(what, quote)
    raise ExpressionError(msg, text, start, len(text))


def _number(text: str, start: int) -> Token:
    match = _NUMBER.match(text, start)
    assert match is not None  # the caller saw a digit
    raw = match.group(0)
    value: float | int = float(raw) if any(c in raw for c in ".eE") else int(raw)
    return Token("NUMBER", value, start, match.end())


def _word(text: str, start: int) -> Token:
    """A keyword, a function or bare field name, or a ``$variable``."""
    offset = 1 if text[start] == "$" else 0
    match = _IDENT.match(text, start + offset)
    if match is None:
        raise ExpressionError(
            translate("Expression", "Expected a variable name after '$'"), text, start
        )
    word = match.group(0)
    if offset:
        return Token("VARIABLE", "$" + word.lower(), start, match.end())
    if word.upper() in KEYWORDS:
        return Token("KEYWORD", word.upper(), start, match.end())
    return Token("IDENT", word, start, match.end())

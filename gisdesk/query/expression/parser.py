"""A Pratt parser from tokens to the syntax tree of :mod:`.nodes`.

Precedence, loosest first (as in QGIS): OR, AND, NOT, comparisons (``= <> < <= > >= LIKE ILIKE
IN BETWEEN IS``), ``||``, ``+ -``, ``* / %``, unary minus. Comparisons do not chain: ``a < b < c``
is an error rather than a silent surprise.
"""

from __future__ import annotations

from dataclasses import replace

from gisdesk.i18n import translate
from gisdesk.query.expression import nodes as n
from gisdesk.query.expression.errors import ExpressionError
from gisdesk.query.expression.lexer import Token, tokenize

_COMPARISON = 4
_BINDING: dict[str, int] = {
    "OR": 1, "AND": 2,
    "=": _COMPARISON, "<>": _COMPARISON, "!=": _COMPARISON, "<": _COMPARISON,
    "<=": _COMPARISON, ">": _COMPARISON, ">=": _COMPARISON, "LIKE": _COMPARISON,
    "ILIKE": _COMPARISON, "IN": _COMPARISON, "BETWEEN": _COMPARISON, "IS": _COMPARISON,
    "NOT": _COMPARISON,  # infix NOT: x NOT IN / NOT LIKE / NOT BETWEEN
    "||": 5, "+": 6, "-": 6, "*": 7, "/": 7, "%": 7,
}
_NOT_PREFIX = 3
_UNARY_MINUS = 8


def parse(text: str) -> n.Node:
    """Parse ``text`` into a syntax tree.

    Raises
    ------
    ExpressionError
        With the position of the first token that does not fit the grammar.
    """
    if not text.strip():
        raise ExpressionError(translate("Expression", "The expression is empty"), text, 0)
    return _Parser(text).parse()


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = tokenize(text)
        self.i = 0
        self.grouped: set[int] = set()  # ids of parenthesised nodes: (a < b) = TRUE is fine

    @property
    def tok(self) -> Token:
        return self.tokens[self.i]

    def advance(self) -> Token:
        token = self.tokens[self.i]
        self.i += 1
        return token

    def error(self, message: str, token: Token | None = None) -> ExpressionError:
        token = token or self.tok
        return ExpressionError(message, self.text, token.pos, token.end)

    def expect(self, kind: str, value: str) -> Token:
        if self.tok.kind != kind or self.tok.value != value:
            found = self._describe(self.tok)
            msg = translate("Expression", "Expected '{0}' but found {1}").format(value, found)
            raise self.error(msg)
        return self.advance()

    @staticmethod
    def _describe(token: Token) -> str:
        if token.kind == "EOF":
            return translate("Expression", "the end of the expression")
        return f"'{token.value}'"

    def parse(self) -> n.Node:
        node = self.expression(0)
        if self.tok.kind != "EOF":
            msg = translate("Expression", "Unexpected {0} after a complete expression")
            raise self.error(msg.format(self._describe(self.tok)))
        return node

    def _infix_power(self) -> int:
        token = self.tok
        if token.kind in ("OP", "KEYWORD"):
            return _BINDING.get(str(token.value), 0)
        return 0

    def expression(self, min_power: int) -> n.Node:
        left = self.prefix()
        while (power := self._infix_power()) > min_power:
            chained = isinstance(left, _COMPARISON_NODES) and not _is_bool_op(left)
            if power == _COMPARISON and chained and id(left) not in self.grouped:
                raise self.error(
                    translate("Expression", "Comparisons cannot be chained; use AND")
                )
            left = self.infix(left, power)
        return left

    def prefix(self) -> n.Node:
        token = self.advance()
        operand = self.operand(token)
        if operand is not None:
            return operand
        if token.kind == "KEYWORD" and token.value == "NOT":
            operand = self.expression(_NOT_PREFIX - 1)
            return n.Unary(token.pos, operand.end, "NOT", operand)
        if token.kind == "OP" and token.value in ("-", "+"):
            operand = self.expression(_UNARY_MINUS - 1)
            return operand if token.value == "+" else n.Unary(token.pos, operand.end, "-", operand)
        if token.kind == "OP" and token.value == "(":
            inner = self.expression(0)
            close = self.expect("OP", ")")
            grouped = _respan(inner, token.pos, close.end)
            self.grouped.add(id(grouped))
            return grouped
        msg = translate("Expression", "Expected a value, field or function but found {0}")
        raise self.error(msg.format(self._describe(token)), token)

    def operand(self, token: Token) -> n.Node | None:
        """A literal, field, variable or function call starting at ``token``, else None."""
        if token.kind in ("NUMBER", "STRING"):
            return n.Literal(token.pos, token.end, token.value)
        if token.kind in ("FIELD", "VARIABLE"):
            cls = n.FieldRef if token.kind == "FIELD" else n.Variable
            return cls(token.pos, token.end, str(token.value))
        if token.kind == "IDENT":
            if self.tok.kind == "OP" and self.tok.value == "(":
                return self.call(token)
            return n.FieldRef(token.pos, token.end, str(token.value))
        if token.kind == "KEYWORD" and token.value in ("TRUE", "FALSE", "NULL"):
            value = {"TRUE": True, "FALSE": False, "NULL": None}[str(token.value)]
            return n.Literal(token.pos, token.end, value)
        return None

    def call(self, name: Token) -> n.Node:
        self.expect("OP", "(")
        args: list[n.Node] = []
        if not (self.tok.kind == "OP" and self.tok.value == ")"):
            args.append(self.expression(0))
            while self.tok.kind == "OP" and self.tok.value == ",":
                self.advance()
                args.append(self.expression(0))
        close = self.expect("OP", ")")
        return n.Call(name.pos, close.end, str(name.value).lower(), tuple(args))

    def infix(self, left: n.Node, power: int) -> n.Node:
        token = self.advance()
        op = str(token.value)
        negated = False
        if op == "NOT":
            negated = True
            token = self.advance()
            op = str(token.value)
            if op not in ("IN", "LIKE", "ILIKE", "BETWEEN"):
                msg = translate("Expression", "Expected IN, LIKE, ILIKE or BETWEEN after NOT")
                raise self.error(msg, token)
        if op == "IN":
            return self.in_list(left, negated)
        if op == "BETWEEN":
            low = self.expression(_COMPARISON)
            self.expect("KEYWORD", "AND")
            high = self.expression(_COMPARISON)
            return n.Between(left.pos, high.end, left, low, high, negated)
        if op == "IS":
            is_not = self.tok.kind == "KEYWORD" and self.tok.value == "NOT"
            if is_not:
                self.advance()
            null = self.expect("KEYWORD", "NULL")
            return n.IsNull(left.pos, null.end, left, is_not)
        right = self.expression(power)
        if op in ("LIKE", "ILIKE"):
            return n.Like(left.pos, right.end, left, right, op == "ILIKE", negated)
        op = "<>" if op == "!=" else op
        return n.Binary(left.pos, right.end, op, left, right)

    def in_list(self, left: n.Node, negated: bool) -> n.Node:
        self.expect("OP", "(")
        items = [self.expression(0)]
        while self.tok.kind == "OP" and self.tok.value == ",":
            self.advance()
            items.append(self.expression(0))
        close = self.expect("OP", ")")
        return n.InList(left.pos, close.end, left, tuple(items), negated)


_COMPARISON_NODES = (n.Binary, n.InList, n.Between, n.IsNull, n.Like)


def _is_bool_op(node: n.Node) -> bool:
    """True for nodes that are not comparisons themselves (arithmetic, AND/OR)."""
    if isinstance(node, n.Binary):
        return node.op not in ("=", "<>", "<", "<=", ">", ">=")
    return False


def _respan(node: n.Node, pos: int, end: int) -> n.Node:
    """Widen a parenthesised node's span so errors underline the brackets too."""
    return replace(node, pos=pos, end=end)

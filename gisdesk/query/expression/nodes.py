"""The syntax tree of an expression. Every node keeps its span in the source text."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Node:
    """Base of all nodes: ``pos``/``end`` are offsets into the expression text."""

    pos: int
    end: int


@dataclass(frozen=True)
class Literal(Node):
    """A number, string, boolean or NULL written in the expression."""

    value: object


@dataclass(frozen=True)
class FieldRef(Node):
    """A field of the layer, ``"quoted"`` or bare."""

    name: str


@dataclass(frozen=True)
class Variable(Node):
    """A geometry variable such as ``$area`` (always lower case)."""

    name: str


@dataclass(frozen=True)
class Unary(Node):
    """``NOT x`` or ``-x``."""

    op: str
    operand: Node


@dataclass(frozen=True)
class Binary(Node):
    """Arithmetic, comparison, ``||`` and ``AND``/``OR``."""

    op: str
    left: Node
    right: Node


@dataclass(frozen=True)
class Call(Node):
    """A function call such as ``year("last_inspected")``."""

    name: str
    args: tuple[Node, ...]


@dataclass(frozen=True)
class InList(Node):
    """``x [NOT] IN (a, b, ...)``."""

    operand: Node
    items: tuple[Node, ...]
    negated: bool


@dataclass(frozen=True)
class Between(Node):
    """``x [NOT] BETWEEN low AND high`` (both ends included)."""

    operand: Node
    low: Node
    high: Node
    negated: bool


@dataclass(frozen=True)
class IsNull(Node):
    """``x IS [NOT] NULL``."""

    operand: Node
    negated: bool


@dataclass(frozen=True)
class Like(Node):
    """``x [NOT] LIKE|ILIKE pattern`` with ``%`` and ``_`` wildcards."""

    operand: Node
    pattern: Node
    case_insensitive: bool
    negated: bool

"""An expression written back for readers: field labels, coded values by name, in a language.

A printed map says which features it shows. ``condition <= 2`` means nothing to a DPRD member;
"Kondisi ≤ 2 (Buruk)" does. So the parsed tree (not the text: string replacing would also
rewrite quoted values and parts of other names) is walked and every field reference becomes its
label from the layer definition, every literal compared with a coded field shows its domain
label, and the keywords become words of the page's language.

The language is the page's, which may differ from the desktop's (a map for the DPRD is printed
in Indonesian from an English desktop), so the words come from a table keyed by language like
the other fixed page texts, not from the UI translator.
"""

from __future__ import annotations

from collections.abc import Sequence

from gisdesk.core.definitions import Catalog, Domain, FieldDef, LayerDef
from gisdesk.query.expression import nodes as n
from gisdesk.query.expression.errors import ExpressionError
from gisdesk.query.expression.parser import parse

WORDS: dict[str, dict[str, str]] = {
    "AND": {"en": "and", "id": "dan"},
    "OR": {"en": "or", "id": "atau"},
    "NOT": {"en": "not", "id": "bukan"},
    "in": {"en": "is one of", "id": "salah satu dari"},
    "not_in": {"en": "is none of", "id": "bukan salah satu dari"},
    "between": {"en": "from {0} to {1}", "id": "antara {0} dan {1}"},
    "not_between": {"en": "not from {0} to {1}", "id": "tidak antara {0} dan {1}"},
    "is_null": {"en": "is empty", "id": "kosong"},
    "is_not_null": {"en": "is not empty", "id": "tidak kosong"},
    "like": {"en": "matches", "id": "cocok dengan"},
    "not_like": {"en": "does not match", "id": "tidak cocok dengan"},
    "TRUE": {"en": "yes", "id": "ya"},
    "FALSE": {"en": "no", "id": "tidak"},
    "NULL": {"en": "empty", "id": "kosong"},
    "$area": {"en": "area", "id": "luas"},
    "$length": {"en": "length", "id": "panjang"},
    "$perimeter": {"en": "perimeter", "id": "keliling"},
    "$x": {"en": "x", "id": "x"},
    "$y": {"en": "y", "id": "y"},
}
"""Keywords and variables by page language (English for unknown languages)."""

SYMBOLS = {"<=": "≤", ">=": "≥", "<>": "≠"}
"""Comparison operators as printed (DejaVu Sans, the page font, has these glyphs)."""

_POWER = {"OR": 1, "AND": 2, "=": 4, "<>": 4, "<": 4, "<=": 4, ">": 4, ">=": 4,
          "||": 5, "+": 6, "-": 6, "*": 7, "/": 7, "%": 7}
"""Binding powers, as in :mod:`.parser`: the tree has lost its brackets, so a child binding
looser than its parent is bracketed again when written out."""
_ATOM = 9
_ASSOCIATIVE = {"AND", "OR", "+", "*", "||"}


def _word(key: str, lang: str) -> str:
    entry = WORDS[key]
    return entry.get(lang, entry["en"])


def describe_expression(text: str, definitions: Sequence[LayerDef] = (),
                        catalog: Catalog | None = None, lang: str = "en") -> str:
    """``text`` written for readers in ``lang``; the text unchanged when it does not parse.

    ``definitions`` are the layers the expression filters: the first that has a field gives its
    label and domain. Fields no definition knows keep the name as written.
    """
    try:
        tree = parse(text)
    except ExpressionError:
        return text
    return _Describer(list(definitions), catalog, lang).write(tree)


def _domain_label(domain: Domain, value: object, lang: str) -> str | None:
    """The label of ``value`` in ``domain``: by code, or a text code/label in any case."""
    label = domain.label(value, lang)
    if label is None and isinstance(value, str):
        label = next((v.label.get(lang) for v in domain.values
                      if str(v.code).lower() == value.lower()
                      or v.label.get(lang).lower() == value.lower()), None)
    return label


class _Describer:
    def __init__(self, definitions: list[LayerDef], catalog: Catalog | None, lang: str) -> None:
        self.definitions = definitions
        self.catalog = catalog
        self.lang = lang

    # -- fields ----------------------------------------------------------------------------
    def fields(self, node: n.Node) -> list[tuple[FieldDef, Domain | None]]:
        """Every definition of a field reference, the exact name's before case-folded ones."""
        if not isinstance(node, n.FieldRef):
            return []
        found = []
        for exact in (True, False):
            for layer in self.definitions:
                fdef = next((f for f in layer.fields if (f.name == node.name) == exact
                             and f.name.lower() == node.name.lower()), None)
                if fdef is not None:
                    domain = self.catalog.domain_for(layer, fdef.name) if self.catalog else None
                    found.append((fdef, domain))
        return found

    def value(self, node: n.Node, field: n.Node | None = None) -> str:
        """``node``; a literal compared with ``field`` shows its domain label and unit.

        Layers filtered together may code one field differently (``status`` of valves and of
        streetlights), so the code is looked up in each layer's domain until one knows it.
        """
        candidates = self.fields(field) if field is not None else []
        if not isinstance(node, n.Literal) or not candidates:
            return self.write(node, _ATOM if isinstance(node, n.Literal) else 5)
        text = self.literal(node.value)
        label = next((lbl for _f, domain in candidates if domain is not None
                      and (lbl := _domain_label(domain, node.value, self.lang)) is not None),
                     None)
        fdef = candidates[0][0]
        if label is not None:
            return label if isinstance(node.value, str) else f"{text} ({label})"
        if fdef is not None and fdef.unit and isinstance(node.value, int | float) \
                and not isinstance(node.value, bool):
            return f"{text} {fdef.unit}"
        return text

    def literal(self, value: object) -> str:
        if value is None:
            return _word("NULL", self.lang)
        if isinstance(value, bool):
            return _word("TRUE" if value else "FALSE", self.lang)
        if isinstance(value, float):
            text = f"{value:g}"
            return text.replace(".", ",") if self.lang == "id" else text
        if isinstance(value, str):
            return f"“{value}”"
        return str(value)

    # -- nodes -----------------------------------------------------------------------------
    def write(self, node: n.Node, need: int = 0) -> str:
        """``node`` as text, bracketed when it binds looser than ``need``."""
        text, power = getattr(self, "_" + type(node).__name__)(node)
        return f"({text})" if power < need else text

    def _Literal(self, node: n.Literal) -> tuple[str, int]:
        return self.literal(node.value), _ATOM

    def _FieldRef(self, node: n.FieldRef) -> tuple[str, int]:
        candidates = self.fields(node)
        return (candidates[0][0].label.get(self.lang) if candidates else node.name), _ATOM

    def _Variable(self, node: n.Variable) -> tuple[str, int]:
        return (_word(node.name, self.lang) if node.name in WORDS else node.name), _ATOM

    def _Call(self, node: n.Call) -> tuple[str, int]:
        return f"{node.name}({', '.join(self.write(a) for a in node.args)})", _ATOM

    def _Unary(self, node: n.Unary) -> tuple[str, int]:
        if node.op == "NOT":
            return f"{_word('NOT', self.lang)} {self.write(node.operand, _ATOM)}", 3
        return f"-{self.write(node.operand, _ATOM)}", 8

    def _Binary(self, node: n.Binary) -> tuple[str, int]:
        power = _POWER[node.op]
        if power == 4:  # a comparison: a coded field on either side names the other's value
            left = self.value(node.left, node.right) if isinstance(node.right, n.FieldRef) \
                else self.write(node.left, 5)
            right = self.value(node.right, node.left) if isinstance(node.left, n.FieldRef) \
                else self.write(node.right, 5)
            return f"{left} {SYMBOLS.get(node.op, node.op)} {right}", power
        op = _word(node.op, self.lang) if node.op in ("AND", "OR") else node.op
        right_need = power if node.op in _ASSOCIATIVE else power + 1
        return f"{self.write(node.left, power)} {op} {self.write(node.right, right_need)}", power

    def _InList(self, node: n.InList) -> tuple[str, int]:
        items = ", ".join(self.value(item, node.operand) for item in node.items)
        word = _word("not_in" if node.negated else "in", self.lang)
        return f"{self.write(node.operand, 5)} {word} ({items})", 4

    def _Between(self, node: n.Between) -> tuple[str, int]:
        low, high = self.value(node.low, node.operand), self.value(node.high, node.operand)
        word = _word("not_between" if node.negated else "between", self.lang)
        return f"{self.write(node.operand, 5)} {word.format(low, high)}", 4

    def _IsNull(self, node: n.IsNull) -> tuple[str, int]:
        word = _word("is_not_null" if node.negated else "is_null", self.lang)
        return f"{self.write(node.operand, 5)} {word}", 4

    def _Like(self, node: n.Like) -> tuple[str, int]:
        word = _word("not_like" if node.negated else "like", self.lang)
        return f"{self.write(node.operand, 5)} {word} {self.write(node.pattern, 5)}", 4

"""Evaluate a parsed expression over a whole (Geo)DataFrame at once.

Each node becomes one or a few numpy/pandas operations over entire columns, never a Python loop
per row: a filter over a million rows is a handful of array comparisons. NULL follows SQL's
three-valued logic (``NULL = 1`` is unknown; ``FALSE AND NULL`` is FALSE), and a filter keeps only
rows that are definitely true.
"""

from __future__ import annotations

import re

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from gisdesk.core.definitions import Catalog, Domain, LayerDef
from gisdesk.i18n import translate
from gisdesk.query.expression import nodes as n
from gisdesk.query.expression.errors import ExpressionError
from gisdesk.query.expression.functions import FUNCTIONS, ArgumentError
from gisdesk.query.expression.logic import and_, like_to_regex, not_, or_
from gisdesk.query.expression.values import Val, as_text, from_column, literal, to_date
from gisdesk.query.metric import CRSMissingError, to_metric

_COMPARE = {
    "=": np.equal, "<>": np.not_equal, "<": np.less,
    "<=": np.less_equal, ">": np.greater, ">=": np.greater_equal,
}
_ARITHMETIC = {"+": np.add, "-": np.subtract, "*": np.multiply, "/": np.divide, "%": np.mod}
_GEOMETRY_VARIABLES = ("$area", "$length", "$perimeter", "$x", "$y")


class Evaluator:
    """Evaluates nodes of one expression text against one frame.

    ``definition`` and ``catalog`` (optional) let ``"condition" = 'Poor'`` match the code of a
    domain label, in English or Indonesian.
    """

    def __init__(
        self,
        text: str,
        frame: pd.DataFrame,
        definition: LayerDef | None = None,
        catalog: Catalog | None = None,
        layer_name: str = "layer",
    ) -> None:
        self.text = text
        self.frame = frame
        self.definition = definition
        self.catalog = catalog
        self.layer_name = layer_name
        self._columns: dict[str, Val] = {}

    # -- helpers ---------------------------------------------------------------------------
    def error(self, message: str, node: n.Node) -> ExpressionError:
        """An error underlining ``node`` in the expression text."""
        return ExpressionError(message, self.text, node.pos, node.end)

    def snippet(self, node: n.Node) -> str:
        """The source text of ``node``, for messages."""
        return self.text[node.pos : node.end]

    def field_names(self) -> list[str]:
        """Attribute columns a user may refer to (the geometry column is not one)."""
        geometry = self.frame.geometry.name if isinstance(self.frame, gpd.GeoDataFrame) else None
        return [str(c) for c in self.frame.columns if c != geometry]

    def resolve_field(self, node: n.FieldRef) -> str:
        """The column a field reference means (exact name first, then ignoring case)."""
        names = self.field_names()
        if node.name in names:
            return node.name
        folded = [c for c in names if c.lower() == node.name.lower()]
        if len(folded) == 1:
            return folded[0]
        msg = translate("Expression", "Unknown field \"{0}\" in layer '{1}'. Valid fields: {2}")
        raise self.error(msg.format(node.name, self.layer_name, ", ".join(names)), node)

    def domain_of(self, node: n.Node) -> Domain | None:
        """The coded-value domain of a field reference, when the definition declares one."""
        if not isinstance(node, n.FieldRef) or self.definition is None or self.catalog is None:
            return None
        return self.catalog.domain_for(self.definition, self.resolve_field(node))

    # -- dispatch --------------------------------------------------------------------------
    def eval(self, node: n.Node) -> Val:
        """Evaluate ``node`` to a :class:`Val` (array over rows, or a scalar)."""
        method = getattr(self, "_eval_" + type(node).__name__)
        return method(node)

    def _eval_Literal(self, node: n.Literal) -> Val:
        return literal(node.value)

    def _eval_FieldRef(self, node: n.FieldRef) -> Val:
        name = self.resolve_field(node)
        if name not in self._columns:
            self._columns[name] = from_column(self.frame[name])
        return self._columns[name]

    def _eval_Variable(self, node: n.Variable) -> Val:
        if node.name not in _GEOMETRY_VARIABLES:
            msg = translate("Expression", "Unknown variable {0}. Known: {1}")
            raise self.error(msg.format(node.name, ", ".join(_GEOMETRY_VARIABLES)), node)
        if not isinstance(self.frame, gpd.GeoDataFrame) or self.frame.geometry.name not in (
            self.frame.columns
        ):
            msg = translate("Expression", "{0} needs a layer with geometries; '{1}' has none")
            raise self.error(msg.format(node.name, self.layer_name), node)
        geoms = self.frame.geometry
        if node.name in ("$x", "$y"):
            points = geoms.values.centroid if (geoms.geom_type != "Point").any() else geoms.values
            coord = shapely.get_x(points) if node.name == "$x" else shapely.get_y(points)
            return Val(coord, np.isnan(coord), "number")
        try:
            metric = to_metric(self.frame, self.layer_name).geometry.values
        except CRSMissingError as exc:
            raise self.error(str(exc), node) from None
        measure = shapely.area(metric) if node.name == "$area" else shapely.length(metric)
        if node.name == "$perimeter":
            measure = shapely.length(shapely.boundary(metric))
        return Val(measure, np.isnan(measure), "number")

    def _eval_Unary(self, node: n.Unary) -> Val:
        value = self.eval(node.operand)
        if node.op == "NOT":
            self._need_bool(value, node.operand, "NOT")
            return Val(~np.asarray(value.data, dtype=bool) & ~np.asarray(value.null), value.null,
                       "bool")
        self._need_number(value, node.operand, "-")
        return Val(-value.data if value.kind == "number" else None, value.null, value.kind)

    def _eval_Binary(self, node: n.Binary) -> Val:
        if node.op in ("AND", "OR"):
            return self.logic(node.op, node.left, node.right)
        if node.op in _COMPARE:
            return self.compare(node.op, node.left, node.right)
        left, right = self.eval(node.left), self.eval(node.right)
        if node.op == "||":
            return self.concat(left, right)
        return self.arithmetic(node, left, right)

    def _eval_Call(self, node: n.Call) -> Val:
        function = FUNCTIONS.get(node.name)
        if function is None:
            msg = translate("Expression", "Unknown function {0}(). Known functions: {1}")
            raise self.error(msg.format(node.name, ", ".join(sorted(FUNCTIONS))), node)
        if not function.min_args <= len(node.args) <= function.max_args:
            msg = translate("Expression", "{0}() takes {1} to {2} arguments, not {3}")
            raise self.error(
                msg.format(node.name, function.min_args, function.max_args, len(node.args)), node
            )
        args = [self.eval(arg) for arg in node.args]
        try:
            return function.impl(args)
        except ArgumentError as exc:
            raise self.error(str(exc), node.args[exc.index]) from None

    def _eval_InList(self, node: n.InList) -> Val:
        value = self.eval(node.operand)
        result: Val | None = None
        for item in node.items:
            equal = self._compare_values("=", (node.operand, value), (item, self.eval(item)))
            result = equal if result is None else or_(result, equal)
        assert result is not None  # the grammar requires one item at least
        return not_(result) if node.negated else result

    def _eval_Between(self, node: n.Between) -> Val:
        value = self.eval(node.operand)
        operand = (node.operand, value)
        low = self._compare_values(">=", operand, (node.low, self.eval(node.low)))
        high = self._compare_values("<=", operand, (node.high, self.eval(node.high)))
        result = and_(low, high)
        return not_(result) if node.negated else result

    def _eval_IsNull(self, node: n.IsNull) -> Val:
        value = self.eval(node.operand)
        null = np.array(value.null, dtype=bool) if value.kind != "null" else np.bool_(True)
        return Val(~null if node.negated else null, False, "bool")

    def _eval_Like(self, node: n.Like) -> Val:
        value = as_text(self.eval(node.operand))
        pattern = self.eval(node.pattern)
        if pattern.kind != "text" or not pattern.is_scalar:
            msg = translate("Expression", "LIKE needs a text pattern such as 'Jl. %'")
            raise self.error(msg, node.pattern)
        if value.kind == "null":
            return Val(False, True, "bool")
        regex = like_to_regex(str(pattern.data))
        flags = re.DOTALL | (re.IGNORECASE if node.case_insensitive else 0)
        series = pd.Series(np.atleast_1d(value.data), dtype=object)
        matched = series.str.fullmatch(regex, flags=flags).to_numpy(dtype=bool, na_value=False)
        data = matched[0] if value.is_scalar else matched
        result = Val(data & ~np.asarray(value.null), value.null, "bool")
        return not_(result) if node.negated else result

    # -- operators -------------------------------------------------------------------------
    def logic(self, op: str, left_node: n.Node, right_node: n.Node) -> Val:
        """Three-valued AND / OR."""
        left, right = self.eval(left_node), self.eval(right_node)
        self._need_bool(left, left_node, op)
        self._need_bool(right, right_node, op)
        return and_(left, right) if op == "AND" else or_(left, right)

    def compare(self, op: str, left_node: n.Node, right_node: n.Node) -> Val:
        """A comparison, mapping domain labels to codes first."""
        return self._compare_values(
            op, (left_node, self.eval(left_node)), (right_node, self.eval(right_node))
        )

    def _compare_values(
        self, op: str, left_pair: tuple[n.Node, Val], right_pair: tuple[n.Node, Val]
    ) -> Val:
        (left_node, left), (right_node, right) = left_pair, right_pair
        right = self._label_to_code(left_node, right_node, right)
        left = self._label_to_code(right_node, left_node, left)
        if "null" in (left.kind, right.kind):
            return Val(False, True, "bool")
        left, right = self._align(left, left_node, right, right_node)
        with np.errstate(invalid="ignore"):
            data = _COMPARE[op](left.data, right.data)
        null = np.logical_or(left.null, right.null)
        return Val(np.logical_and(data, np.logical_not(null)), null, "bool")

    def _label_to_code(self, field_node: n.Node, value_node: n.Node, value: Val) -> Val:
        domain = self.domain_of(field_node)
        if domain is None or value.kind != "text" or not isinstance(value_node, n.Literal):
            return value
        text = str(value.data)
        codes = [str(c) for c in domain.codes()]
        if text in codes:
            code = domain.codes()[codes.index(text)]
            return literal(code)
        for coded in domain.values:
            if text.casefold() in (coded.label.en.casefold(), coded.label.id.casefold()):
                return literal(coded.code)
        if domain.type == "integer":
            labels = ", ".join(f"{v.label.en} / {v.label.id}" for v in domain.values)
            msg = translate("Expression", "'{0}' is not a label of field \"{1}\". Labels: {2}")
            raise self.error(msg.format(text, self.snippet(field_node).strip('"'), labels),
                             value_node)
        return value

    def _align(self, left: Val, left_node: n.Node, right: Val, right_node: n.Node
               ) -> tuple[Val, Val]:
        if left.kind == right.kind:
            return left, right
        if {left.kind, right.kind} == {"date", "text"}:
            text_is_left = left.kind == "text"
            text_val, text_node = (left, left_node) if text_is_left else (right, right_node)
            as_date = to_date(text_val) if text_val.is_scalar else None
            if as_date is None:
                msg = translate("Expression", "{0} is not a date (write dates as 'YYYY-MM-DD')")
                raise self.error(msg.format(self.snippet(text_node)), text_node)
            return (as_date, right) if text_is_left else (left, as_date)
        msg = translate("Expression", "Type mismatch: cannot compare {0} ({1}) with {2} ({3})")
        raise self.error(
            msg.format(self.snippet(left_node), left.kind, self.snippet(right_node), right.kind),
            left_node if left_node.pos < right_node.pos else right_node,
        )

    def arithmetic(self, node: n.Binary, left: Val, right: Val) -> Val:
        """``+ - * / %`` on numbers; division by zero gives NULL (as in QGIS)."""
        self._need_number(left, node.left, node.op)
        self._need_number(right, node.right, node.op)
        if "null" in (left.kind, right.kind):
            return Val(np.nan, True, "number")
        with np.errstate(divide="ignore", invalid="ignore"):
            data = _ARITHMETIC[node.op](left.data, right.data)
        null = np.logical_or(left.null, right.null)
        if node.op in ("/", "%"):
            null = np.logical_or(null, np.asarray(right.data) == 0)
        return Val(data, null, "number")

    @staticmethod
    def concat(left: Val, right: Val) -> Val:
        """``a || b``: joins text (numbers written as text); NULL if either side is."""
        left, right = as_text(left), as_text(right)
        if "null" in (left.kind, right.kind):
            return Val(None, True, "text")
        return Val(left.data + right.data, np.logical_or(left.null, right.null), "text")

    def _need_bool(self, value: Val, node: n.Node, op: str) -> None:
        if value.kind not in ("bool", "null"):
            msg = translate("Expression", "{0} needs a condition (true/false) but {1} is {2}")
            raise self.error(msg.format(op, self.snippet(node), value.kind), node)

    def _need_number(self, value: Val, node: n.Node, op: str) -> None:
        if value.kind not in ("number", "null"):
            hint = translate("Expression", " (use || to join text)") if op == "+" else ""
            msg = translate("Expression", "Type mismatch: '{0}' needs numbers but {1} is {2}{3}")
            raise self.error(msg.format(op, self.snippet(node), value.kind, hint), node)

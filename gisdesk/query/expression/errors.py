"""The one error type of the expression language, with a caret under the culprit."""

from __future__ import annotations


class ExpressionError(ValueError):
    """A problem in an expression, located in its text so the user can fix it.

    ``pos``/``end`` are character offsets into ``text``; ``str(error)`` shows the message, the
    expression and a caret line, because "syntax error" alone helps nobody in a filter box.
    """

    def __init__(self, message: str, text: str = "", pos: int = 0, end: int | None = None):
        self.message = message
        self.text = text
        self.pos = max(0, min(pos, len(text)))
        self.end = max(self.pos + 1, end if end is not None else self.pos + 1)
        super().__init__(self._render())

    def _render(self) -> str:
        if not self.text:
            return self.message
        width = min(self.end, len(self.text) + 1) - self.pos
        caret = " " * self.pos + "^" * max(1, width)
        return f"{self.message} (at character {self.pos + 1})\n  {self.text}\n  {caret}"

    @property
    def caret_line(self) -> str:
        """Spaces and carets that sit under the offending part of :attr:`text`."""
        return " " * self.pos + "^" * max(1, min(self.end, len(self.text) + 1) - self.pos)

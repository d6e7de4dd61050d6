"""Previous / next extent, like a browser's back and forward buttons."""

from __future__ import annotations

from gisdesk.core.viewport import Viewport

HISTORY_LIMIT = 50


def _same_view(a: Viewport, b: Viewport) -> bool:
    tol = min(a.resolution, b.resolution) * 0.5
    return (
        abs(a.cx - b.cx) <= tol
        and abs(a.cy - b.cy) <= tol
        and abs(a.resolution - b.resolution) <= 1e-6 * a.resolution
    )


class ExtentHistory:
    """Settled views in visiting order with a cursor; a new view drops the "forward" part."""

    def __init__(self) -> None:
        self._views: list[Viewport] = []
        self._index = -1

    def push(self, view: Viewport) -> None:
        """Record ``view`` unless it is (nearly) the current entry."""
        if self._index >= 0 and _same_view(self._views[self._index], view):
            return
        del self._views[self._index + 1 :]
        self._views.append(view)
        if len(self._views) > HISTORY_LIMIT:
            del self._views[0]
        self._index = len(self._views) - 1

    def can_go_back(self) -> bool:
        """Whether :meth:`back` has somewhere to go."""
        return self._index > 0

    def can_go_forward(self) -> bool:
        """Whether :meth:`forward` has somewhere to go."""
        return self._index < len(self._views) - 1

    def back(self) -> Viewport | None:
        """The previous view (moving the cursor), or None at the start."""
        if not self.can_go_back():
            return None
        self._index -= 1
        return self._views[self._index]

    def forward(self) -> Viewport | None:
        """The next view (moving the cursor), or None at the end."""
        if not self.can_go_forward():
            return None
        self._index += 1
        return self._views[self._index]

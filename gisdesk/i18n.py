"""Translation hook for messages produced outside the UI.

Core modules must not import Qt, yet their messages reach users. They call
``translate(context, text)``; the UI installs Qt's ``QCoreApplication.translate`` here at start-up,
so the same ``.ts``/``.qm`` files translate core and UI strings. Without the UI (CLI, tests) the
English source text is returned. ``pyside6-lupdate`` extracts these calls like Qt's own.
"""

from __future__ import annotations

from collections.abc import Callable

_translator: Callable[[str, str], str] | None = None
_language = "en"


def install(translator: Callable[[str, str], str] | None, lang: str = "en") -> None:
    """Route :func:`translate` through ``translator`` (None restores English).

    ``lang`` is the UI language the translator speaks, so core messages can also pick the
    matching half of a definition's ``{en, id}`` text (a layer's title, not its file name).
    """
    global _translator, _language  # noqa: PLW0603 - one process-wide hook, set by the UI
    _translator = translator
    _language = lang if translator is not None else "en"


def language() -> str:
    """The language core messages are shown in ("en" without the UI)."""
    return _language


def translate(context: str, text: str) -> str:
    """Return ``text`` in the current UI language."""
    if _translator is None:
        return text
    return _translator(context, text)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for translation without translating it yet; returns it unchanged.

    Named like Qt's macro because that is the name ``pyside6-lupdate`` extracts.

    For tables of messages built at import time (before a language is installed): wrap each
    entry so ``pyside6-lupdate`` extracts it, and call :func:`translate` with the same context
    when the message is shown.
    """
    del context  # only lupdate reads it
    return text

"""Refresh the translation sources from the code and rebuild the compiled translations.

Run from anywhere::

    .venv/bin/python scripts/update_translations.py          # lupdate + lrelease
    .venv/bin/python scripts/update_translations.py --check  # also fail on unfinished strings

``pyside6-lupdate`` reads every ``.py`` under ``gisdesk/`` and picks up ``self.tr(...)``,
``QCoreApplication.translate(...)`` and the core's ``gisdesk.i18n.translate(...)`` calls. A small
AST pass then double-checks that every literal ``translate("Context", "text")`` call made it into
the ``.ts`` (lupdate misses aliases and computed texts); anything missing is listed so the
author can fix the call. Translators then fill the ``.ts`` (Qt Linguist, or any editor) and this
script is run again to build the ``.qm`` files with ``pyside6-lrelease``.
"""

from __future__ import annotations

import argparse
import ast
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "gisdesk"
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ["id"]
PLURAL_ONLY = "en"
"""English needs a .qm only for plural forms: "%n feature(s)" -> "1 feature" / "2 features"."""


def _tool(name: str) -> str:
    """Path of a PySide6 tool, preferring the one next to this interpreter (the venv)."""
    local = Path(sys.executable).parent / name
    found = str(local) if local.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6 into the virtualenv")
    return found


def python_sources() -> list[Path]:
    """Every Python file of the package, in a stable order."""
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def run_lupdate(ts: Path, sources: list[Path], plural_only: bool = False) -> None:
    """Merge the current source strings into ``ts`` (existing translations are kept)."""
    args = [_tool("pyside6-lupdate"), *map(str, sources), "-locations", "relative",
            "-target-language", ts.stem.split("_", 1)[1], "-ts", str(ts)]
    if plural_only:
        args.insert(-2, "-pluralonly")
    subprocess.run(args, check=True, cwd=ROOT)


def run_lrelease(ts: Path) -> Path:
    """Compile ``ts`` into the ``.qm`` next to it."""
    qm = ts.with_suffix(".qm")
    subprocess.run([_tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True, cwd=ROOT)
    return qm


def literal_translate_calls(path: Path) -> list[tuple[str, str, int]]:
    """(context, text, line) of every ``translate("Ctx", "text", ...)`` call in ``path``."""
    tree = _parse(path)
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or len(node.args) < 2:
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        ctx, text = node.args[0], node.args[1]
        if name == "translate" and all(
            isinstance(a, ast.Constant) and isinstance(a.value, str) for a in (ctx, text)
        ):
            found.append((ctx.value, text.value, node.lineno))
    return found


def _parse(path: Path) -> ast.Module:
    """The module's syntax tree; a file someone is still editing counts as empty."""
    try:
        return ast.parse(path.read_text(encoding="utf-8"), str(path))
    except (SyntaxError, UnicodeDecodeError) as exc:
        print(f"warning: skipped {path.relative_to(ROOT)}: {exc}")
        return ast.Module(body=[], type_ignores=[])


def _is_text(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def computed_texts(path: Path) -> list[str]:
    """``tr(x)`` / ``translate(ctx, x)`` calls whose text is not a literal (f-string, variable).

    lupdate cannot extract them, so they stay English; translate a literal template and fill
    it with ``.format()`` afterwards instead.
    """
    tree = _parse(path)
    out = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        text = None
        if name == "tr" and isinstance(func, ast.Attribute) and node.args:
            text = node.args[0]
        elif name == "translate" and len(node.args) >= 2 and _is_text(node.args[0]):
            text = node.args[1]
        if text is not None and not _is_text(text):
            out.append(f"{path.relative_to(ROOT)}:{node.lineno}: {ast.unparse(text)[:60]}")
    return out


def ts_messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    """Current (not vanished/obsolete) messages of a ``.ts`` keyed by (context, source)."""
    out = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type", "") if translation is not None else ""
            if kind not in ("vanished", "obsolete"):
                out[(name, message.findtext("source", ""))] = message
    return out


def unfinished(ts: Path) -> list[tuple[str, str]]:
    """(context, source) of messages without a finished translation."""
    missing = []
    for key, message in ts_messages(ts).items():
        translation = message.find("translation")
        forms = translation.findall("numerusform") if translation is not None else []
        texts = [f.text for f in forms] if forms else [translation.text if translation is not
                                                      None else None]
        if translation is None or translation.get("type") == "unfinished" or not all(texts):
            missing.append(key)
    return missing


def missed_by_lupdate(ts: Path, sources: list[Path]) -> list[str]:
    """Literal translate() calls that lupdate did not extract (reported, never silently lost)."""
    known = ts_messages(ts)
    return [
        f"{path.relative_to(ROOT)}:{line}: {ctx!r} {text!r}"
        for path in sources
        for ctx, text, line in literal_translate_calls(path)
        if (ctx, text) not in known
    ]


def fill_english_plurals(ts: Path) -> int:
    """Fill unfinished English plural forms from the "(s)" convention; returns how many.

    "%n feature(s) selected" becomes "%n feature selected" / "%n features selected". Sources
    whose other words change with the number (is/are) can be corrected by hand in the .ts;
    finished entries are never overwritten.
    """
    tree = ET.parse(ts)
    filled = 0
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        forms = translation.findall("numerusform") if translation is not None else []
        if not forms or translation.get("type") != "unfinished":
            continue
        source = message.findtext("source", "")
        texts = [source.replace("(s)", ""), source.replace("(s)", "s")]
        for i, form in enumerate(forms):
            form.text = texts[min(i, 1)]
        del translation.attrib["type"]
        filled += 1
    if filled:
        tree.write(ts, encoding="utf-8", xml_declaration=True)
    return filled


def update_english(sources: list[Path]) -> None:
    """Plural forms for English (the source language needs nothing else)."""
    ts = TRANSLATIONS / f"gisdesk_{PLURAL_ONLY}.ts"
    run_lupdate(ts, sources, plural_only=True)
    if fill_english_plurals(ts):
        run_lupdate(ts, sources, plural_only=True)  # back to lupdate's own layout
    run_lrelease(ts)


def main(argv: list[str] | None = None) -> int:
    """Update every language; with ``--check`` return 1 while anything is untranslated."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail on unfinished strings")
    args = parser.parse_args(argv)
    sources = python_sources()
    status = 0
    update_english(sources)
    for lang in LANGUAGES:
        ts = TRANSLATIONS / f"gisdesk_{lang}.ts"
        run_lupdate(ts, sources)
        for problem in missed_by_lupdate(ts, sources):
            print(f"not extracted by lupdate: {problem}")
            status = 1
        for context, source in ts_messages(ts):
            if not context:
                print(f"warning: {source!r} has no context (tr aliased as a plain function?); "
                      "call self.tr(...) directly or Qt will not find its translation")
        for path in sources:
            for problem in computed_texts(path):
                print(f"warning: computed text cannot be translated: {problem}")
        todo = unfinished(ts)
        for context, source in todo:
            print(f"untranslated [{lang}] {context}: {source!r}")
        print(f"{ts.name}: {len(ts_messages(ts))} strings, {len(todo)} untranslated")
        run_lrelease(ts)
        if args.check and todo:
            status = 1
    return status


if __name__ == "__main__":
    raise SystemExit(main())

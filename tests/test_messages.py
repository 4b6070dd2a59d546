"""The one message catalogue: every key in both languages, with the same placeholders; no texts elsewhere."""

from __future__ import annotations

import string

import pytest

from rdgraph.messages import CATALOGUES, LANGS, msg


def _fields(text: str) -> set[str]:
    return {name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name}


def test_every_key_in_every_language():
    keys = {lang: set(CATALOGUES[lang]) for lang in LANGS}
    for lang in LANGS:
        missing = keys[LANGS[0]] ^ keys[lang]
        assert not missing, f"keys not in both nl and {lang}: {sorted(missing)}"


@pytest.mark.parametrize("key", sorted(CATALOGUES["nl"]))
def test_same_placeholders_and_not_empty(key):
    nl, en = CATALOGUES["nl"][key], CATALOGUES["en"][key]
    assert nl.strip() and en.strip(), key
    assert _fields(nl) == _fields(en), key


def test_lookup_fills_placeholders_and_falls_back_to_dutch():
    assert msg("entry.unknown_ref", "en", value="opgave:99").startswith("Refers to opgave:99")
    assert msg("entry.unknown_ref", "fr", value="x") == msg("entry.unknown_ref", "nl", value="x")
    with pytest.raises(KeyError):
        msg("no.such.key", "nl")


# modules allowed to keep their own nl/en texts for now: none any more; the set stays empty
NOT_YET: set[str] = set()


def test_no_other_module_keeps_nl_en_texts():
    import ast
    from pathlib import Path

    src = Path(__file__).resolve().parent.parent / "src" / "rdgraph"
    for path in sorted(src.rglob("*.py")):
        rel = str(path.relative_to(src))
        if rel.startswith("messages/") or rel in NOT_YET:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Dict):
                keys = {k.value for k in node.keys if isinstance(k, ast.Constant)}
                assert not {"nl", "en"} <= keys, f"{rel}:{node.lineno} has its own nl/en texts: use rdgraph.messages"
            # nor texts chosen inline by language: "..." if lang == "nl" else "..." (language codes aside)
            if isinstance(node, ast.IfExp) and _is_lang_test(node.test) and _text(node.body) and _text(node.orelse):
                raise AssertionError(f"{rel}:{node.lineno} chooses a text by language inline: use rdgraph.messages")


def _is_lang_test(node) -> bool:
    import ast

    return isinstance(node, ast.Compare) and any(
        isinstance(c, ast.Constant) and c.value in LANGS for c in (node.left, *node.comparators))


def _text(node) -> bool:
    """A string (or f-string) that is not a language code."""
    import ast

    if isinstance(node, ast.JoinedStr):
        return True
    return isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value not in LANGS

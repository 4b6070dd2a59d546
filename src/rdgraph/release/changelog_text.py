"""Text and Markdown renderings of a :class:`rdgraph.changelog.Changelog`, in Dutch or English."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from urllib.parse import urlsplit

from ..namespaces import shorten


def msg(key: str, lang: str, **kw: object) -> str:
    """A text of the changelog from the one catalogue (keys ``changelog.*`` of :mod:`rdgraph.messages`)."""
    from ..messages import msg as catalogue

    return catalogue("changelog." + key, lang, **kw)


def euro(value: str, lang: str) -> str:
    try:
        d = Decimal(value)
    except (InvalidOperation, ValueError):
        return value
    whole = d == d.to_integral_value()
    text = f"{d:,.0f}" if whole else f"{d:,.2f}"
    if lang == "nl":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
        return f"€ {text}"
    return f"€{text}"


def count(n: int, lang: str) -> str:
    """15608 -> "15.608" (nl) / "15,608" (en)."""
    text = f"{n:,}"
    return text.replace(",", ".") if lang == "nl" else text


def _host(url: str) -> str:
    try:
        host = urlsplit(url).hostname or url
    except ValueError:
        return url
    return host[4:] if host.startswith("www.") else host


def _name(row: dict, key: str, lang: str) -> str:
    return row.get(f"{key}_label_{lang}") or row.get(f"{key}_label_nl") or shorten(row.get(key) or "")


def _thing_name(row: dict, lang: str) -> str:
    return row.get(f"label_{lang}") or row.get("label_nl") or shorten(row["iri"])


def _claims(cs: list[dict], lang: str, md: bool) -> str:
    """Values with their sources, one value once: '€ 25.000.000 (rijksoverheid.nl, streekgids.nl)'."""
    by_value: dict[str, list[str]] = {}
    for c in cs:
        srcs = c.get("source_urls") or ([c["source_url"]] if c.get("source_url") else [])
        names = [f"[{_host(u)}]({u})" if md else _host(u) for u in srcs]
        if not names:
            names = [shorten(s) for s in c.get("sources", [])] or [msg("no_source", lang)]
        by_value.setdefault(c.get("value") or "", [])
        for n in names:
            if n not in by_value[c.get("value") or ""]:
                by_value[c.get("value") or ""].append(n)
    return "; ".join(f"{euro(v, lang)} ({', '.join(ns)})" for v, ns in by_value.items())


def _conflict_values(cs: list[dict], lang: str, md: bool) -> str:
    by_value: dict[str, list[str]] = {}
    for c in cs:
        u = c.get("source_url")
        by_value.setdefault(c.get("value") or "", [])
        if u:
            n = f"[{_host(u)}]({u})" if md else _host(u)
            if n not in by_value[c.get("value") or ""]:
                by_value[c.get("value") or ""].append(n)
    def val(v: str) -> str:
        try:
            Decimal(v)
        except (InvalidOperation, ValueError):
            return v
        return euro(v, lang) if len(v) > 4 else v
    return " | ".join(f"{val(v)}" + (f" ({', '.join(ns)})" if ns else "") for v, ns in by_value.items())


def _deal_lines(rows: list[dict], lang: str) -> list[str]:
    """Deals, complete, one line per tranche: 'tranche 5 (22): Achterhoek II, Amsterdam Zuidoost, …'."""
    by: dict[str, list[str]] = {}
    for r in rows:
        nums = ", ".join(x.split("/")[-1] for x in r.get("tranche") or []) or "?"
        by.setdefault(nums, []).append(_thing_name(r, lang))
    return [f"{msg('tranche', lang)} {t} ({len(names)}): {', '.join(names)}" for t, names in sorted(by.items())]


def _lines(cl, key: str, lang: str, md: bool) -> list[str]:
    rows = getattr(cl, key)
    if key in ("deals_added", "deals_removed"):
        return _deal_lines(rows, lang)
    if key.startswith("amounts_"):  # amounts of things that were there before first: those are the news
        rows = sorted(rows, key=lambda r: bool(r.get("for_new_thing")))
    out: list[str] = []
    for r in rows:
        if key in ("deals_added", "deals_removed"):
            continue  # one line per tranche, see _deal_lines
        elif key.startswith("amounts_"):
            what = f"{_name(r, 'funding_of', lang)}, {_name(r, 'kind', lang)}"
            if r["covers"]:
                what += f" ({msg('tranche', lang)} {', '.join(c.split('/')[-1] for c in r['covers'])})"
            if key == "amounts_changed":
                out.append(f"{what}: {_claims(r['old'], lang, md)} → {_claims(r['new'], lang, md)}")
            else:
                out.append(f"{what}: {_claims(r['new'] or r['old'], lang, md)}")
        elif key.startswith("conflicts_"):
            what = f"{_name(r, 'subject', lang)}, {_name(r, 'about', lang)}"
            if key == "conflicts_changed":
                out.append(f"{what}: {_conflict_values(r['old'], lang, md)} → {_conflict_values(r['new'], lang, md)}")
            else:
                out.append(f"{what}: {_conflict_values(r['new'] or r['old'], lang, md)}")
        elif key == "labels_changed":
            out.append(f"{shorten(r['iri'])} {r['property']}@{r['lang']}: "
                       f"{' / '.join(r['old']) or '-'} → {' / '.join(r['new']) or '-'}")
        elif key.startswith("alt_labels_"):
            out.append(f"{r.get('label_nl') or shorten(r['iri'])}: \"{r['value']}\"@{r['lang']}")
        elif key.startswith("relations_"):
            s = r.get("subject_label_nl") or shorten(r["subject"])
            o = r.get("object_label_nl") or shorten(r["object"])
            out.append(f"{s} {r['predicate']} {o}")
        elif key.startswith("values_"):
            s = r.get("subject_label_nl") or shorten(r["subject"])
            if key == "values_changed":
                out.append(f"{s} {r['property']}: {' / '.join(r['old'])} → {' / '.join(r['new'])}")
            else:
                out.append(f"{s} {r['property']}: {' / '.join(r['new'] or r['old'])}")
        elif key.startswith("sources_"):
            url = r.get("url")
            name = _thing_name(r, lang)
            out.append(f"[{name}]({url})" if md and url else (f"{name} <{url}>" if url else name))
        elif key == "iris_removed":
            out.append(f"{shorten(r['iri'])} ({_thing_name(r, lang)})")
        elif key == "iris_deprecated":
            rb = ", ".join(shorten(x) for x in r["replaced_by"])
            what = f"{msg('replaced_by', lang)} {rb}" if rb else msg("withdrawn", lang)
            out.append(f"{shorten(r['iri'])}: {what}")
        elif key == "possible_renames":
            out.append(f"{shorten(r['old'])} → {shorten(r['new'])} ({r['label_nl']})")
    return out


SECTIONS = ("deals_added", "deals_removed", "amounts_changed", "amounts_added", "amounts_removed",
            "conflicts_opened", "conflicts_resolved", "conflicts_changed", "iris_removed", "iris_deprecated",
            "possible_renames", "labels_changed", "alt_labels_added", "alt_labels_removed", "values_changed",
            "values_added", "values_removed",
            "relations_added", "relations_removed", "sources_added", "sources_removed")


def _per_tranche(deals: list[dict], lang: str) -> str:
    counts: dict[str, int] = {}
    for d in deals:
        for t in d.get("tranche") or ["?"]:
            key = t.split("/")[-1]
            counts[key] = counts.get(key, 0) + 1
    if not counts:
        return ""
    parts = ", ".join(f"{msg('tranche', lang)} {t}: {n}" for t, n in sorted(counts.items()))
    return f" ({parts})"


def _summary(cl, lang: str) -> list[str]:
    c = lambda n: count(n if isinstance(n, int) else len(n), lang)  # noqa: E731
    return [
        msg("s.triples", lang, a=c(cl.triples_added), r=c(cl.triples_removed)),
        msg("s.deals", lang, a=c(cl.deals_added), r=c(cl.deals_removed)) + _per_tranche(cl.deals_added, lang),
        msg("s.amounts", lang, a=c(cl.amounts_added), c=c(cl.amounts_changed), r=c(cl.amounts_removed)),
        msg("s.conflicts", lang, a=c(cl.conflicts_opened), r=c(cl.conflicts_resolved), c=c(cl.conflicts_changed)),
        msg("s.sources", lang, a=c(cl.sources_added), r=c(cl.sources_removed)),
        msg("s.labels", lang, c=c(cl.labels_changed), a=c(cl.alt_labels_added), r=c(cl.alt_labels_removed)),
        msg("s.relations", lang, a=c(cl.relations_added), r=c(cl.relations_removed)),
        msg("s.values", lang, c=c(cl.values_changed), a=c(cl.values_added), r=c(cl.values_removed)),
        msg("s.iris", lang, a=c(cl.iris_added), r=c(cl.iris_removed), d=c(cl.iris_deprecated)),
    ]


def render(cl, fmt: str, lang: str = "nl", limit: int = 20) -> str:
    md = fmt == "markdown"
    title = msg("title", lang, old=cl.old, new=cl.new)
    level = msg("level", lang, level=cl.level, why=msg(f"why.{cl.level}", lang))
    out = [f"# {title}" if md else title, "", f"**{level}**" if md else level, ""]
    if cl.level == "none":
        out.append(msg("none", lang))
        return "\n".join(out) + "\n"
    out.append(f"## {msg('summary', lang)}" if md else msg("summary", lang) + ":")
    out += [f"- {s}" if md else f"  {s}" for s in _summary(cl, lang)]
    if cl.things_added_by_class:
        out += ["", f"## {msg('h.things_added', lang)}" if md else msg("h.things_added", lang) + ":"]
        items = [f"{c} {n}" for c, n in cl.things_added_by_class.items()]
        out.append(("- " if md else "  ") + ", ".join(items))
    for key in SECTIONS:
        lines = _lines(cl, key, lang, md)
        if not lines:
            continue
        head = f"{msg('h.' + key, lang)} ({count(len(getattr(cl, key)), lang)})"
        out += ["", f"## {head}" if md else head + ":"]
        shown = lines if limit <= 0 else lines[:limit]
        out += [f"- {x}" if md else f"  - {x}" for x in shown]
        if len(shown) < len(lines):
            more = msg("more", lang, n=len(lines) - len(shown))
            out.append(f"- {more}" if md else f"  {more}")
    return "\n".join(out) + "\n"


__all__ = ["render", "msg", "euro"]

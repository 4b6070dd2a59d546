"""Releases on the web: the release history with each changelog, each release's files, the version the
server shows, and 301 / 410 for IRIs that a release replaced or withdrew (see docs/releases.md).

Routes (its :data:`route` table, joined by :func:`rdgraph.server.app.routes`)::

    /releases                  the release history (HTML; JSON with Accept: application/json)
    /releases/{version}/       one release: files with sizes and checksums, its changelog
    /releases/{version}/{file} a file of the release (the manifest's files always; the exports when the
                               release folder build/releases/{version}/ is on this machine)

and :func:`gone_or_moved`, which the ``/id/`` and ``/doc/`` routes (:mod:`.linked_data`) ask first: 301 to the
successor of a replaced IRI, 410 with a page for a withdrawn one.
"""

from __future__ import annotations

import re
import urllib.parse
from pathlib import Path

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, RedirectResponse, Response

from ..namespaces import ID
from . import negotiate, pages
from .responses import html, language, not_found, state_of, stated_language, text, wants_html
from .routing import Routes

route = Routes()

KEYS = ("title", "intro", "issued", "level", "previous", "files", "file", "bytes", "changelog", "not_here",
        "all_releases")


def _m(key: str, lang: str, **kw) -> str:
    from ..messages import msg

    return msg("releases." + key, lang, **kw)


def _texts(lang: str) -> dict[str, str]:
    """The page texts in one language, for the templates (``t.title``)."""
    return {k: _m(k, lang) for k in KEYS}


def _manifests(st) -> Path:
    from ..release import manifest_root

    return manifest_root(st.kg.root)


def _folders(st) -> Path:
    return getattr(st, "release_dir", None) or st.kg.root / "build" / "releases"


def current_version(st) -> tuple[str | None, bool]:
    """(latest release, whether the served graph is exactly that release's state); computed once."""
    cached = getattr(st, "_release_current", None)
    if cached is not None:
        return cached
    from ..release import read_manifest, released_versions, state_of_graph

    versions = released_versions(_manifests(st))
    out: tuple[str | None, bool] = (None, False)
    if versions:
        latest = str(versions[-1])
        digest = state_of_graph(st.kg, latest).digest()
        out = (latest, read_manifest(_manifests(st), latest).get("state_sha256") == digest)
    st._release_current = out
    return out


_MD_LINK = re.compile(r"\[([^\]]+)\]\((https?://[^)\s]+)\)")


def markdown_blocks(text: str) -> list[dict]:
    """The changelogs' small Markdown (#, ##, lists, **bold**, [links](http…)) as blocks the template escapes."""
    blocks: list[dict] = []
    for line in text.splitlines():
        if not line.strip():
            continue
        kind = "p"
        if line.startswith("## "):
            kind, line = "h3", line[3:]
        elif line.startswith("# "):
            kind, line = "h2", line[2:]
        elif line.startswith("- "):
            kind, line = "li", line[2:]
        line = line.strip("*") if line.startswith("**") and line.endswith("**") else line
        parts, pos = [], 0
        for m in _MD_LINK.finditer(line):
            if m.start() > pos:
                parts.append({"text": line[pos:m.start()], "href": None})
            parts.append({"text": m.group(1), "href": m.group(2)})
            pos = m.end()
        if pos < len(line):
            parts.append({"text": line[pos:], "href": None})
        if kind == "li":  # consecutive items make one list
            if not blocks or blocks[-1]["kind"] != "ul":
                blocks.append({"kind": "ul", "entries": []})
            blocks[-1]["entries"].append(parts)
        else:
            blocks.append({"kind": kind, "parts": parts})
    return blocks


def _history(st, lang: str) -> list[dict]:
    from ..release import release_history

    out = []
    for m in release_history(_manifests(st)):
        m = dict(m)
        m["blocks"] = markdown_blocks(m.get(f"changelog_{lang}", ""))
        out.append(m)
    return out


def _wants_json(request: Request) -> bool:
    return negotiate.choose(request.headers.get("accept"), ("text/html", "application/json")) == "application/json"


@route("/releases", "/releases/")
async def releases_page(request: Request) -> Response:
    st = state_of(request)
    lang, _ = language(request)
    current, exact = await run_in_threadpool(current_version, st)
    history = await run_in_threadpool(_history, st, lang)
    if _wants_json(request):
        return JSONResponse({"current": current, "served_is_release": exact,
                             "releases": [{k: v for k, v in h.items() if k != "blocks"} for h in history]})
    status = (_m("current", lang, v=current) if exact else _m("unreleased", lang, v=current)) if current \
        else _m("none", lang)
    body = pages.render("releases.html", lang, "/releases", title=_m("title", lang), t=_texts(lang),
                        status=status, releases=history)
    return html(body, request)


_VERSION = re.compile(r"\d+\.\d+\.\d+")


@route("/releases/{version}/")
async def release_page(request: Request) -> Response:
    from ..release import read_manifest, released_versions

    st = state_of(request)
    version = request.path_params["version"]
    if not _VERSION.fullmatch(version) or version not in {str(v) for v in released_versions(_manifests(st))}:
        return not_found(request)
    lang, _ = language(request)
    meta = read_manifest(_manifests(st), version)
    if _wants_json(request):
        return JSONResponse(meta)
    folder = _folders(st) / version
    files = [{"name": name, "bytes": f["bytes"], "sha256": f["sha256"],
              "here": (folder / name).is_file() or (_manifests(st) / version / name).is_file()}
             for name, f in sorted(meta.get("files", {}).items())]
    path = _manifests(st) / version / f"CHANGELOG.{lang}.md"
    blocks = markdown_blocks(path.read_text(encoding="utf-8")) if path.is_file() else []
    body = pages.render("release.html", lang, f"/releases/{version}/", title=f"rdgraph {version}", t=_texts(lang),
                        meta=meta, files=files, blocks=blocks)
    return html(body, request)


@route("/releases/{version}")
async def release_slash(request: Request) -> Response:
    return RedirectResponse(f"/releases/{urllib.parse.quote(request.path_params['version'])}/", 301)


MEDIA = {".ttl": "text/turtle", ".nt": "application/n-triples", ".jsonld": "application/ld+json",
         ".rdf": "application/rdf+xml", ".trig": "application/trig", ".md": "text/markdown; charset=utf-8",
         ".json": "application/json", ".txt": "text/plain; charset=utf-8", ".rdfp": "text/plain; charset=utf-8"}


@route("/releases/{version}/{name}")
async def release_file(request: Request) -> Response:
    from ..release import read_manifest, released_versions

    st = state_of(request)
    version, name = request.path_params["version"], request.path_params["name"]
    if not _VERSION.fullmatch(version) or version not in {str(v) for v in released_versions(_manifests(st))}:
        return not_found(request)
    meta = read_manifest(_manifests(st), version)
    listed = set(meta.get("files", {})) | {"dataset.ttl", "SHA256SUMS", "release.json"}
    if name not in listed:  # only the release's own files: no other path is ever opened
        return not_found(request)
    for base in (_manifests(st) / version, _folders(st) / version):
        path = base / name
        if path.is_file():
            suffix = path.suffix if name != "SHA256SUMS" else ".txt"
            return FileResponse(path, media_type=MEDIA.get(suffix, "application/octet-stream"),
                                headers={"Cache-Control": "public, max-age=86400, immutable"})
    return not_found(request)


# ---------------------------------------------------------------- replaced and withdrawn IRIs

def gone_or_moved(request: Request, prefix: str) -> Response | None:
    """301 for an IRI a release replaced, 410 for a withdrawn one; None for any other."""
    from ..release.stable import iri_status

    st = state_of(request)
    path = urllib.parse.unquote(request.url.path)
    iri = ID + path[len(prefix):]
    lang, _ = language(request)
    status = iri_status(st.kg.store, iri, lang=lang)
    if status.status == "replaced" and status.successor:
        succ = status.successor
        target = prefix + succ[len(ID):] if succ.startswith(ID) else succ
        return Response(f"Moved Permanently: {succ}\n", 301, media_type="text/plain; charset=utf-8",
                        headers={"Location": pages.quote_path(target) if target.startswith("/") else target,
                                 "Link": f'<{succ}>; rel="successor-version"'})
    if status.status == "withdrawn":
        note = status.note or ""
        if wants_html(request):
            body = pages.render("error.html", lang, path, status=410, heading=_m("gone", lang),
                                title=_m("gone", lang), message=f"{_m('gone_text', lang)} {iri}. {note}".strip())
            return html(body, request, 410)
        return text(410, f"{_m('gone_text', stated_language(request))} {iri}" + (f" ({note})" if note else ""))
    return None


__all__ = ["current_version", "gone_or_moved", "markdown_blocks", "route"]

"""The entry form: record a new deal in the browser, validated live, downloaded for ``rdgraph add``.

The server stays read-only: nothing is written on the server. Routes (its :data:`route` table)::

    GET  /new-deal              the form (HTML); findings appear next to the fields as you type
    POST /new-deal/entry.ttl    the Turtle the form builds, as a file to download (form fields, urlencoded)
    POST /api/validate          validate an entry: a JSON object of form fields -> {"turtle", "report",
                                "fields"}; or an entry file (Content-Type text/turtle, application/n-triples,
                                application/ld+json) -> the entry report (schema rdgraph-entry-report/1)

The core is :mod:`rdgraph.entries.form` (Turtle from fields, validation); this module only translates.
"""

from __future__ import annotations

import json
import urllib.parse

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from . import i18n, pages
from .responses import html, language, read_body, refusal, state_of
from .routing import Routes

route = Routes()

MAX_ENTRY_BYTES = 1 << 20

TYPES = {"text/turtle": ".ttl", "application/x-turtle": ".ttl", "application/n-triples": ".nt",
         "text/plain": ".nt", "application/ld+json": ".jsonld"}


@route("/new-deal", methods=("GET", "HEAD"))
async def form_page(request: Request) -> Response:
    from ..entries.form import FIELD_NAMES

    lang, _ = language(request)
    fields = [{"name": n, "label": i18n.msg(f"form.label.{n}", lang), "hint": i18n.msg(f"form.hint.{n}", lang)}
              for n in FIELD_NAMES]
    body = pages.render("new_deal.html", lang, "/new-deal", title=i18n.msg("ui.form.title", lang),
                        m=i18n.texts(lang, "ui.form."), l=lang,
                        fields=fields)
    return html(body, request)


async def _fields_of(request: Request) -> dict[str, str]:

    body = await read_body(request, MAX_ENTRY_BYTES)
    ctype = (request.headers.get("content-type") or "").split(";")[0].strip().lower()
    if ctype == "application/json":
        data = json.loads(body.decode("utf-8") or "{}")
        if not isinstance(data, dict):
            raise ValueError(i18n.msg("server.json_fields", language(request)[0]))
        return {str(k): str(v) for k, v in data.items()}
    return {k: v[-1] for k, v in urllib.parse.parse_qs(body.decode("utf-8"), keep_blank_values=True).items()}


@route("/new-deal/entry.ttl", methods=("POST",))
async def download(request: Request) -> Response:
    from ..entries.form import turtle_from_form

    try:
        fields = await _fields_of(request)
    except (ValueError, UnicodeDecodeError) as e:
        return refusal(request, 400, i18n.msg("server.unreadable_form", language(request)[0], error=e))
    slug, text = turtle_from_form(fields)
    return Response(text, media_type="text/turtle; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{slug}.ttl"'})


@route("/api/validate", methods=("POST",))
async def validate_api(request: Request) -> Response:
    from ..entries.form import form_report, validate_text
    from ..errors import ParseError
    from .sparql_protocol import ProtocolError

    lang = request.query_params.get("lang") or language(request)[0]
    lang = lang if lang in ("nl", "en") else "nl"
    st = state_of(request)
    ctype = (request.headers.get("content-type") or "").split(";")[0].strip().lower()
    try:
        if ctype in TYPES:
            text = (await read_body(request, MAX_ENTRY_BYTES)).decode("utf-8")
            report = await run_in_threadpool(validate_text, st.kg, text, lang, TYPES[ctype])
            return JSONResponse(report.to_dict())
        fields = await _fields_of(request)
        return JSONResponse(await run_in_threadpool(form_report, st.kg, fields, lang))
    except ProtocolError as e:
        return JSONResponse({"error": e.message}, status_code=e.status)
    except ParseError as e:  # the entry file does not parse: still one JSON document
        loc = e.location
        name = "entry" + TYPES.get(ctype, ".ttl")
        message, hint = (str(e).replace(str(loc.file), name), e.hint) if loc.file else (str(e), e.hint)
        return JSONResponse({"schema": "rdgraph-entry-report/1", "conforms": False, "violations": 1, "warnings": 0,
                             "infos": 0, "lang": lang, "files": ["entry"], "written": [], "writes": [],
                             "diff": None, "entities": [],
                             "parse_error": {"message": message, "hint": hint, "line": loc.line,
                                             "column": loc.column}}, status_code=422)
    except (ValueError, UnicodeDecodeError) as e:
        return JSONResponse({"error": i18n.msg("server.unreadable", lang, error=e)}, status_code=400)

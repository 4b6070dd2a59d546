"""The entry report: findings grouped per entity, rendered as text or as the documented JSON schema."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from ..messages import has, msg
from ..namespaces import short, shorten
from ..validate import SEVERITY_ORDER, Finding, ValidationReport

JSON_SCHEMA_VERSION = "rdgraph-entry-report/1"
JSON_SCHEMA_DOC = """\
rdgraph validate/add --format json (schema "rdgraph-entry-report/1"):
{
  "schema": "rdgraph-entry-report/1",
  "conforms": true|false,          # no finding of severity Violation
  "violations": int, "warnings": int, "infos": int,
  "lang": "nl"|"en",                # language of message and hint
  "files": [str],                   # the entry files, as given
  "written": [str],                 # add only: files written under data/ (empty if refused or --dry-run)
  "writes": [                       # add only: every file the entry goes to, for a reviewer
    {"file": str, "status": "new"|"changed"|"unchanged",
     "added": int, "triples": int,  # triples the entry adds to it; triples in it afterwards
     "warnings": int}],             # warnings about the nodes written to it
  "diff": str|null,                 # add --dry-run: the unified diff add would make (nothing written)
  "entities": [                     # grouped per entity: deals, then interventions, then other nodes
    {"entity": IRI, "short": str, "label": str|null,
     "kind": "deal"|"intervention"|"other",
     "findings": [
       {"severity": "Violation"|"Warning"|"Info",
        "kind": str,                # "sh:<Component>" (e.g. "sh:MinCount", "sh:Class", "sh:SPARQL")
                                    # or an rdgraph check: "unknown-reference", "unknown-term",
                                    # "duplicate", "datatype", "language-tag", "date-window", "empty"
        "focus": IRI, "focus_short": str,   # the node at fault (the entity or one of its parts)
        "path": IRI|null, "path_short": str|null,
        "value": str|null,          # the offending value in N-Triples-like short form
        "message": str, "hint": str|null,
        "suggestions": [str],       # closest existing names (short IRIs), may be empty
        "shape": IRI|null, "source_file": str|null}
     ]}
  ]
}
"""

@dataclass
class EntryFinding(Finding):
    """A finding about an entry: a SHACL result or one of rdgraph's own checks."""

    kind: str = ""
    suggestions: list[str] = field(default_factory=list)
    entity: str | None = None


def _severity(sev: str, lang: str) -> str:
    return msg(f"severity.{sev}", lang) if has(f"severity.{sev}") else sev


@dataclass
class EntryReport(ValidationReport):
    """Findings about one or more entries, grouped per entity (deal, then interventions)."""

    files: list[str] = field(default_factory=list)
    entities: dict[str, tuple[str, str | None]] = field(default_factory=dict)  # iri -> (kind, label)
    written: list[str] = field(default_factory=list)
    writes: list[dict] = field(default_factory=list)   # add: each file with status, triples added, warnings
    diff: str = ""                                     # add --dry-run: the unified diff it would make

    def _entity_order(self) -> list[str]:
        rank = {"deal": 0, "intervention": 1, "other": 2}
        ents = set(self.entities) | {f.entity or f.focus for f in self.findings}  # type: ignore[attr-defined]
        return sorted(ents, key=lambda e: (rank[self.entities.get(e, ("other", None))[0]], e))

    def groups(self) -> list[tuple[str, list[EntryFinding]]]:
        by: dict[str, list[EntryFinding]] = {}
        for f in self.findings:
            by.setdefault(getattr(f, "entity", None) or f.focus, []).append(f)  # type: ignore[arg-type]
        out = []
        for e in self._entity_order():
            if e in by:
                fs = sorted(by[e], key=lambda f: (f.focus != e, f.focus, SEVERITY_ORDER.get(f.severity, 9),
                                                  f.path or "", f.kind, f.value or "", f.message))
                out.append((e, fs))
        return out

    def writes_text(self) -> str:
        """One line per file add wrote (or, with --dry-run, would write), for a reviewer."""
        lang = self.lang
        dry = self.checked == "add --dry-run"
        if not self.writes:
            return ""
        head = msg("entry.writes.dry" if dry else "entry.writes.head", lang)
        words = {s: msg(f"entry.writes.{s}", lang) for s in ("new", "changed", "unchanged")}
        width = max(len(w["file"]) for w in self.writes)
        lines = [head]
        for w in self.writes:
            said = msg("entry.writes.line", lang, added=w["added"], triples=w["triples"], warnings=w["warnings"])
            lines.append(f"  {words[w['status']]:<11} {w['file']:<{width}}  ({said})")
        return "\n".join(lines)

    def to_text(self) -> str:
        from ..display import safe_text  # control characters from the entry are shown escaped, never raw

        return safe_text(self._text(), keep_newlines=True)

    def _text(self) -> str:
        lang = self.lang
        tail = self.writes_text()
        if self.diff:
            tail = self.diff.rstrip("\n") + "\n" + tail
        if not self.findings:
            ok = msg("report.no_problems", lang)
            what = ", ".join(self.files)
            text = f"{ok}: {what}." if what else f"{ok}."
            return text + ("\n" + tail if tail else "")
        out: list[str] = []
        for ent, fs in self.groups():
            kind, label = self.entities.get(ent, ("other", None))
            out.append(f"{msg('entry.kind.' + kind, lang)} {shorten(ent)}" + (f" ({label})" if label else ""))
            for f in fs:
                sev = _severity(f.severity, lang)
                where = "" if f.focus == ent else f"{shorten(f.focus)} "
                prop = f"{short(f.path)}" if f.path else "-"
                out.append(f"  [{sev}] {where}{prop}: {f.message}")
                if f.value is not None:
                    out.append(f"      {msg('report.value', lang)}: {f.value}")
                if f.hint:
                    out.append(f"      {msg('report.hint', lang)}: {f.hint}")
        nv, nw = len(self.violations), len(self.warnings)
        out.append(msg("report.summary", lang, violations=nv, warnings=nw))
        if nv and self.checked == "add" and not self.written:
            out.append(msg("report.not_added", lang))
        if tail and not nv:
            out.append(tail)
        return "\n".join(line for line in out if line != "")

    def to_dict(self) -> dict:
        ents = []
        for ent, fs in self.groups():
            kind, label = self.entities.get(ent, ("other", None))
            ents.append({
                "entity": ent, "short": shorten(ent), "label": label, "kind": kind,
                "findings": [{
                    "severity": f.severity, "kind": f.kind, "focus": f.focus, "focus_short": shorten(f.focus),
                    "path": f.path, "path_short": short(f.path) if f.path else None,
                    "value": f.value, "message": f.message, "hint": f.hint,
                    "suggestions": list(f.suggestions), "shape": f.shape, "source_file": f.source_file,
                } for f in fs]})
        return {
            "schema": JSON_SCHEMA_VERSION,
            "conforms": self.conforms,
            "violations": len(self.violations),
            "warnings": len(self.warnings),
            "infos": sum(1 for f in self.findings if f.severity == "Info"),
            "lang": self.lang,
            "files": list(self.files),
            "written": list(self.written),
            "writes": list(self.writes),
            "diff": self.diff or None,
            "entities": ents,
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=1)


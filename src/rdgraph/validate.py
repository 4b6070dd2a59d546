"""SHACL validation with pySHACL, returned as a report object with text, JSON and Turtle renderings."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .paths import shape_files
from .terms import shorten

SH = "http://www.w3.org/ns/shacl#"
SEVERITY_ORDER = {"Violation": 0, "Warning": 1, "Info": 2}


@dataclass
class Finding:
    """One validation result, or one of rdgraph's own checks (unknown term, duplicate, ...)."""

    severity: str            # Violation | Warning | Info
    focus: str               # IRI of the node at fault
    message: str
    path: str | None = None
    value: str | None = None
    shape: str | None = None
    constraint: str | None = None
    hint: str | None = None
    focus_label: str | None = None
    source_file: str | None = None

    def line(self) -> str:
        bits = [f"[{self.severity.lower()}]"]
        if self.path:
            bits.append(shorten(self.path))
        if self.value is not None:
            bits.append(f"= {self.value!s}")
        text = " ".join(bits) + ": " + self.message
        if self.hint:
            text += f"\n      hint: {self.hint}"
        return text


@dataclass
class ValidationReport:
    findings: list[Finding] = field(default_factory=list)
    lang: str = "nl"
    checked: str = ""

    @property
    def conforms(self) -> bool:
        return not any(f.severity == "Violation" for f in self.findings)

    @property
    def violations(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "Violation"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "Warning"]

    def sorted(self) -> list[Finding]:
        return sorted(self.findings, key=lambda f: (f.focus, SEVERITY_ORDER.get(f.severity, 9),
                                                    f.path or "", f.message))

    def to_text(self) -> str:
        from .display import safe_text  # control characters from the data are shown escaped, never raw

        return safe_text(self._text(), keep_newlines=True)

    def _text(self) -> str:
        if not self.findings:
            return ("Geen fouten gevonden." if self.lang == "nl" else "No problems found.") + \
                (f" ({self.checked})" if self.checked else "")
        out: list[str] = []
        current = None
        for f in self.sorted():
            if f.focus != current:
                current = f.focus
                label = f" ({f.focus_label})" if f.focus_label else ""
                out.append(f"{shorten(f.focus)}{label}")
            out.append("  " + f.line().replace("\n", "\n  "))
        nv, nw = len(self.violations), len(self.warnings)
        if self.lang == "nl":
            out.append(f"{nv} fout(en), {nw} waarschuwing(en).")
        else:
            out.append(f"{nv} violation(s), {nw} warning(s).")
        return "\n".join(out)

    def to_dict(self) -> dict:
        return {
            "conforms": self.conforms,
            "violations": len(self.violations),
            "warnings": len(self.warnings),
            "lang": self.lang,
            "results": [asdict(f) for f in self.sorted()],
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=1)

    def to_turtle(self) -> str:
        """The report as a SHACL ValidationReport in Turtle."""
        import rdflib
        from rdflib.namespace import RDF
        from rdflib.namespace import SH as SHNS

        g = rdflib.Graph()
        g.bind("sh", SHNS)
        rep = rdflib.BNode("report")
        g.add((rep, RDF.type, SHNS.ValidationReport))
        g.add((rep, SHNS.conforms, rdflib.Literal(self.conforms)))
        for i, f in enumerate(self.sorted()):
            r = rdflib.BNode(f"r{i}")
            g.add((rep, SHNS.result, r))
            g.add((r, RDF.type, SHNS.ValidationResult))
            g.add((r, SHNS.resultSeverity, SHNS[f.severity]))
            g.add((r, SHNS.focusNode, rdflib.URIRef(f.focus)))
            g.add((r, SHNS.resultMessage, rdflib.Literal(f.message, lang=self.lang)))
            if f.path:
                g.add((r, SHNS.resultPath, rdflib.URIRef(f.path)))
            if f.value is not None:
                g.add((r, SHNS.value, rdflib.Literal(f.value)))
            if f.shape:
                g.add((r, SHNS.sourceShape, rdflib.URIRef(f.shape)))
        return g.serialize(format="turtle")

    def only_about(self, files: list[str]) -> ValidationReport:
        """The findings whose focus node a subject of one of ``files`` is (validating part of the graph)."""
        by_file = getattr(self, "subjects_by_file", {})
        wanted = {s for f in files for s in by_file.get(f, {})}
        if set(files) >= set(by_file):
            return self
        return ValidationReport([f for f in self.findings if f.focus in wanted], self.lang,
                                checked=f"{self.checked}; {len(files)} file(s)")

    def render(self, fmt: str) -> str:
        return {"text": self.to_text, "json": self.to_json, "turtle": self.to_turtle}[fmt]()


def shapes_graph(root: Path | None = None):
    import rdflib

    g = rdflib.Graph()
    for f in shape_files(root):
        g.parse(f, format="turtle")
    return g


def _pick_message(messages: list, lang: str) -> str:
    for m in messages:
        if getattr(m, "language", None) == lang:
            return str(m)
    for m in messages:
        if getattr(m, "language", None) in (None, "en"):
            return str(m)
    return str(messages[0]) if messages else ""


def _sparql_templates(shapes, shape) -> list:
    """The sh:message templates (with their language tags) of a shape's SPARQL constraints."""
    from rdflib.namespace import SH as SHNS

    out = []
    if shape is None:
        return out
    for c in shapes.objects(shape, SHNS.sparql):
        out.extend(shapes.objects(c, SHNS.message))
    return out


def _lang_of_filled(message: str, templates: list) -> str | None:
    """The language of a SPARQL result message: pySHACL fills {?var} in every sh:message and drops
    the language tags, so the filled text is matched against each tagged template."""
    import re

    for t in templates:
        pattern = "".join(".*?" if re.fullmatch(r"\{[?$]\w+\}", part) else re.escape(part)
                          for part in re.split(r"(\{[?$]\w+\})", str(t)))
        if re.fullmatch(pattern, message, flags=re.S):
            return getattr(t, "language", None)
    return None


def _node(term) -> str:
    """A node as text: IRIs and literals as their value, blank nodes as ``_:id`` (as N-Triples writes them)."""
    import rdflib

    return f"_:{term}" if isinstance(term, rdflib.BNode) else str(term)


def run_pyshacl(data_graph, shapes, lang: str = "nl", focus_nodes=None) -> list[Finding]:
    """Run pySHACL on an rdflib graph; returns findings with messages in ``lang``."""
    import pyshacl
    import rdflib
    from rdflib.namespace import RDFS
    from rdflib.namespace import SH as SHNS

    kwargs = {}
    if focus_nodes is not None:
        kwargs["focus_nodes"] = list(focus_nodes)
    _conforms, results_graph, _text = pyshacl.validate(
        data_graph, shacl_graph=shapes, inference="none", advanced=True,
        allow_warnings=True, abort_on_first=False, **kwargs)
    findings = []
    for r in results_graph.subjects(rdflib.RDF.type, SHNS.ValidationResult):
        focus = results_graph.value(r, SHNS.focusNode)
        sev = results_graph.value(r, SHNS.resultSeverity)
        path = results_graph.value(r, SHNS.resultPath)
        value = results_graph.value(r, SHNS.value)
        shape = results_graph.value(r, SHNS.sourceShape)
        comp = results_graph.value(r, SHNS.sourceConstraintComponent)
        msgs = list(results_graph.objects(r, SHNS.resultMessage))
        if len(msgs) > 1 and all(getattr(m, "language", None) is None for m in msgs):
            templates = _sparql_templates(shapes, shape)
            if templates:  # a SHACL-SPARQL result: give the filled message its template's language back
                msgs = [rdflib.Literal(str(m), lang=_lang_of_filled(str(m), templates)) for m in msgs]
        label = None
        for lab in data_graph.objects(focus, RDFS.label):
            if getattr(lab, "language", None) == lang:
                label = str(lab)
                break
        findings.append(Finding(
            severity=str(sev).rsplit("#", 1)[-1] if sev else "Violation",
            focus=_node(focus), message=_pick_message(msgs, lang),
            path=str(path) if isinstance(path, rdflib.URIRef) else (None if path is None else "(complex path)"),
            value=None if value is None else _node(value),
            shape=str(shape) if isinstance(shape, rdflib.URIRef) else None,
            constraint=str(comp).rsplit("#", 1)[-1] if comp else None,
            focus_label=label))
    return findings


def validate_graph(kg, lang: str = "nl") -> ValidationReport:
    """Validate the shipped graph's asserted triples against shapes/, and its IRIs against the last release."""
    from .stable import stable_iri_findings

    data = kg.asserted_rdflib()
    findings = run_pyshacl(data, shapes_graph(kg.root), lang=lang)
    findings += stable_iri_findings(kg.store, kg.root, lang=lang)  # no IRI of the last release disappears
    return ValidationReport(findings, lang, checked=f"{len(data)} triples")

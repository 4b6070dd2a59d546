"""SHACL validation with pySHACL, returned as a report object with text, JSON and Turtle renderings."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pyoxigraph as ox

from .messages import msg
from .namespaces import CHECK, PREFIXES, RDF, SH, XSD, shorten, turtle_prologue
from .paths import shape_files
from .terms import from_ntriples, to_ntriples
from .turtle import to_turtle

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
    value_nt: str | None = None  # the value as an RDF term in N-Triples (value is its short form for people)

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
            return msg("report.no_problems", self.lang) + "." + (f" ({self.checked})" if self.checked else "")
        out: list[str] = []
        current = None
        for f in self.sorted():
            if f.focus != current:
                current = f.focus
                label = f" ({f.focus_label})" if f.focus_label else ""
                out.append(f"{shorten(f.focus)}{label}")
            out.append("  " + f.line().replace("\n", "\n  "))
        out.append(msg("report.summary", self.lang, violations=len(self.violations), warnings=len(self.warnings)))
        return "\n".join(out)

    def to_dict(self) -> dict:
        return {
            "conforms": self.conforms,
            "violations": len(self.violations),
            "warnings": len(self.warnings),
            "lang": self.lang,
            "results": [{k: v for k, v in asdict(f).items() if k != "value_nt"} for f in self.sorted()],
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=1)

    def to_turtle(self) -> str:
        """The report as a SHACL ``sh:ValidationReport`` in the project's Turtle (values as RDF terms)."""
        return to_turtle(report_triples(self), rank=lambda types: 0 if SH.ValidationReport in types else 1)

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


def _node_term(text: str) -> ox.NamedNode | ox.BlankNode:
    return ox.BlankNode(text[2:]) if text.startswith("_:") else ox.NamedNode(text)


def _component(constraint: str | None) -> ox.NamedNode:
    """The constraint component: SHACL's own, or the IRI of one of rdgraph's checks."""
    name = constraint or "SPARQLConstraintComponent"
    if not name.endswith("ConstraintComponent"):
        return CHECK[name]
    return SH[name]


def _from_shown(shown: str | None):
    """The RDF term behind a value shown in Turtle's short form (``rdg:RegioDeaal``, ``"24"^^xsd:integer``)."""
    if shown is None:
        return None
    try:
        doc = turtle_prologue(PREFIXES) + f"<urn:x:s> <urn:x:p> {shown} ."
        return next(iter(ox.parse(doc.encode("utf-8"), format=ox.RdfFormat.TURTLE))).object
    except (SyntaxError, StopIteration):
        return None


def report_triples(report: ValidationReport) -> list[tuple]:
    """The triples of a SHACL validation report (https://www.w3.org/TR/shacl/#validation-report)."""
    rep = ox.BlankNode("report")
    out: list[tuple] = [(rep, RDF.type, SH.ValidationReport),
                        (rep, SH.conforms, ox.Literal("true" if report.conforms else "false", datatype=XSD.boolean))]
    for i, f in enumerate(report.sorted()):
        r = ox.BlankNode(f"r{i}")
        out += [(rep, SH.result, r), (r, RDF.type, SH.ValidationResult),
                (r, SH.resultSeverity, SH[f.severity]), (r, SH.focusNode, _node_term(f.focus)),
                (r, SH.sourceConstraintComponent, _component(f.constraint)),
                (r, SH.resultMessage, ox.Literal(f.message, language=report.lang))]
        if f.path and f.path.startswith(("http://", "https://")):
            out.append((r, SH.resultPath, ox.NamedNode(f.path)))
        value = from_ntriples(f.value_nt) if f.value_nt is not None else _from_shown(f.value)
        if value is not None:
            out.append((r, SH.value, value))
        if f.shape:
            out.append((r, SH.sourceShape, ox.NamedNode(f.shape)))
    return out


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
        from .convert import from_rdflib

        findings.append(Finding(
            severity=str(sev).rsplit("#", 1)[-1] if sev else "Violation",
            focus=_node(focus), message=_pick_message(msgs, lang),
            path=str(path) if isinstance(path, rdflib.URIRef) else (None if path is None else "(complex path)"),
            value=None if value is None else _node(value),
            value_nt=None if value is None else to_ntriples(from_rdflib(value)),
            shape=str(shape) if isinstance(shape, rdflib.URIRef) else None,
            constraint=str(comp).rsplit("#", 1)[-1] if comp else None,
            focus_label=label))
    return findings


def validate_graph(kg, lang: str = "nl") -> ValidationReport:
    """Validate the shipped graph's asserted triples against shapes/, and its IRIs against the last release."""
    from .release.stable import stable_iri_findings

    data = kg.asserted_rdflib()
    findings = run_pyshacl(data, shapes_graph(kg.root), lang=lang)
    findings += stable_iri_findings(kg.store, kg.root, lang=lang)  # no IRI of the last release disappears
    return ValidationReport(findings, lang, checked=f"{len(data)} triples")

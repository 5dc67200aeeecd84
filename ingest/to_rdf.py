"""Records -> RDF. The only module that writes triples.

Each plan's facts go to its own named graph (`{base}graph/plan/{key}`); nodes several
plans share (agencies, places, legal documents, vocabularies) go to the common graph, the
legal registry to its own graph. IRIs are minted from canonical keys, so rebuilding gives
the same graph.
"""
from __future__ import annotations

import os
import re
from functools import cache

from rdflib import RDF, RDFS, XSD, Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, PROV, SKOS

from ontology import DCS, ELI

from . import places
from .ids import NATIONAL, agency_slug, local_document_id, parse_document_id, place_key, symbol_of
from .models import Extraction
from .rules import cues, doc_types, fold, gazetteer, measures, registry, slug

BASE = os.environ.get("DCSKG_BASE", "https://w3id.org/dcs-kg/id/")
VOCAB = BASE + "vocab/"
COMMON_GRAPH = URIRef(BASE + "graph/common")
REGISTRY_GRAPH = URIRef(BASE + "graph/registry")
ONTOLOGY_GRAPH = URIRef(BASE + "graph/ontology")
# users' records of how far tasks have got (dcskg/status.py): never a fact read from a text
STATUS_GRAPH = URIRef(BASE + "graph/status")
RELATION_PROPERTY = {"implements": ELI.ensures_implementation_of, "based_on": ELI.based_on, "cites": ELI.cites}
PREFIXES = {"dcs": str(DCS), "eli": str(ELI), "org": str(ORG), "prov": str(PROV), "skos": str(SKOS), "dcterms": str(DCTERMS), "id": BASE}


def plan_graph_iri(key: str) -> URIRef:
    return URIRef(f"{BASE}graph/plan/{slug(key)}")


def plan_iri(key: str) -> URIRef:
    return URIRef(f"{BASE}plan/{slug(key)}")


def agency_label(a) -> str:
    """The name people write, whichever document mentions the agency: a name that ends in its
    level word takes its place ("Ủy ban nhân dân tỉnh" -> "Ủy ban nhân dân tỉnh Vĩnh Long")."""
    levels = tuple(cues()["issuer_levels"])
    if a.jurisdiction and a.jurisdiction != NATIONAL and fold(a.name).endswith(tuple(" " + lv for lv in levels)):
        return f"{a.name} {a.jurisdiction}"
    return a.name


def agency_key_iri(key: str) -> URIRef:
    """An agency's IRI from its key ("vinh-long/so-noi-vu"), as `ingest.resolve` mints keys."""
    return URIRef(f"{BASE}agency/{key}")


def place_iri(name: str, level: str | None, province: str | None = None) -> URIRef:
    """Official statistical code where the national list resolves the name uniquely.

    Province and commune codes overlap as numbers, so the level is part of the IRI; a name
    the list does not resolve (a pre-2025 district, a repeated commune name) keeps its slug.
    """
    p = places.province(name) if level in ("province", "city", None) else None
    if p is not None:
        return URIRef(f"{BASE}place/province/{p.code}")
    if level == "commune":
        found = places.communes(name)
        if len(found) == 1:
            return URIRef(f"{BASE}place/commune/{found[0].code}")
        in_province = [c for c in found if province and fold(c.province or "") == fold(province)]
        if len(in_province) == 1:
            return URIRef(f"{BASE}place/commune/{in_province[0].code}")
    if province and level in ("commune", "district"):
        # a repeated name: qualified by the province the text gives
        return URIRef(f"{BASE}place/{slug(level)}-{slug(province)}-{slug(name)}")
    return URIRef(f"{BASE}place/{slug(level or 'unit')}-{slug(name)}")


def document_iri(doc_id: str, place: str | None = None, province: str | None = None) -> URIRef:
    """ELI-style path: .../eli/vn/{issuer}[-{place}]/{type}/{year}/{number}.

    Local documents carry their issuer's place: two provinces may both have a
    "47/2025/NQ-HĐND".
    """
    parsed = parse_document_id(doc_id)
    m = re.match(r"^(?P<num>[^/-]+)(?:/(?P<year>\d{4}))?[/-](?P<rest>.+)$", parsed.symbol)
    if not m:
        return URIRef(f"{BASE}eli/vn/other/{slug(doc_id)}")
    rest = m.group("rest")
    if "-" in rest:
        type_code, issuer = rest.split("-", 1)
    elif "/" in rest:
        type_code, issuer = rest.split("/", 1)
    else:
        type_code, issuer = ("luat" if rest.startswith("QH") else "doc"), rest
    year = m.group("year") or parsed.year or "na"
    issuer_part = slug(issuer)
    local_place = parsed.place or (place if place and not doc_types().is_national(issuer) else None)
    if local_place:
        # keyed as agencies' places are: two communes one tone apart are two issuers
        issuer_part += "-" + (place_key(local_place, province) if local_place != "?" else "unknown")
    return URIRef(f"{BASE}eli/vn/{issuer_part}/{slug(type_code)}/{slug(year)}/{slug(m.group('num'))}")


def concept(scheme: str, key: str) -> URIRef:
    return URIRef(f"{VOCAB}{scheme}/{slug(key)}")


def own_id(ex: Extraction) -> str | None:
    """The id other documents cite this one by: its symbol, keyed with its place and year
    when the symbol has no year and its issuer is local (as `citations` keys references)."""
    info = ex.document
    if not (info.number and info.symbol):
        return None
    symbol = info.symbol
    if re.search(r"/(?:19|20)\d{2}/", symbol) or doc_types().is_national(symbol):
        return symbol
    return local_document_id(symbol, info.place or info.province, info.date[:4] if info.date else None)


def document_node(ex: Extraction) -> URIRef:
    """The ingested document's IRI: the one its citing documents use when it has a number
    (one node for "read" and "cited"), else one keyed by its file."""
    oid = own_id(ex)
    return document_iri(oid, ex.document.place or ex.document.province, ex.document.province) if oid else plan_iri(ex.plan_key)


def genre_class(type_name: str | None) -> URIRef:
    """dcs:Plan, dcs:Resolution, … for a document type name (doc_types.yaml: class)."""
    t = doc_types().by_name(type_name) if type_name else None
    return getattr(DCS, t.cls if t else "AdministrativeDocument")


def genre_concept(type_name: str | None) -> URIRef | None:
    if not type_name:
        return None
    t = doc_types().by_name(type_name)
    return concept("doc-type", t.code if t else type_name)


@cache
def vocabulary() -> Graph:
    """SKOS concept schemes built from the data files: agency kinds, measures, levels..."""
    g = Graph()
    schemes = {
        "agency-kind": ("Loại cơ quan", "Agency kinds", {k: (v["vi"], v["en"]) for k, v in gazetteer().kinds.items()}),
        "measure": ("Nhóm biện pháp", "Measure categories", {m.id: (m.vi, m.en) for m in measures()}),
        "level": ("Cấp hành chính", "Administrative levels", {k: tuple(v) for k, v in cues()["level_labels"].items()}),
        "timeframe": ("Loại thời gian", "Timeframe kinds", {k: tuple(v) for k, v in cues()["timeframe_labels"].items()}),
        "frequency": ("Tần suất báo cáo", "Reporting frequencies", {f["frequency"]: (f["vi"], f["en"]) for f in cues()["reporting"]["frequencies"]}),
        "doc-type": (
            "Loại văn bản",
            "Document types",
            {t.code: (t.name, t.en) for t in doc_types().types} | {n: (n, en) for n, en in cues()["heading_only_types"].items()},
        ),
    }
    for scheme, (vi, en, members) in schemes.items():
        s = URIRef(f"{VOCAB}{scheme}")
        g.add((s, RDF.type, SKOS.ConceptScheme))
        g.add((s, SKOS.prefLabel, Literal(vi, lang="vi")))
        g.add((s, SKOS.prefLabel, Literal(en, lang="en")))
        for key, (lvi, len_) in members.items():
            c = concept(scheme, key)
            g.add((c, RDF.type, SKOS.Concept))
            g.add((c, SKOS.inScheme, s))
            g.add((c, SKOS.notation, Literal(key)))
            g.add((c, SKOS.prefLabel, Literal(lvi, lang="vi")))
            g.add((c, SKOS.prefLabel, Literal(len_, lang="en")))
    return g


def registry_graph() -> Graph:
    """The legal registry's documents and the links that hold independently of any plan."""
    g = Graph()
    for doc in registry().documents.values():
        d = document_iri(doc.id)
        _describe_document(g, d, doc.id, doc.type, doc.title, doc.issuer, doc.date)
        if doc.in_force:
            g.add((d, DCS.text, Literal(f"in force {doc.in_force}")))
        for rel in doc.relations:
            target = document_iri(rel["target"])
            prop = RELATION_PROPERTY[rel["relation"]]
            g.add((d, prop, target))
            link = URIRef(f"{d}/link/{slug(rel['relation'])}/{slug(rel['target'])}")
            g.add((link, RDF.type, DCS.DocumentLink))
            g.add((link, DCS.fromDocument, d))
            g.add((link, DCS.toDocument, target))
            g.add((link, DCS.linkRelation, prop))
            g.add((link, DCS.sourceLabel, Literal("registry")))
            if rel.get("note"):
                g.add((link, RDFS.comment, Literal(rel["note"], lang="en")))
    return g


def _describe_document(g: Graph | Triples, d: URIRef, doc_id: str, type_name: str | None, title: str | None, issuer: str | None, date: str | None) -> None:
    g.add((d, RDF.type, ELI.LegalResource))
    g.add((d, ELI.id_local, Literal(doc_id)))
    g.add((d, SKOS.prefLabel, Literal(f"{type_name or ''} {symbol_of(doc_id)}".strip(), lang="vi")))
    t = doc_types().by_name(type_name) if type_name else None
    if t:
        g.add((d, ELI.type_document, concept("doc-type", t.code)))
    if title:
        g.add((d, ELI.title, Literal(title, lang="vi")))
    if issuer:
        g.add((d, DCS.citedIssuer, Literal(issuer)))
    if date and re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
        g.add((d, ELI.date_document, Literal(date, datatype=XSD.date)))


class Triples(set):
    """A plain set of (s, p, o): what plan_graphs fills. rdflib's Graph costs a store dispatch
    per add, which dominates at national scale; callers wanting a Graph call `.graph()`."""

    def graph(self) -> Graph:
        g = Graph()
        for t in self:
            g.add(t)
        return g


def plan_graphs(ex: Extraction) -> tuple[Triples, Triples]:
    """The plan's own named graph and what it adds to the common graph, as triple sets."""
    return _PlanWriter(ex).write()


class _PlanWriter:
    """Writes one extraction's triples: the document, its agencies, references, tasks and
    reporting duties into the plan's own graph; shared nodes (agencies, places, cited
    documents) into the common one. One method per part of the document."""

    def __init__(self, ex: Extraction):
        self.ex = ex
        self.info = ex.document
        self.g = Triples()
        self.common = Triples()
        self.p = document_node(ex)
        self.jurisdiction = self._jurisdiction()
        self.issuer = agency_key_iri(self.info.issuer_key) if self.info.issuer_key else None
        self.attached: dict[str, URIRef] = {}
        self.task_iris: dict[int, URIRef] = {}

    def write(self) -> tuple[Triples, Triples]:
        self._document()
        self._attachments()
        self._agencies()
        for ref in self.ex.legal_refs:
            self._reference(ref)
        for n, t in enumerate(self.ex.tasks):
            self._task(n, t)
        for i, r in enumerate(self.ex.reporting, start=1):
            self._reporting(i, r)
        for key in self.info.recipient_agencies:
            self.g.add((self.p, DCS.recipient, agency_key_iri(key)))
        return self.g, self.common

    def span(self, lines: tuple[int, ...] | list[int], quote: str, tag: str) -> URIRef:
        """Where a fact was read: the file, its lines and the words."""
        first, last = (min(lines), max(lines)) if lines else (0, 0)
        s = URIRef(f"{self.p}/source/{tag}")
        self.g.add((s, RDF.type, DCS.SourceSpan))
        self.g.add((s, DCS.sourceFile, Literal(self.ex.source)))
        self.g.add((s, DCS.lineStart, Literal(first)))
        self.g.add((s, DCS.lineEnd, Literal(last)))
        self.g.add((s, DCS.quote, Literal(quote)))
        self.g.add((s, PROV.wasDerivedFrom, self.p))
        return s

    def _jurisdiction(self) -> URIRef:
        info = self.info
        if info.place:
            place_level = "commune" if info.issuer_level == "commune" else info.issuer_level if info.issuer_level in ("province", "city", "district") else None
            return _place(self.common, info.place, place_level, info.province)
        if info.province:
            return _place(self.common, info.province, "province", None)
        # the text never names its place (an office's internal plan): say so, do not guess
        unknown = URIRef(f"{BASE}place/unknown")
        self.common.add((unknown, RDF.type, DCS.AdministrativeUnit))
        self.common.add((unknown, SKOS.prefLabel, Literal("không nêu trong văn bản", lang="vi")))
        self.common.add((unknown, SKOS.prefLabel, Literal("not named in the text", lang="en")))
        return unknown

    def _describe(self, node: URIRef, type_name: str | None, title: str | None) -> None:
        """A document read: its genre is a class and a concept, not a gate."""
        g, info = self.g, self.info
        g.add((node, RDF.type, DCS.AdministrativeDocument))
        g.add((node, RDF.type, genre_class(type_name)))
        g.add((node, RDF.type, ELI.LegalResource))
        genre = genre_concept(type_name)
        if genre is not None:
            g.add((node, ELI.type_document, genre))
        g.add((node, DCS.sourceFile, Literal(self.ex.source)))
        g.add((node, DCS.documentKey, Literal(self.ex.plan_key)))
        g.add((node, SKOS.prefLabel, Literal(title or self.ex.plan_key, lang="vi")))
        if title:
            g.add((node, ELI.title, Literal(title, lang="vi")))
        if info.date:
            dtype = XSD.date if len(info.date) == 10 else XSD.gYearMonth if len(info.date) == 7 else XSD.gYear
            g.add((node, ELI.date_document, Literal(info.date, datatype=dtype)))
        if self.issuer is not None:
            g.add((node, ELI.passed_by, self.issuer))
        g.add((node, ELI.jurisdiction, self.jurisdiction))

    def _document(self) -> None:
        g, p, info = self.g, self.p, self.info
        self._describe(p, info.type, info.title)
        if info.issuer:
            g.add((p, DCS.issuerName, Literal(info.issuer, lang="vi")))
        g.add((p, DCS.sha256, Literal(self.ex.sha256)))
        oid = own_id(self.ex)
        if oid:
            g.add((p, ELI.id_local, Literal(oid)))
        elif info.symbol_code:
            g.add((p, DCTERMS.identifier, Literal(info.symbol_code)))
        if info.issuer_level:
            g.add((p, DCS.issuerLevel, concept("level", info.issuer_level)))
        if info.period:
            g.add((p, DCS.period, Literal(info.period)))
        signer = info.signer or {}
        for field_name, prop in (("name", DCS.signer), ("position", DCS.signerPosition), ("signing_formula", DCS.signingFormula)):
            if signer.get(field_name):
                g.add((p, prop, Literal(signer[field_name])))
        for w in self.ex.warnings:
            g.add((p, DCS.warning, Literal(w)))

    def _attachments(self) -> None:
        """A document printed after the signature (the plan a decision promulgates) is a node of its own."""
        g, p = self.g, self.p
        for att in self.info.attachments:
            if att.get("type") == "Phụ lục":
                continue
            a_node = URIRef(f"{p}/attachment/{slug(att['label'])}")
            self.attached[att["label"]] = a_node
            self._describe(a_node, att.get("type"), att.get("title"))
            g.add((a_node, DCS.promulgatedBy, p))
            if self.info.issuer:
                g.add((a_node, DCS.issuerName, Literal(self.info.issuer, lang="vi")))
            g.add((p, DCS.promulgates, a_node))
            g.add((a_node, ELI.is_part_of, p))

    def _agencies(self) -> None:
        """Every key a task, report or recipient holds is an agency of the common graph."""
        common = self.common
        for a in self.ex.agencies:
            a_iri = agency_key_iri(a.key)
            common.add((a_iri, RDF.type, ORG.Organization))
            if a.kind == "collective_group":
                common.add((a_iri, RDF.type, DCS.AgencyGroup))
            if a.generic:
                common.add((a_iri, RDF.type, DCS.AgencyGroup))
                common.add((a_iri, DCS.generic, Literal(True)))
            common.add((a_iri, SKOS.prefLabel, Literal(a.name, lang="vi")))
            for other in dict.fromkeys((agency_label(a), a.written)):
                # the name with its place, and the words a document wrote it with ("Mặt trận Tổ
                # quốc tỉnh"): both find the body in a search
                if other and other != a.name:
                    common.add((a_iri, SKOS.altLabel, Literal(other, lang="vi")))
            common.add((a_iri, ORG.classification, concept("agency-kind", a.kind)))
            for member in a.members:
                common.add((a_iri, ORG.hasMember, agency_key_iri(member)))
            if a.jurisdiction and a.jurisdiction != NATIONAL:
                level = "province" if places.province(a.jurisdiction) else None
                unit = self.jurisdiction if a.jurisdiction == self.info.place else _place(common, a.jurisdiction, level, None)
                common.add((a_iri, DCS.jurisdiction, unit))

    def _reference(self, ref) -> None:
        g, p, src_file = self.g, self.p, self.ex.source
        d = document_iri(ref.id, ref.place, self.info.province)
        # the document itself is shared by every plan that cites it: described once, in the
        # common graph; what this plan says of it (date, issuer, subject) is on its citation
        _describe_document(self.common, d, ref.id, ref.type, None, None, ref.date)
        prop = RELATION_PROPERTY[ref.relation]
        g.add((p, prop, d))
        link = URIRef(f"{p}/citation/{slug(ref.id)}")
        g.add((link, RDF.type, DCS.Citation))
        g.add((link, RDF.type, DCS.DocumentLink))  # materialised: queries run without a reasoner
        g.add((link, DCS.fromDocument, p))
        g.add((link, DCS.toDocument, d))
        g.add((link, DCS.linkRelation, prop))
        first = ref.mentions[0] if ref.mentions else None
        g.add((link, DCS.sourceLabel, Literal(f"{src_file}:{first.line}" if first else src_file)))
        for date in ref.dates_in_text:
            g.add((link, DCS.citedDate, Literal(date, datatype=XSD.date)))
        if ref.issuer:
            g.add((link, DCS.citedIssuer, Literal(ref.issuer)))
        if ref.subject:
            g.add((link, DCS.subject, Literal(ref.subject, lang="vi")))
        for i, m in enumerate(ref.mentions, start=1):
            g.add((link, DCS.source, self.span((m.line,), m.quote, f"ref-{slug(ref.id)}-{i}")))
        _infer(self.common, d, ref)

    def _task(self, n: int, t) -> None:
        g = self.g
        t_iri = URIRef(f"{self.p}/task/{slug(t.path)}")
        if (t_iri, RDF.type, DCS.Task) in g:
            t_iri = URIRef(f"{t_iri}-l{t.line}")  # a repeated label ("b)" twice)
        self.task_iris[n] = t_iri
        g.add((t_iri, RDF.type, DCS.Task))
        g.add((t_iri, DCS.inPlan, self.attached.get(t.path.split(".", 1)[0], self.p)))
        g.add((t_iri, DCS.path, Literal(t.path)))
        g.add((t_iri, DCS.text, Literal(t.text)))
        g.add((t_iri, DCS.requested, Literal(t.requested)))
        source = self.span(t.lines, t.quote, f"task-{slug(t.path)}-l{t.line}")
        g.add((t_iri, DCS.source, source))
        if t.timeframe:
            g.add((t_iri, DCS.timeframe, Literal(t.timeframe)))
            g.add((t_iri, DCS.timeframeFromText, Literal(t.timeframe_from_text)))
        if t.timeframe_kind:
            g.add((t_iri, DCS.timeframeKind, concept("timeframe", t.timeframe_kind)))
            year = re.search(r"(\d{4})", t.timeframe or "")
            if t.timeframe_kind == "yearly_from" and year:
                g.add((t_iri, DCS.fromYear, Literal(year.group(1), datatype=XSD.gYear)))
        for deadline in t.deadlines:
            _deadline(g, t_iri, deadline)
        for measure in t.measures:
            g.add((t_iri, DCS.measure, concept("measure", measure)))
        for target in t.targets:
            g.add((t_iri, DCS.target, Literal(target)))
        self._assignments(t, t_iri, source)
        for key in t.others:
            # "các cơ quan, đơn vị có liên quan": kept, but not as anybody's assignment
            group = agency_key_iri(key)
            self.common.add((group, RDF.type, DCS.AgencyGroup))
            self.common.add((group, DCS.generic, Literal(True)))
            g.add((t_iri, DCS.mentionsGroup, group))

    def _assignments(self, t, t_iri: URIRef, source: URIRef) -> None:
        g = self.g
        modality = DCS.Requested if t.requested else DCS.Assigned
        for role, keys, shortcut, cls, role_concept in (
            ("lead", t.lead, DCS.leadAgency, DCS.LeadAssignment, DCS.RoleLead),
            ("support", t.support, DCS.supportAgency, DCS.SupportAssignment, DCS.RoleSupport),
            ("supervise", t.supervise, DCS.supervisingAgency, DCS.SupervisionAssignment, DCS.RoleSupervise),
        ):
            for key in keys:
                a_iri = agency_key_iri(key)
                asg = URIRef(f"{t_iri}/{role}/{agency_slug(key)}")
                g.add((asg, RDF.type, cls))
                g.add((asg, DCS.task, t_iri))
                g.add((asg, DCS.agency, a_iri))
                g.add((asg, DCS.role, role_concept))
                g.add((asg, DCS.modality, modality))
                g.add((asg, DCS.source, source))
                g.add((t_iri, shortcut, a_iri))

    def _reporting(self, i: int, r) -> None:
        g = self.g
        r_iri = URIRef(f"{self.p}/reporting/{i}")
        g.add((r_iri, RDF.type, DCS.ReportingObligation))
        for key in r.reporters:
            g.add((r_iri, DCS.reporter, agency_key_iri(key)))
        if r.to:
            g.add((r_iri, DCS.reportsTo, agency_key_iri(r.to)))
        if r.via:
            g.add((r_iri, DCS.reportsVia, agency_key_iri(r.via)))
        if r.frequency:
            g.add((r_iri, DCS.frequency, Literal(r.frequency)))
        if r.deadline:
            _deadline(g, r_iri, r.deadline)
        tasks = self.ex.tasks
        task = next((self.task_iris[n] for n, t in enumerate(tasks) if t.path == r.path and t.line == r.line), None)
        task = task or next((self.task_iris[n] for n, t in enumerate(tasks) if t.path == r.path), None)
        if task is not None:
            g.add((r_iri, DCS.forTask, task))
        g.add((r_iri, DCS.source, self.span((r.line,), r.quote, f"reporting-{i}")))


def _deadline(g: Graph | Triples, node: URIRef, text: str) -> None:
    g.add((node, DCS.deadline, Literal(text)))
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})(?:/\d{4})?", text)
    if m:
        g.add((node, DCS.deadlineDay, Literal(int(m.group(1)))))
        g.add((node, DCS.deadlineMonth, Literal(int(m.group(2)))))


def _place(g: Graph | Triples, name: str, level: str | None, province: str | None) -> URIRef:
    iri = place_iri(name, level, province)
    g.add((iri, RDF.type, DCS.AdministrativeUnit))
    g.add((iri, SKOS.prefLabel, Literal(name, lang="vi")))
    p = places.province(name) if level in ("province", "city", None) else None
    code = None
    if p is not None:
        code, level = p.code, level or "province"
    elif level == "commune" and "/place/commune/" in str(iri):
        code = int(str(iri).rsplit("/", 1)[-1])
    if code is not None:
        g.add((iri, DCS.statisticalCode, Literal(code)))
    if level:
        g.add((iri, DCS.level, concept("level", level)))
    if province and fold(province) != fold(name):
        parent = place_iri(province, "province")
        g.add((parent, RDF.type, DCS.AdministrativeUnit))
        g.add((parent, SKOS.prefLabel, Literal(province, lang="vi")))
        g.add((parent, DCS.level, concept("level", "province")))
        pp = places.province(province)
        if pp is not None:
            g.add((parent, DCS.statisticalCode, Literal(pp.code)))
        g.add((iri, DCS.withinProvince, parent))
    return iri


def _infer(g: Graph | Triples, d: URIRef, ref) -> None:
    """Apply the legal registry's rules to a cited document; mark each link as inferred."""
    for rule in registry().rules:
        when = rule["when"]
        if when.get("type") and ref.type != when["type"]:
            continue
        if when.get("issuer_contains") and when["issuer_contains"].lower() not in (ref.issuer or "").lower():
            continue
        if when.get("subject_matches") and not re.search(when["subject_matches"], ref.subject or "", re.I):
            continue
        target_id = rule["then"]["target"]
        if target_id == ref.id:
            continue
        target = document_iri(target_id)
        prop = RELATION_PROPERTY[rule["then"]["relation"]]
        g.add((d, prop, target))
        link = URIRef(f"{d}/inferred/{slug(rule['id'])}")
        g.add((link, RDF.type, DCS.InferredLink))
        g.add((link, RDF.type, DCS.DocumentLink))
        g.add((link, DCS.fromDocument, d))
        g.add((link, DCS.toDocument, target))
        g.add((link, DCS.linkRelation, prop))
        g.add((link, DCS.inferredBy, Literal(rule["id"])))
        g.add((link, DCS.sourceLabel, Literal(f"rule:{rule['id']}")))


def add_extraction(ds: Dataset, ex: Extraction) -> None:
    """Replace the plan's named graph and add its shared nodes to the common graph."""
    own, common = plan_graphs(ex)
    gid = plan_graph_iri(ex.plan_key)
    ds.remove_graph(ds.graph(gid))
    ds.addN((s, p, o, ds.graph(gid)) for s, p, o in own)
    ds.addN((s, p, o, ds.graph(COMMON_GRAPH)) for s, p, o in common)


def add_reference_data(ds: Dataset) -> None:
    """Ontology, vocabularies and the legal registry: rebuilt from their files on every build."""
    from rdflib.compare import to_canonical_graph

    from ontology import ONTOLOGY_TTL

    ds.remove_graph(ds.graph(ONTOLOGY_GRAPH))
    # canonical blank-node labels: the same ontology gives byte-identical exports on every build
    ontology = to_canonical_graph(Graph().parse(ONTOLOGY_TTL))
    ds.addN((s, p, o, ds.graph(ONTOLOGY_GRAPH)) for s, p, o in ontology)
    ds.remove_graph(ds.graph(REGISTRY_GRAPH))
    ds.addN((s, p, o, ds.graph(REGISTRY_GRAPH)) for s, p, o in registry_graph())
    ds.addN((s, p, o, ds.graph(COMMON_GRAPH)) for s, p, o in vocabulary())

"""Tasks, roles, timeframes, deadlines and reporting obligations, read off the document tree.

A task is a work-stating item of the content or organisation sections that has no
work-stating items below it. Its lead comes, in order, from `Cơ quan thực hiện/chủ trì`
lines (its own, or those of siblings it shares them with), from the TỔ CHỨC THỰC HIỆN entry
it sits under, from its own subject ("Sở Nội vụ chủ trì, ..."), from an "Đối với X" heading,
and last from the entry that carries out "Kế hoạch này". Support comes from `Cơ quan phối
hợp` lines and "phối hợp với X" in the text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from .agencies import AgencyMention, Lexicon, find_agencies, predicate_regex, split_agencies
from .models import Document, Node, Reporting, Task
from .rules import cues, fold, measures

_WORK = ("item", "letter", "dash", "plus")


@dataclass
class Actors:
    leads: list[AgencyMention] = field(default_factory=list)
    supports: list[AgencyMention] = field(default_factory=list)
    requested: bool = False
    subject_end: int = 0


@dataclass
class _Ctx:
    leads: list[AgencyMention] = field(default_factory=list)
    supports: list[AgencyMention] = field(default_factory=list)
    timeframe: list[str] = field(default_factory=list)
    requested: bool = False
    about: list[AgencyMention] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)


# --- clause reading ------------------------------------------------------------------------------


def _is_noun_tochuc(text: str, start: int, end: int) -> bool:
    c = cues()
    before = text[:start].rstrip().lower()
    after = text[end:].lstrip().lower()
    return any(before.endswith(b) for b in c["noun_tochuc_before"]) or any(after.startswith(a) for a in c["noun_tochuc_after"])


def predicate_start(text: str, protected: list[tuple[int, int]] | None = None) -> int:
    """Where the predicate begins: the first stop word outside an agency name."""
    if protected is None:
        protected = [(a.start, a.end) for a in find_agencies(text)]
    for m in predicate_regex().finditer(text):
        if any(s <= m.start() < e for s, e in protected):
            continue
        if m.group(0).lower() == "tổ chức" and _is_noun_tochuc(text, m.start(), m.end()):
            continue
        return m.start()
    return len(text)


def read_actors(text: str, lexicon: Lexicon) -> Actors:
    """Subject agencies, "phối hợp với" partners and the request mood of one clause."""
    out = Actors()
    body = text.strip()
    req = re.match(r"^(?:kính\s+)?đề nghị\s+", body, re.I)
    if req:
        out.requested = True
        body = body[req.end():]
    giao = re.match(r"^giao\s+(?=[A-ZĐÀ-Ỹ])", body)
    if giao:
        body = body[giao.end():]
    end = predicate_start(body)
    subject = body[:end].strip(" ,;:")
    if subject:
        out.leads = [m for m in split_agencies(subject, lexicon)]
    out.subject_end = end
    out.supports = partners(body, lexicon)
    return out


@cache
def _partner_re() -> re.Pattern[str]:
    words = sorted(cues()["partner_cues"], key=len, reverse=True)
    return re.compile(r"(?:" + "|".join(r"\s+".join(map(re.escape, w.split())) for w in words) + r")\s+", re.I)


def partners(text: str, lexicon: Lexicon) -> list[AgencyMention]:
    """Agencies named after "phối hợp với", "tạo điều kiện để" ... up to the next predicate."""
    found: list[AgencyMention] = []
    for m in _partner_re().finditer(text):
        rest = text[m.end():]
        paren = re.match(r"([^()]{3,80}?)\s*\(([^()]+)\)", rest)
        if paren and re.search(r"liên quan", paren.group(1)):
            members = find_agencies(paren.group(2))
            if members and members[0].start == 0:
                # "các cơ quan có liên quan (Ủy ban MTTQ tỉnh; Ban Tuyên giáo ...)": the members
                found += split_agencies(paren.group(2), lexicon)
                continue
        end = predicate_start(rest)
        phrase = re.split(r"[;(]", rest[:end])[0]
        found += split_agencies(phrase, lexicon)
    return found


# --- timeframes and deadlines ---------------------------------------------------------------------


def timeframe_kind(text: str | None) -> str | None:
    if not text:
        return None
    low = fold(text)
    for tf in cues()["timeframes"]:
        if re.search(tf["pattern"], low):
            return tf["kind"]
    return "other"


def timeframe_in_text(text: str) -> str | None:
    first_clause = re.split(r";|\.\s", text, maxsplit=1)[0]
    m = re.search(rf"(?<![\wÀ-ỹ]){cues()['timeframe_in_text']}(?![\wÀ-ỹ])", first_clause, re.I)
    if not m:
        return None
    phrase = m.group(0).strip()
    return phrase[:1].upper() + phrase[1:]


@cache
def _deadline_re() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in sorted(cues()["deadline_cues"], key=len, reverse=True))
    return re.compile(
        rf"(?:{words})\s*(?:ngày\s*)?(?:(?P<d>\d{{1,2}})\s*/\s*(?P<m>\d{{1,2}})(?!\s*/\s*\d)|(?P<d2>\d{{1,2}})\s+tháng\s+(?P<m2>\d{{1,2}})(?!\s+năm))",
        re.I,
    )


def deadlines_in(text: str) -> list[tuple[str, int]]:
    out = []
    for m in _deadline_re().finditer(text):
        d = m.group("d") or m.group("d2")
        mo = m.group("m") or m.group("m2")
        out.append((f"{d}/{mo}", m.start()))
    return out


# --- the walk --------------------------------------------------------------------------------------


@dataclass
class TaskResult:
    tasks: list[Task]
    reporting: list[Reporting]
    mentions: list[tuple[AgencyMention, str]]  # (mention, role) for the agency list
    warnings: list[str]


def extract_tasks(doc: Document, lexicon: Lexicon) -> TaskResult:
    found: list[tuple[Task, dict[str, AgencyMention]]] = []
    reports: list[Reporting] = []
    mentions: list[tuple[AgencyMention, str]] = []
    warnings: list[str] = []
    default = _default_implementers(doc, lexicon)
    for section in doc.sections:
        section.path = section.label
        if section.role not in ("tasks", "organisation", "funding", "reporting"):
            continue
        _float_attributes(section)
        ctx = _Ctx(headings=[section.text])
        _walk(section, ctx, section.role, lexicon, default, found)
    tasks = [t for t, _ in found]
    seen_paths: dict[str, int] = {}
    for t in tasks:
        seen_paths[t.path] = seen_paths.get(t.path, 0) + 1
    for path, n in seen_paths.items():
        if n > 1:
            warnings.append(f"item label repeated: {n} tasks at path {path}")
    for t in tasks:
        if not t.lead:
            warnings.append(f"task {t.path} (line {t.line}): no lead agency found")
        reports += _reporting(t, lexicon)
    for t, named in found:
        for role, names in (("lead", t.lead), ("support", t.support)):
            for name in names:
                mentions.append((named.get(name) or AgencyMention(name, "collective_group", name, 0, 0, known=False), role))
    return TaskResult(tasks, reports, mentions, warnings)


def _attrs(node: Node) -> dict[str, list[Node]]:
    out: dict[str, list[Node]] = {}
    for child in node.children:
        if child.kind == "attr":
            out.setdefault(child.attr or "", []).append(child)
    return out


def _work_children(node: Node) -> list[Node]:
    out = []
    for child in node.children:
        if child.kind in _WORK:
            out.append(child)
        elif child.kind == "attr" and child.attr == "lead" and not child.text:
            out.extend(c for c in child.children if c.kind in _WORK)
    return out


def _float_attributes(parent: Node) -> None:
    """Attribute lines after the last of several bullets apply to the bullets above too."""
    pending: list[Node] = []
    for child in parent.children:
        if child.kind not in _WORK:
            continue
        _float_attributes(child)
        own = _attrs(child)
        if own and ("lead" in own or "support" in own or "timeframe" in own):
            for sibling in pending:
                if not _attrs(sibling) and not _work_children(sibling):
                    sibling.children.extend(Node("attr", "", a.text, a.lines, attr=a.attr, marker=a.marker, children=a.children) for group in own.values() for a in group)
            pending = []
        else:
            pending.append(child)


def _body_text(node: Node) -> str:
    paras = [c.text for c in node.children if c.kind == "para"]
    return " ".join(paras)


def _walk(
    node: Node, ctx: _Ctx, role: str, lexicon: Lexicon, default: list[AgencyMention], out: list[tuple[Task, dict[str, AgencyMention]]]
) -> None:
    ordinal = 0
    for child in _children_in_order(node):
        if child.kind not in _WORK:
            continue
        if child.kind in ("dash", "plus"):
            ordinal += 1
            child.path = f"{node.path}.{ordinal}"
        else:
            child.path = f"{node.path}.{child.label}"
        own = _attrs(child)
        sub = _work_children(child)
        heading = child.text
        actors = read_actors(heading, lexicon) if heading else Actors()
        heading_is_actor = bool(actors.leads) and actors.subject_end >= len(re.sub(r"^(?:kính\s+)?đề nghị\s+|^giao\s+", "", heading.strip(), flags=re.I).rstrip(" .:;"))
        child_ctx = _Ctx(
            leads=list(ctx.leads),
            supports=list(ctx.supports),
            timeframe=list(ctx.timeframe),
            requested=ctx.requested or actors.requested,
            about=list(ctx.about),
            headings=ctx.headings + [heading],
        )
        if own.get("lead") and any(a.text for a in own["lead"]):
            child_ctx.leads = _attr_agencies(own["lead"], lexicon, child_ctx)
        elif actors.leads and (sub or heading_is_actor or role == "organisation"):
            child_ctx.leads = actors.leads
        if own.get("support"):
            child_ctx.supports = ctx.supports + [m for a in own["support"] for m in split_agencies(a.text, lexicon)]
        if own.get("timeframe"):
            child_ctx.timeframe = [_timeframe_value(a) for a in own["timeframe"]]
        about = re.match(rf"^{re.escape(cues()['about_cue'])}\s+(.+)$", heading, re.I)
        if about:
            found = split_agencies(about.group(1), lexicon)
            if found:
                child_ctx.about = [AgencyMention(_plural(found[0].name), found[0].kind, found[0].surface, 0, 0, known=found[0].known)]
        if sub:
            # a heading that groups items: its items are the tasks
            if child.kind == "attr":
                continue
            _walk(child, child_ctx, role, lexicon, default, out)
            continue
        made = _make_task(child, child_ctx, heading_is_actor, actors, role, lexicon, default, own)
        if made is not None:
            out.append(made)


def _children_in_order(node: Node) -> list[Node]:
    out = []
    for child in node.children:
        if child.kind == "attr" and child.attr == "lead" and not child.text:
            out.extend(c for c in child.children if c.kind in _WORK)
        else:
            out.append(child)
    return out


def _plural(name: str) -> str:
    return name if fold(name).startswith("các ") else "Các " + name[:1].lower() + name[1:]


def _attr_agencies(nodes: list[Node], lexicon: Lexicon, ctx: _Ctx) -> list[AgencyMention]:
    out: list[AgencyMention] = []
    for a in nodes:
        actors = read_actors(a.text, lexicon)
        out += actors.leads or split_agencies(a.text, lexicon)
        ctx.supports = ctx.supports + actors.supports
    return out


def _timeframe_value(attr: Node) -> str:
    parts = [attr.text.rstrip(" .;")] if attr.text else []
    parts += [c.text.rstrip(" .;") for c in attr.children if c.text]
    return "; ".join(p for p in parts if p)


def _make_task(
    node: Node,
    ctx: _Ctx,
    heading_is_actor: bool,
    actors: Actors,
    role: str,
    lexicon: Lexicon,
    default: list[AgencyMention],
    own: dict[str, list[Node]],
) -> tuple[Task, dict[str, AgencyMention]] | None:
    heading = node.text
    body = _body_text(node)
    if heading_is_actor:
        text = body or heading
        line = next((c.lines[0] for c in node.children if c.kind == "para"), node.lines[0])
    else:
        text = f"{heading} {body}".strip() if body else heading
        line = node.lines[0]
    if not text or re.fullmatch(r"\(.*(?:phụ lục|kèm theo).*\)\.?", body or heading, re.I):
        return None
    if re.search(r"phụ lục[^.]*kèm theo", text, re.I) and len(text) < 160:
        return None
    body_actors = read_actors(body, lexicon) if body and not heading_is_actor else Actors()
    leads = list(ctx.leads)
    requested = ctx.requested
    if not leads:
        leads = actors.leads or body_actors.leads
        requested = requested or actors.requested or body_actors.requested
    if not leads and heading_is_actor:
        leads = actors.leads
    if not leads and ctx.about:
        leads = ctx.about
    if not leads and role == "tasks":
        leads = default
    if not leads and role in ("funding", "reporting"):
        return None
    if not leads and role == "organisation" and not actors.leads:
        leads = []
    supports = list(ctx.supports) + partners(text, lexicon)
    lead_names = _names(leads)
    support_names = [n for n in _names(supports) if fold(n) not in {fold(x) for x in lead_names}]
    timeframe = "; ".join(ctx.timeframe) if ctx.timeframe else None
    from_text = False
    if not timeframe:
        timeframe = timeframe_in_text(text)
        from_text = timeframe is not None
    timeframe = timeframe.rstrip(" .") if timeframe else None
    deadline_src = " ".join([text] + ctx.timeframe)
    deadlines = list(dict.fromkeys(d for d, _ in deadlines_in(deadline_src)))
    lines = tuple(sorted({n for c in [node, *node.children] for n in c.lines}))
    task = Task(
        path=node.path,
        text=text,
        lead=lead_names,
        support=support_names,
        requested=requested,
        timeframe=timeframe,
        timeframe_kind=timeframe_kind(timeframe),
        timeframe_from_text=from_text,
        deadline="; ".join(deadlines) or None,
        deadlines=deadlines,
        line=line,
        lines=lines,
        section_role=role,
        measures=_measures(" ".join(ctx.headings[1:] + [text])),
        targets=_targets(text),
        quote=text,
    )
    # the mentions behind the names: their kind and place feed the plan's agency list
    return task, {m.name: m for m in leads + supports}


def _names(mentions: list[AgencyMention]) -> list[str]:
    return list(dict.fromkeys(m.name for m in mentions))


@cache
def _measure_patterns() -> list[tuple[str, re.Pattern[str]]]:
    """One compiled alternation of folded cues per measure category."""
    return [
        (m.id, re.compile(r"(?<![\wÀ-ỹ])(?:" + "|".join(re.escape(fold(c)) for c in m.cues) + r")(?![\wÀ-ỹ])"))
        for m in measures()
    ]


def _measures(text: str) -> list[str]:
    low = fold(text)
    return [mid for mid, pattern in _measure_patterns() if pattern.search(low)]


def _targets(text: str) -> list[str]:
    return [f"{m.group('value')}% {m.group('what').strip()}" for m in re.finditer(cues()["target_pattern"], text)]


def _default_implementers(doc: Document, lexicon: Lexicon) -> list[AgencyMention]:
    c = cues()
    for section in doc.sections:
        if section.role != "organisation":
            continue
        for entry in section.children:
            if entry.kind not in _WORK:
                continue
            text = " ".join([entry.text, _body_text(entry)] + [ch.text for ch in entry.children if ch.kind in _WORK])
            for m in re.finditer(c["implementer_cue"], text):
                before = text[max(0, m.start() - 30) : m.start()].split()
                if c["implementer_not_after"] in [w.lower() for w in before[-3:]]:
                    continue
                actors = read_actors(entry.text, lexicon)
                if actors.leads:
                    return actors.leads
    return []


# --- reporting -------------------------------------------------------------------------------------


def _reporting(task: Task, lexicon: Lexicon) -> list[Reporting]:
    c = cues()["reporting"]
    text = f"{task.text} {task.timeframe or ''}"
    out: list[Reporting] = []
    if not re.search(r"báo cáo", text, re.I):
        return out
    low = fold(text)
    # where the report goes: "về X", or directly "báo cáo X"; "(qua X)" or "gửi về X để tổng hợp"
    to = via = None
    for m in re.finditer(r"báo cáo", text, re.I):
        after = text[m.end():]
        for agency in find_agencies(after[:200]):
            lead_in = after[: agency.start]
            if re.search(r"\(\s*qua\s*$", lead_in, re.I):
                continue
            if re.search(r"(?:^\s*|về\s*|lên\s*|cho\s*)$", lead_in) and "(" not in lead_in[-3:]:
                to = agency.name
                break
        if to:
            break
    qm = re.search(r"\(\s*qua\s+([^)]+)\)", text, re.I)
    if qm:
        found = split_agencies(qm.group(1), lexicon)
        via = found[0].name if found else None
    # "gửi về X để tổng hợp, báo cáo Y": X compiles, Y receives
    gm = re.search(r"gửi về\s+(.+?)\s+để tổng hợp,?\s*(?:báo cáo\s+)?(.*)$", text, re.I)
    if gm:
        found = split_agencies(gm.group(1), lexicon)
        if found:
            via = found[0].name
        onward = find_agencies(gm.group(2)[:120])
        if onward and onward[0].start < 5:
            to = onward[0].name
    frequency = None
    for f in c["frequencies"]:
        if re.search(f["pattern"], low):
            frequency = f["frequency"]
            break
    reporter = "; ".join(task.lead) or "?"
    deadlines = deadlines_in(text)
    for d, pos in deadlines:
        # the frequency cue nearest before the deadline governs it ("báo cáo 6 tháng trước ngày 05/6")
        window = fold(text[max(0, pos - 40) : pos])
        nearest = -1
        freq = frequency
        for f in c["frequencies"]:
            for m in re.finditer(f["pattern"], window):
                if m.end() > nearest:
                    nearest, freq = m.end(), f["frequency"]
        out.append(Reporting(reporter, to, via, d, freq, task.path, task.line, task.quote))
    if not deadlines and (to or frequency):
        out.append(Reporting(reporter, to, via, None, frequency, task.path, task.line, task.quote))
    if re.search(c["ad_hoc"], low) and (to or via):
        out.append(Reporting(reporter, to, via, None, "ad hoc", task.path, task.line, task.quote))
    return out

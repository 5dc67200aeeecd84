"""Agency mentions -> the document's agency records, in one stage.

The extractors hand over what they found as mentions (a name, its kind, the level and place
the text gave). Here each becomes an `AgencyRef` with its jurisdiction and a stable key
(`ids.agency_key`); tasks, reporting obligations, the issuer, the recipients and the
members of collectives then hold keys. Nothing downstream matches names again.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .agencies import AgencyMention, Lexicon, collective_members, find_agencies, level_unit, listed_units, names_a_kind, shown_name, split_agencies, tier_name, written_name
from .ids import NATIONAL, agency_key
from .jurisdiction import Jurisdiction
from .models import AgencyRef, Document, Reporting, Task
from .rules import cues, fold, gazetteer


def jurisdiction_of(mention: AgencyMention, where: Jurisdiction) -> str | None:
    """The place an agency belongs to: named in the text, implied by its level, or the issuer's."""
    entry = gazetteer().lookup(mention.entry) if mention.entry else None
    if (entry is not None and entry.national) or mention.kind == "central_government":
        return NATIONAL
    if mention.place:
        return mention.place
    if mention.level:
        return where.place_for_level(level_unit(mention.level)) or where.place
    if mention.kind == "department":
        return where.province or where.place
    return where.place or where.province


def _place_level(mention: AgencyMention, place: str | None, where: Jurisdiction) -> str | None:
    """The level of the place an agency belongs to, where the text or the issuer tells it."""
    if place and place == where.place:
        return where.place_level
    if mention.level:
        return cues()["issuer_levels"].get(listed_units(mention.level)[0])
    return None


@dataclass
class AgencyTable:
    """The agencies of one document, each added once."""

    where: Jurisdiction
    lexicon: Lexicon
    refs: dict[str, AgencyRef] = field(default_factory=dict)
    spellings: dict[str, Counter[str]] = field(default_factory=dict)

    def add(self, m: AgencyMention, name: str | None = None) -> str:
        """The key of the body a mention names (`name`: the name a task shows it by); each
        mention counts one spelling of it (`records` picks the document's)."""
        written = written_name(m, self.lexicon) if name is None or name == shown_name(m, self.lexicon) else name
        # a tier's bodies are one agency whichever units the text lists; the text's list stays as written
        name = tier_name(name or m.name, m.level)
        place = jurisdiction_of(m, self.where)
        key = agency_key(name, place, self.where.province, _place_level(m, place, self.where))
        if key not in self.refs:
            self.refs[key] = AgencyRef(name, m.kind, place, m.known, m.generic, key=key)
        elif m.known and not self.refs[key].known:
            # first met as a collective's member, then named as the gazetteer knows it
            self.refs[key].kind, self.refs[key].known = m.kind, True
        self.spellings.setdefault(key, Counter())[written] += 1
        return key

    def records(self) -> list[AgencyRef]:
        """The agencies, each written as its document writes it most often (the first on a tie)."""
        for key, counts in self.spellings.items():
            self.refs[key].written = counts.most_common(1)[0][0]
        return list(self.refs.values())


@dataclass
class Resolved:
    tasks: list[Task]
    reporting: list[Reporting]
    agencies: list[AgencyRef]
    issuer_key: str | None
    recipient_keys: list[str]


def resolve(
    tasks: list[tuple[Task, dict[str, AgencyMention]]],
    reporting: list[tuple[Reporting, dict[str, AgencyMention]]],
    doc: Document,
    where: Jurisdiction,
    lexicon: Lexicon,
) -> Resolved:
    """Tasks and reporting name agencies by the names their mentions gave; return them
    holding keys, with the table of agencies those keys point to."""
    table = AgencyTable(where, lexicon)
    issuer_key = None
    if where.issuer_name:
        issuer_key = table.add(AgencyMention(where.issuer_name, where.issuer_kind or "other", where.issuer_name, 0, 0, place=where.place))

    def keys(names: list[str], mentions: dict[str, AgencyMention]) -> list[str]:
        out = []
        for name in names:
            m = mentions.get(name) or AgencyMention(name, "collective_group", name, 0, 0, known=False)
            out.append(table.add(m, name))
        return list(dict.fromkeys(out))

    for task, mentions in tasks:
        task.lead = keys(task.lead, mentions)
        task.support = [k for k in keys(task.support, mentions) if k not in task.lead]
        task.supervise = keys(task.supervise, mentions)
        task.others = keys(task.others, mentions)
    for report, mentions in reporting:
        report.reporters = keys(report.reporters, mentions)
        report.to = keys([report.to], mentions)[0] if report.to else None
        report.via = keys([report.via], mentions)[0] if report.via else None

    recipients: list[str] = []
    for line in doc.recipients:
        text = re.sub(rf"^{cues()['recipients_filing']}.*$", "", line.text)
        for m in split_agencies(text.replace(" - ", "; "), lexicon):
            if m.known or m.kind != "collective_group" or names_a_kind(m.name):
                recipients.append(table.add(m))

    # collectives the text defines ("gọi chung là …"): the group and its members
    for canonical in lexicon.collectives.values():
        if not fold(canonical).startswith("các "):
            continue  # the short name of one body ("gọi tắt là Ban Chỉ đạo"), not a group
        group_key = next((k for k, a in table.refs.items() if fold(a.name) == fold(canonical)), None)
        if group_key is None:
            continue
        group = table.refs[group_key]
        group.kind = "collective_group"
        # "(gọi chung là các cơ quan, đơn vị, tổ chức, địa phương)": an umbrella for everyone the
        # plan addresses is as vague as the phrase it abbreviates, however many members it lists
        group.generic = group.generic or any(c.generic for c in collective_members(canonical, lexicon))
        for member in lexicon.members.get(canonical, ()):
            group.members.append(table.add(_member_mention(member)))
    return Resolved(
        [t for t, _ in tasks],
        [r for r, _ in reporting],
        table.records(),
        issuer_key,
        list(dict.fromkeys(recipients)),
    )


def _member_mention(name: str) -> AgencyMention:
    """A member a definition lists, of the kind and level its name gives (not counted as a body
    the text names: it is named only inside the definition)."""
    found = find_agencies(name)
    if found and found[0].start == 0:
        return AgencyMention(name, found[0].kind, name, 0, 0, level=found[0].level, known=False)
    return AgencyMention(name, "collective_group", name, 0, 0, known=False)

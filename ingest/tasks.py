"""Tasks, roles, timeframes, deadlines and reporting obligations, read off the document tree.

A task is a work-stating item of the content or organisation parts (or of an article that
assigns execution) that has no work-stating items below it. Who does it comes from the
language of assignment, in this order:
- `Cơ quan thực hiện/chủ trì` and `Cơ quan phối hợp` lines (and the columns of a task
  table), its own or those of siblings it shares them with;
- its own clauses: a clause that opens with an agency list names its actors ("Sở Tư pháp
  tham mưu …", "Giao Công an tỉnh chủ trì …", "Đề nghị Ủy ban MTTQ …" — requested), after any
  opening adverbial ("Căn cứ kế hoạch này, …"); an actor whose predicate is a bare "phối hợp
  …" with no partner helps (support), one that "giám sát" supervises;
- the entry it sits under when the entry's heading names agencies ("1. Công an tỉnh",
  "5. Các sở, ban, ngành và UBND các xã, phường", "Đề nghị …:");
- an "Đối với X" heading, and last the entry that carries out "Kế hoạch này".
Partners come after "phối hợp (chặt chẽ) (với)". Catch-all groups ("các cơ quan, đơn vị có
liên quan") are kept apart from the roles.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache

from .agencies import (
    CAPITALS,
    AgencyMention,
    Lexicon,
    elliptic_place,
    ends_in_abbreviated_level,
    expand_enumerations,
    find_agencies,
    is_catch_all,
    is_generic_head,
    is_plural,
    joined_groups,
    joined_part,
    known_place_after,
    looks_like_agency,
    name_closing_regex,
    name_own_units,
    names_the_public,
    not_agencies_regex,
    opens_with_subject,
    place_qualifier_regex,
    predicate_regex,
    provision_tail,
    public_persons_regex,
    public_regex,
    same_level,
    shown_name,
    split_agencies,
    stacked_titles,
    strip_plural,
    without_the_public,
)
from .citations import cited_document_spans
from .models import Attachment, Document, Node, Reporting, Task
from .rules import alternation, cues, fold, level_words, measures
from .structure import LIST_KINDS, SILENT_ROLES, notice_closing, promulgated_in_annex, promulgating, section_role, work_words

_WORK = LIST_KINDS
_HEADS = ("section", "chapter", "part", "subsection", "article")


@dataclass
class Actors:
    leads: list[AgencyMention] = field(default_factory=list)
    supports: list[AgencyMention] = field(default_factory=list)
    supervisors: list[AgencyMention] = field(default_factory=list)
    generic: list[AgencyMention] = field(default_factory=list)  # catch-alls named as actors or partners
    requested: bool = False
    subject_end: int = 0  # where the first clause's predicate starts (0: no subject)
    first_is_subject: bool = False
    assigned: bool = False  # the first clause opens "Giao …", "Chỉ đạo …", "Yêu cầu …": someone directs
    directs: bool = False  # … "Chỉ đạo …" (cues.yaml: predicates.direct, not delegate): the bodies it names are directed


@dataclass
class _Ctx:
    leads: list[AgencyMention] = field(default_factory=list)
    supports: list[AgencyMention] = field(default_factory=list)
    timeframe: list[str] = field(default_factory=list)
    requested: bool = False
    about: list[AgencyMention] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)
    partners: list[AgencyMention] = field(default_factory=list)  # of `supports`: the heading's lead's partners
    given: bool = False  # the leads are those a heading gives work to ("Giao Sở X chủ trì … có trách nhiệm:")
    parts_of_work: bool = False  # the items are parts of the heading's own sentence of work ("a. Các thôn tổ chức …;")

    def under(self, heading: str) -> _Ctx:
        """What the items under `heading` inherit: a copy, the heading added."""
        return replace(self, leads=list(self.leads), supports=list(self.supports), timeframe=list(self.timeframe), about=list(self.about),
                       headings=[*self.headings, heading], partners=list(self.partners))


# --- clause reading ------------------------------------------------------------------------------


def _is_noun_tochuc(text: str, start: int, end: int) -> bool:
    c = cues()
    before = text[:start].rstrip().lower()
    after = text[end:].lstrip().lower()
    if after.startswith(",") and predicate_regex().match(after[1:].lstrip()):
        return False  # "Tổ chức, củng cố …": one of a list of verbs
    if any(before.endswith(b) for b in c["noun_tochuc_before"]) or any(after.startswith(a) for a in c["noun_tochuc_after"]):
        return True
    return not before and _duty_after_tochuc().match(text, end) is not None


@cache
def _duty_after_tochuc() -> re.Pattern[str]:
    """A clause's opening "Tổ chức" is whom the duty is for when the duty's own predicate comes
    a few words on (cues.yaml: noun_tochuc_duty_after)."""
    c = cues()["noun_tochuc_duty_after"]
    return re.compile(rf"(?:\s+[\wÀ-ỹ&-]+){{1,{int(c['within_words'])}}}?\s+(?:{alternation(c['predicates'])})(?![\wÀ-ỹ])", re.I)


def predicate_start(text: str, protected: list[tuple[int, int]] | None = None) -> int:
    """Where the predicate begins: the first stop word outside an agency name."""
    if protected is None:
        protected = [(a.start, a.end) for a in find_agencies(text)]
    rx = predicate_regex()
    pos = 0
    # searched again after each refusal, not iterated: a refused stop word that runs past a
    # name ("doanh nghiệp viễn | thông báo | đảm") must not hide the next one ("báo đảm")
    while m := rx.search(text, pos):
        pos = m.start() + 1
        inside = next((e for s, e in protected if s <= m.start() < e), None)
        if inside is not None:
            pos = max(pos, inside)
            continue
        if m.start() > 0 and m.group(0)[:1].isupper() and not _capitalised_verb(text, m.start(), m.end(), protected):
            continue  # mid-sentence a capital starts a name ("Ban Chỉ đạo"), not a verb
        if m.group(0).lower() == "tổ chức" and _is_noun_tochuc(text, m.start(), m.end()):
            continue
        if _stop_word_noun().search(text, 0, m.end()):
            continue  # "… công trình điện lực": the stop ends a noun
        if _clause_words().field_preposition.search(text, 0, m.start()):
            continue  # "Cơ quan chuyên môn về | xây dựng": the field a body is named for, no verb
        if _clause_words().service_after.match(text, m.end()) and _openers().head_noun.fullmatch(strip_plural(text[: m.start()].strip(), whole=True)):
            continue  # "Cơ sở | thực hiện dịch vụ thu gom …": the service a body is named by, no verb
        if _clause_words().passive.search(text, 0, m.start()):
            continue  # "Các đơn vị được | lựa chọn quan trắc …": a passive names the body, no verb
        negated = _clause_words().negation.search(text, 0, m.start())
        if negated and not negated.group("noun"):
            return negated.start()
        adverb = _predicate_adverb().search(text, 0, m.start())
        return adverb.start() if adverb else m.start()
    return len(text)


@cache
def _predicate_adverb() -> re.Pattern[str]:
    """An adverb right before the predicate's first word is the predicate's ("Hội đồng | chỉ họp
    khi …", "các đơn vị | đều thực hiện …"; cues.yaml: predicate_adverbs), ending where the text searched ends."""
    return re.compile(rf"(?<![\wÀ-ỹ])(?:{alternation(cues()['predicate_adverbs'])})\s+$", re.I)


@cache
def _stop_word_noun() -> re.Pattern[str]:
    """A noun that ends in a predicate stop, ending where the text searched ends (cues.yaml: stop_word_nouns)."""
    return re.compile(rf"(?<![\wÀ-ỹ])(?:{alternation(cues()['stop_word_nouns'])})$", re.I)


def _capitalised_verb(text: str, start: int, end: int, protected: list[tuple[int, int]]) -> bool:
    """A capitalised stop word that is a verb all the same: it follows a closed name or a word in
    lower case and a word in lower case follows it ("Thủ trưởng cơ quan ngang bộ | Tập trung chỉ
    đạo …", as a writer who began the duty on a line of its own wrote it) — not a name's word
    ("Sở Xây dựng", "Ban Tổ chức Tỉnh ủy")."""
    if not _lower_word_follows(text[end:]) or (text[start:end].lower() == "tổ chức" and _is_noun_tochuc(text, start, end)):
        return False
    before = text[:start].rstrip()
    closed = any(e == len(before) for _, e in protected)
    return closed or bool(re.search(r"(?<!\S)[a-zà-ỹđ]+$", before))


def _lower_word_follows(rest: str) -> bool:
    return bool(re.match(r"\s+[a-zà-ỹđ]", rest))


@dataclass(frozen=True)
class _Grammar:
    """The role-bearing words of cues.yaml, compiled once."""

    copula: re.Pattern[str]
    qualifier: re.Pattern[str]
    place_first: re.Pattern[str]  # "ở …", "tại …" between a body's name and its verb
    entitlement: re.Pattern[str]
    granted: re.Pattern[str]
    norm: re.Pattern[str]  # "thực hiện theo quy định": a status, unless a topic names the work
    lead: re.Pattern[str]
    lead_alone: re.Pattern[str]  # "chủ trì" and nothing after it
    support_alone: re.Pattern[str]  # "phối hợp (thực hiện)" and nothing after it
    support_tail: re.Pattern[str]  # … ending a clause
    carry_out_alone: re.Pattern[str]  # "thực hiện" and nothing after it
    role_piece: re.Pattern[str]
    support: re.Pattern[str]
    supervise: re.Pattern[str]
    joins: re.Pattern[str]  # "tham gia phối hợp với …": helps, a partner named or not
    supervise_also: re.Pattern[str]
    delegate: re.Pattern[str]
    direct: re.Pattern[str]
    directing: re.Pattern[str]
    joiner: re.Pattern[str]
    separator: re.Pattern[str]
    owner_after: re.Pattern[str]
    owner_unit: re.Pattern[str]  # "… | Bệnh viện" before the verb: the body a board belongs to
    owner_before: re.Pattern[str]
    related: re.Pattern[str]  # "… liên quan | đến lĩnh vực …": what a catch-all group relates to
    related_tail: re.Pattern[str]  # a subject that ends with the qualifier


@cache
def _grammar() -> _Grammar:
    c = cues()
    pr = c["predicates"]
    end = r"(?![\wÀ-ỹ])"
    joiners = alternation(c["list_joiners"])
    owners = alternation(c["owner_words"])
    ent = c["entitled_items"]
    opens = alternation(ent["opens"])
    # (a part played "của" a body and no more is what the body is: "Sở Nội vụ là cơ quan thường
    # trực của Hội đồng Thi đua - Khen thưởng tỉnh.")
    duty = rf"(?:{alternation(pr['duty_copula'])})(?=\s*,|\s+(?!của(?![\wÀ-ỹ]))[\wÀ-ỹ])"
    not_power = rf"(?!(?:{alternation(pr['not_power'])}){end}|{duty})"
    # "phối hợp (thực hiện)" and nothing after it: a helper's part alone
    helps = rf"(?:{alternation(pr['support'])})(?:\s+(?:{alternation(pr['carry_out'])}))?\W*$"
    return _Grammar(
        # a norm that introduces items ("… thực hiện nhiệm vụ, quyền hạn theo quy định tại Nghị
        # định …, cụ thể như sau:") gives them their body: only a norm that ends the sentence is one
        # (negated as well: "Vụ | không có tư cách pháp nhân" says what it is not)
        copula=re.compile(rf"^(?:(?:{alternation(c['clause_words']['negations'])})\s+)?(?:{not_power}(?:{alternation([*pr['copula'], *pr['power']])}){end}|(?:{alternation(pr['norm'])}){end}(?![^:]*:\s*$))", re.I),
        qualifier=re.compile(rf"^(?:{alternation(pr['qualifier'])})(?:\s*\([^()]*\))?\W*$", re.I),
        place_first=re.compile(rf"(?:{alternation(pr['place_first'])})\s", re.I),
        entitlement=re.compile(rf"^\W*(?!(?:{opens})\s+(?:[^,;.]{{0,40}}?\s)?(?:{alternation(ent['work_given'])}){end})(?:{opens}){end}", re.I),
        # "Doanh nghiệp … đáp ứng điều kiện … được hỗ trợ, ưu đãi sau:": whom the items below benefit
        granted=re.compile(rf"(?<![\wÀ-ỹ]){not_power}(?:{alternation(pr['power'])})(?:[\s,]+[\wÀ-ỹ]+){{0,4}}\s*:\s*$", re.I),
        norm=re.compile(rf"^(?:{alternation(pr['norm'])}){end}", re.I),
        lead=re.compile(rf"^(?:{alternation(pr['lead'])}){end}", re.I),
        lead_alone=re.compile(rf"^(?:{alternation(pr['lead'])})\W*$", re.I),
        support_alone=re.compile(rf"^{helps}", re.I),
        support_tail=re.compile(rf"(?<![\wÀ-ỹ]){helps}", re.I),
        carry_out_alone=re.compile(rf"^(?:{alternation(pr['carry_out'])})\W*$", re.I),
        # a comma, or a marker of the agent after one, before bodies set off with their role
        # (`_role_pieces`)
        role_piece=re.compile(rf"(?:^|,\s+)(?P<marker>(?:{alternation(pr['agent_markers'])})\s+)?", re.I),
        support=re.compile(rf"^(?:{alternation(pr['support'])}){end}", re.I),
        joins=re.compile(rf"^(?:{alternation(pr['joins'])}){end}", re.I),
        supervise=re.compile(rf"^(?:{alternation(pr['supervise'])}){end}", re.I),
        supervise_also=re.compile(rf"(?<![\wÀ-ỹ])(?:và|,)\s*(?:{alternation(pr['supervise'])}){end}", re.I),
        delegate=re.compile(rf"^\s*(?:{alternation(pr['delegate'])})\s+", re.I),
        direct=re.compile(rf"(?<![\wÀ-ỹ])(?:{alternation(pr['direct'])})\s+(.+?)\s+(?:{alternation(pr['carry_out'])}){end}.*:\s*$", re.I),
        # an item that opens by directing bodies ("Chỉ đạo các Ban Quản lý dự án …"), not by
        # handing them work as the issuer does ("Giao …")
        directing=re.compile(rf"^\W*(?:{alternation([w for w in pr['direct'] if w not in pr['delegate']])})\s", re.I),
        joiner=re.compile(rf"\s*(?:(?:{joiners})\s+)?"),
        separator=re.compile(rf"\s*(?:[,;]\s*(?:và\s+)?|\s+(?:{joiners})\s+|/(?=[{CAPITALS}]))"),
        owner_after=re.compile(rf"\s+(?:{owners})\s+"),
        owner_unit=re.compile(rf"\s+(?:{alternation(c['owners_after_bodies'])})(?=\s)"),
        owner_before=re.compile(rf"(?<![\wÀ-ỹ])(?:{owners})\s+$"),
        related=re.compile(rf"^\s*(?P<qual>(?:{alternation(pr['related_qualifiers'])})\s+)?(?:{alternation(pr['related'])}){end}", re.I),
        related_tail=re.compile(rf"(?<![\wÀ-ỹ])(?:{alternation(pr['related_qualifiers'])})\s*$", re.I),
    )


@dataclass(frozen=True)
class _ClauseWords:
    """The small words of a clause read around agency names (cues.yaml: clause_words), compiled once."""

    member_break: re.Pattern[str]  # where an unnamed member of a list ends: punctuation or a conjunction
    bare_member: re.Pattern[str]  # a few lower-case words up to the next member
    list_goes_on: re.Pattern[str]  # after a name, the list continues
    request_within: re.Pattern[str]
    own_initiative: re.Pattern[str]  # "… chủ động | đề nghị X": the sentence's own bodies propose
    member_list: re.Pattern[str]
    case_list: re.Pattern[str]  # "… trong những trường hợp sau đây:": the items are cases
    example: re.Pattern[str]  # "Ví dụ: Sở AH sẽ có …": an illustration, no duty
    not_a_verb: re.Pattern[str]
    negation: re.Pattern[str]  # "… không |" before the verb: the negation begins the predicate
    channel_or_unit: re.Pattern[str]
    grade: re.Pattern[str]
    purpose: re.Pattern[str]
    scope: re.Pattern[str]
    duty_of: re.Pattern[str]
    led_topic: re.Pattern[str]
    role_label: re.Pattern[str]
    role_words: re.Pattern[str]  # the words of a role label, one after another
    appendix_only: re.Pattern[str]
    appendix_pointer: re.Pattern[str]
    partner_preposition: re.Pattern[str]
    member_joiner: re.Pattern[str]
    field_preposition: re.Pattern[str]  # "… về |": what follows names a body's field
    service_field: re.Pattern[str]  # "… dịch vụ thu gom |, vận chuyển": a service's activities go on
    service_after: re.Pattern[str]  # "Cơ sở thực hiện | dịch vụ …": a service follows the verb
    passive: re.Pattern[str]  # "… được |" before a verb: what was done to the body names it


def _duty_heading_regex(words: dict[str, list[str]]) -> re.Pattern[str]:
    """"Trách nhiệm của", "Nhiệm vụ, quyền hạn của", "Quyền và nghĩa vụ của": a duty word, with the
    powers or rights the heading names beside it, before or after (cues.yaml: clause_words.duty_of)."""
    duties, powers = alternation(words["duties"]), alternation(words["with"])
    joined = r"(?:\s*,\s*|\s+và\s+)"
    # "Yêu cầu đối với cơ sở xử lý chất thải": what a body must meet, only with its preposition
    # ("Yêu cầu Sở Y tế …" is a request)
    of, demands, towards = alternation(words["of"]), alternation(words["demands"]), alternation(words["towards"])
    return re.compile(rf"^(?:(?:{powers}){joined})*(?:{duties})(?:{joined}(?:{duties}|{powers}))*\s+(?:(?:{of})\s+)?|^(?:{demands})\s+(?:{towards})\s+", re.I)


def _holder_preposition(duty: re.Match[str]) -> str | None:
    """The preposition a duty heading ends in before whom it binds: "of" ("Trách nhiệm của") or
    "towards" ("Yêu cầu đối với"); None for a heading that names no holder ("Nhiệm vụ")."""
    w = cues()["clause_words"]["duty_of"]
    said = fold(duty.group(0)).rstrip()
    return next((kind for kind in ("of", "towards") if said.endswith(tuple(fold(x) for x in w[kind]))), None)


@cache
def _clause_words() -> _ClauseWords:
    w = cues()["clause_words"]
    end = r"(?![\wÀ-ỹ])"
    request, scope, appendix = w["request_within"], w["scope"], w["appendix"]
    conjunction = alternation(w["conjunctions"])
    return _ClauseWords(
        member_break=re.compile(rf"[,;:(]|\s+(?:{conjunction})\s+"),
        bare_member=re.compile(rf"([a-zà-ỹđ][\wÀ-ỹ]*(?:\s+[a-zà-ỹđ][\wÀ-ỹ]*){{0,3}})(?=\s*(?:[,;]|\s+(?:{conjunction})\s|$))"),
        list_goes_on=re.compile(rf"\s*(?:[,;]|(?:{conjunction})\s)"),
        request_within=re.compile(
            rf"(?<=[\wÀ-ỹ)])[\s,]+(?P<verb>{alternation(request['verbs'])})\s+(?!{alternation(request['not_before'])})", re.I
        ),
        own_initiative=re.compile(rf"(?<![\wÀ-ỹ])(?:{alternation(request['own_initiative'])})[\s,]*$", re.I),
        member_list=re.compile(rf"(?<![\wÀ-ỹ])(?:{alternation(w['member_lists'])}){end}\s*:?", re.I),
        case_list=re.compile(rf"(?<![\wÀ-ỹ])(?:{alternation(w['case_lists'])})\s*:\s*$", re.I),
        example=re.compile(rf"(?:{alternation(w['examples'])})\s*:", re.I),
        not_a_verb=re.compile(rf"^(?:{alternation(w['not_a_verb'])}){end}"),
        negation=re.compile(
            rf"(?<![\wÀ-ỹ])(?P<noun>(?:{alternation(n.split()[0] for n in w['negation_nouns'])})\s+)?(?:{alternation(w['negations'])})\s+$"
        ),
        channel_or_unit=re.compile(rf"\s*\((?!\s*(?:{alternation(w['channels'])})\b)[^()]{{0,120}}\)"),
        grade=re.compile(rf"(?:các\s+)?cấp\s+(?:{alternation(w['grades'])}){end}"),
        purpose=re.compile(rf"\s+(?:{alternation(w['purpose'])})\s+"),
        scope=re.compile(
            rf"^(?:(?:{alternation(scope['prepositions'])})\s+)?(?:(?:{alternation(scope['nouns'])})(?:\s+(?:{alternation(scope['modifiers'])}))?"
            rf"(?:\s+(?:{alternation(scope['qualifiers'])}))?[,\s]*(?:và\s+)?)+"
        ),
        duty_of=_duty_heading_regex(w["duty_of"]),
        led_topic=re.compile(
            rf"(?:các\s+)?(?i:{alternation(w['led_topics']['topics'])})\s+(?P<body>[{CAPITALS}].+?)\s+"
            rf"(?:(?:{alternation(cues()['responsibility_predicates'])})\s+)?(?:{alternation(w['led_topics']['verbs'])})"
        ),
        role_label=re.compile(rf"\s+[-–]\s+(?=(?i:{alternation(w['role_words'])}))"),
        role_words=re.compile(rf"(?:\s*(?i:{alternation(w['role_words'])}){end})+"),
        appendix_only=re.compile(rf"\(.*(?:{alternation([appendix['name'], appendix['attached']])}).*\)\.?", re.I),
        appendix_pointer=re.compile(rf"{alternation([appendix['name']])}[^.]*{alternation([appendix['attached']])}", re.I),
        partner_preposition=re.compile(rf"(?:{alternation(w['partner_preposition'])})[\s,:]*$", re.I),
        member_joiner=re.compile(rf"^(?:{alternation(w['member_joiners'])})\s+", re.I),
        # "… về |", and "… về nông nghiệp và |": the field goes on through its own "và"
        field_preposition=re.compile(rf"(?<![\wÀ-ỹ])(?:{alternation(w['field_prepositions'])})\s+(?:(?:[a-zà-ỹđ]+\s+){{1,4}}(?:{alternation(w['member_joiners'])})\s+)?$"),
        service_field=re.compile(rf"(?<![\wÀ-ỹ])(?:{alternation(w['service_nouns'])})(?:\s+[a-zà-ỹđ]+){{1,3}}$"),
        passive=re.compile(rf"(?<![\wÀ-ỹ])(?:{alternation(w['passive_markers'])})\s+$"),
        service_after=re.compile(rf"\s+(?:{alternation(w['service_nouns'])})(?![\wÀ-ỹ])", re.I),
    )


@cache
def _opener_regex(*groups: str) -> re.Pattern[str]:
    """An opening adverbial of cue groups up to its comma, before a clause's subject: "Căn cứ Kế
    hoạch này, …" (clause_openers), "Trong quý I của năm liền kề đánh giá, …" (time_openers)."""
    alts = alternation([w for g in groups for w in cues()[g]])
    if "clause_openers" in groups:
        # "Trong 03 ngày làm việc kể từ ngày nhận được kiến nghị, Sở …": a time limit counted in days
        alts += rf"|(?:{alternation(cues()['counted_openers'])})\s+\d+"
    return re.compile(rf"^(?:{alts})(?![\wÀ-ỹ])[^,;:]{{0,90}}?,\s*", re.I)


@cache
def _condition_regex(by_comma: bool = False) -> re.Pattern[str]:
    """A condition up to the "thì" that closes it, before a clause's subject (cues.yaml:
    condition_openers): "Nếu người qua đời không có gia đình … thì Ủy ban nhân dân cấp xã …";
    `by_comma`: up to the first comma a capital follows, for a condition written without "thì"."""
    c = cues()["condition_openers"]
    close = rf",\s+(?=(?-i:[{CAPITALS}]))" if by_comma else rf"\s(?:{alternation(c['then'])})\s+"
    # a long condition lists what it is founded on ("Đối với dự án … mà cần có chính sách đặc thù
    # …, căn cứ vào dự án đầu tư đã được Quốc hội quyết định, … thì cơ quan …": 270 letters)
    return re.compile(rf"^(?:{alternation(c['heads'])})(?![\wÀ-ỹ])[^;:.]{{0,320}}?{close}", re.I)


@cache
def _bare_adverbial_regex() -> re.Pattern[str]:
    """An opening adverbial in lower-case words up to the capital that starts the subject, or
    an adverb of frequency alone ("Hằng năm Bộ Quốc phòng …")."""
    alts = "|".join(cues()["bare_clause_openers"])
    return re.compile(rf"^(?:(?i:{alts})(?:\s+(?P<last>[a-zà-ỹđ][\wà-ỹđ]*)){{1,8}}|(?i:{alternation(cues()['time_adverbs'])}))\s+(?=[{CAPITALS}])")


@cache
def _topic_regex() -> re.Pattern[str]:
    """"Về <topic>: " before the sentence that assigns (cues.yaml: topic_openers). A topic may
    hold semicolons when a sentence opens after its colon ("Về đề nghị các bộ, ngành … thẩm
    quyền; hoàn thiện quy trình …: Ủy ban nhân dân thành phố … cần tiếp tục …")."""
    return re.compile(rf"^(?i:{alternation(cues()['topic_openers'])})\s(?:[^:;]{{3,400}}?|[^:]{{3,600}}?(?=:\s+[{CAPITALS}])):\s+(?=\S)")


@cache
def _mood_regex() -> re.Pattern[str]:
    c = cues()
    req = alternation(c["request_cues"])
    giao = alternation(c["assignment_cues"])
    return re.compile(rf"^(?:(?P<req>{req})|(?P<giao>{giao}))\s*:?\s+", re.I)


def _after_topic(body: str, lexicon: Lexicon) -> tuple[int, int] | None:
    """"Thực hiện mở tài khoản và phát hành thẻ: Ủy ban nhân dân xã, phường phối hợp …": a topic,
    then the sentence that says who does it (its verb one the cues know) — (where that sentence
    starts, where its subject ends in it)."""
    label = re.match(rf"^([^:;]{{3,100}}?):\s+(?=[{CAPITALS}])", body)
    if not label or len(label.group(1).split()) > 20 or find_agencies(label.group(1)):
        return None
    after, start = body[label.end() :], label.end()
    adv_after = _opener_regex("clause_openers").match(after)
    if adv_after:
        # "Thực hiện chi trả …: Sau khi thực hiện mở tài khoản, Ủy ban nhân dân xã …"
        skip = _after_adverbial(after, adv_after.end(), lexicon)
        after, start = after[skip:], start + skip
    inner = subject_end(after, lexicon)
    return (start, inner) if inner and predicate_regex().match(after[inner:].lstrip(" ,:-–")) else None


def _sentence_ends(text: str, i: int) -> bool:
    """A full stop ends a sentence unless a number holds it ("1.2"), an abbreviation does, or the
    text goes on in lower case ("FPT Telecom... và các doanh nghiệp"). After a number and a space it ends one
    ("… ngày 27 tháng 11 năm 2025. Bộ Tài chính chịu trách nhiệm …")."""
    if i + 1 == len(text):
        return True
    if text[i + 1] != " " or ends_in_abbreviated_level(text[:i]):
        return False  # "UBND TP. Hà Nội": the level's abbreviation, then the place
    nxt = text[i + 1 :].lstrip()[:1]
    return not nxt.islower()


@cache
def _colon_assignment() -> re.Pattern[str]:
    words = alternation(cues()["colon_assignment_cues"])
    return re.compile(rf"^\s*(?:{words})\s", re.I)


def _assigns(rest: str) -> bool:
    """Does the text after a colon open a clause that gives work ("Về nguồn lực: Giao Bộ Y tế …",
    "…, bố trí đủ biên chế: giao Bộ Nội vụ chủ trì …": the body it names is capitalised)?"""
    cue = _colon_assignment().match(rest)
    if cue is None:
        return False
    return rest.lstrip()[:1].isupper() or rest[cue.end() :].lstrip()[:1].isupper()


@cache
def _inline_points() -> re.Pattern[str]:
    """A point's mark inside a paragraph, after a colon, a semicolon or a sentence's end."""
    return re.compile(rf"(?:^|(?<=[:;.]))\s*{cues()['clause_words']['inline_points']}\s+")


def _clauses(text: str) -> list[str]:
    """Sentences and `;`-separated clauses, and a topic's colon before "Giao …"; a parenthesis is
    not cut."""
    parts: list[str] = []
    depth = 0
    start = 0
    text = _inline_points().sub(";", text)
    for i, ch in enumerate(text):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and (ch == ";" or (ch == "." and _sentence_ends(text, i)) or (ch == ":" and _assigns(text[i + 1 :]))):
            topic = _topic_regex().match(text[start:]) if ch in ":;" else None
            if topic and start + topic.end() > i and ch == ";":
                continue  # "Về đề nghị …; hoàn thiện …: Ủy ban nhân dân …": the topic goes on
            if not (topic and start + topic.end() > i):
                parts.append(text[start:i])  # "Về đề nghị Chính phủ chỉ đạo …: giao …": a topic, no clause
            start = i + 1
    parts.append(text[start:])
    return [p.strip() for p in parts if p.strip()]


def _verb_of(predicate: str) -> str:
    """The predicate from its verb: where the body is may come first ("Chính quyền địa phương | ở
    đơn vị hành chính cấp xã trước sắp xếp tiếp tục hoạt động"; cues.yaml: predicates.place_first)."""
    return predicate[predicate_start(predicate) :] if _grammar().place_first.match(predicate) else predicate


def subject_of(clause: str, lexicon: Lexicon, issuers_mood: bool = True) -> tuple[list[AgencyMention], bool, int, str]:
    """(subject agencies, requested, where the predicate starts, the predicate) of one clause.

    The subject is the agency list the clause opens with, after an opening adverbial and a mood
    word (`Đề nghị`: requested, by the issuer unless `issuers_mood` is False; `Giao`: assigned)."""
    body = clause.strip()
    offset, conditioned = _opening_end(body, lexicon)
    body = body[offset:]
    requested = False
    mood = _mood_regex().match(body)
    if mood:
        requested = bool(mood.group("req"))
        offset += mood.end()
        body = body[mood.end():]
    person = _person_before_post().match(body)
    if person:
        offset += person.end()
        body = body[person.end():]
    # "Trường hợp mồ mả … phải di dời … thì đơn vị, tổ chức thực hiện nhiệm vụ bồi thường, hỗ trợ,
    # tái định cư | phối hợp với …": after a condition a described body runs to the act it is given
    description = _description(body, lexicon, conditioned)
    end, described = _named_subject_end(body, description, lexicon)
    topic = _after_topic(body, lexicon) if not end else None
    if topic:
        offset += topic[0]
        body, end = body[topic[0] :], topic[1]
        description = _description(body, lexicon)
    subject = body[:end].strip(" ,;:-–")
    predicate = body[end:].lstrip(" ,:-–")
    # a predicate opens with a word, not a quantity: "Bộ thẻ Commander (100 thẻ) | ~120 gram" is a
    # thing's weight
    # ("Công khai dự toán …: Phòng Kế toán | thực hiện theo quy định": after a topic, the work
    # named before the colon is given, done as the rules say — no status)
    stated = _grammar().copula.match(_verb_of(predicate)) and not (topic is not None and _grammar().norm.match(_verb_of(predicate)))
    if not subject or not predicate or re.match(r"[~≈=+%\d]", predicate) or _only_related(body[:end], predicate) or stated or _grammar().qualifier.match(predicate) or _grammar().granted.search(predicate):
        # a list with no predicate, "X là Y", "X gồm …": who is who, not who does what; "X có thẩm
        # quyền …", "X … được hỗ trợ, ưu đãi sau:": what X may do or receives, not work given
        return [], requested, 0, body
    if predicate[:1].isupper() and not re.match(r"\s*[:\-–]", body[end:]) and not _verb_after_subject(body, len(body) - len(predicate)):
        # "Thủ tướng Chính phủ Phạm Minh Chính": a person's name follows, not a verb ("Sở X:
        # Chủ trì …" still opens its duty with a capital after the colon)
        return [], requested, 0, body
    found = split_agencies(subject, lexicon)
    if mood and _encouraging(mood.group(0)) and all(m.kind == "collective_group" for m in found):
        return [], requested, 0, body  # "Khuyến khích các doanh nghiệp …": no body is given work
    if issuers_mood and requested and found and all(_is_the_issuer(m, lexicon) for m in found):
        return [], False, 0, body
    if described or _described_as_written(description, body[:end], found):
        found = [_described_body(m) for m in found]
    return found, requested, offset + end, body[end:]


def _is_the_issuer(mention: AgencyMention, lexicon: Lexicon) -> bool:
    """The mention names the text's own issuer: its body, at its level, in its place or none. No
    issuer requests itself: "Đề nghị Chủ tịch Ủy ban nhân dân tỉnh quyết định …" among a
    department's duties in the province's own text is the holder of the list proposing."""
    if not (lexicon.issuer and mention.entry and mention.level and mention.level == lexicon.own_level):
        return False
    return fold(lexicon.issuer).startswith(fold(mention.entry)) and mention.place in (None, lexicon.own_place)


def _named_subject_end(body: str, description: re.Match[str] | None, lexicon: Lexicon) -> tuple[int, bool]:
    """Where the subject ends, and whether the words that name it are a description or a term
    of the text rather than a list of bodies."""
    first_verb = subject_end(body, lexicon)
    end = _described_subject_end(body, first_verb, description, lexicon)
    regulated = _regulated_subject(body, lexicon)
    if regulated > end or (regulated and not _grammar().separator.search(body, regulated, end)):
        # a body the text applies to: "Cơ quan thẩm định giá | thông báo …"; its name ends where
        # the text names it, though a group read on would run over the verb ("Cơ quan sử dụng
        # công chức | xác định các điều kiện …")
        return regulated, True
    return end, end > first_verb


def _regulated_subject(body: str, lexicon: Lexicon) -> int:
    """Where a body the text applies to, named by what it does, ends if it opens the clause
    ("Tổ chức thu lệ phí | nộp 100% số tiền …"; `Lexicon.regulated`); 0 if none does."""
    m = _regulated_regex(lexicon.regulated).match(body) if lexicon.regulated else None
    return m.end() if m else 0


@lru_cache(maxsize=64)
def _regulated_regex(phrases: tuple[str, ...]) -> re.Pattern[str]:
    plural = alternation(cues()["quantifiers"]["plural"])
    return re.compile(rf"(?:(?:{plural})\s+)?(?:{alternation(phrases)})(?=\s+(?-i:[a-zà-ỹđ]))", re.I)


def _verb_after_subject(body: str, start: int) -> bool:
    """A capital after the subject that is its verb ("Sở Nội vụ Tập trung chỉ đạo …"), not a
    person's name ("Thủ tướng Chính phủ Phạm Minh Chính")."""
    verb = predicate_regex().match(body, start)
    return verb is not None and _capitalised_verb(body, start, verb.end(), [(a.start, a.end) for a in find_agencies(body)])


def _only_related(subject: str, predicate: str) -> bool:
    """"… các cơ quan, đơn vị thuộc thành phố liên quan | đến lĩnh vực …" and no verb after: whoever
    it concerns, no actor ("… liên quan tới việc thực hiện Kế hoạch này có trách nhiệm …" goes on
    to its verb)."""
    related = _grammar().related.match(predicate)
    if not related or not (related.group("qual") or _grammar().related_tail.search(subject)):
        return False
    rest = predicate[related.end() :].rstrip(" .;:")
    return predicate_start(rest) >= len(rest)


def _described_as_written(description: re.Match[str] | None, subject: str, found: list[AgencyMention]) -> bool:
    """"Đơn vị cung cấp dịch vụ đăng kiểm có trách nhiệm kê khai …": one body named by what it
    does — a head, its description (no verb the reading stopped at) running to the responsibility
    predicate; in the plural the bodies that do it ("Các cơ quan, đơn vị sử dụng ngân sách nhà
    nước có trách nhiệm …"); "Đơn vị liên quan" (a catch-all) stays vague."""
    if len(found) != 1 or not found[0].generic or is_catch_all(found[0]):
        return False
    if _bare_head(found[0].name):
        return False  # "Thủ trưởng đơn vị có trách nhiệm …": a head alone describes nothing
    return description is not None and description.end("subject") == len(subject.rstrip(" ,;:-–"))


def _names_other_bodies(subject: str, lexicon: Lexicon) -> bool:
    """A group after the first word of a subject ("… chỉ đạo | các cơ sở giáo dục")."""
    return any(is_plural(subject[m.end() :]) and _opens_with_agency(subject[m.end() :], lexicon) for m in re.finditer(r"\s+", subject.strip()))


def _opening_end(body: str, lexicon: Lexicon) -> tuple[int, bool]:
    """Where the clause proper starts: after a topic and its colon ("Về dự án …: …") and an
    opening adverbial ("Trên cơ sở …, ", "Trong quá trình thực hiện …"); and whether what opens
    it is a condition's "thì" (a described body there runs to the act it is given)."""
    topic = _topic_regex().match(body)
    offset = topic.end() if topic else 0
    rest = body[offset:]
    duty = _clause_words().duty_of.match(rest)
    if duty and _holder_preposition(duty) and subject_end(rest[duty.end() :], lexicon):
        # "Trách nhiệm của Sở Tư pháp hướng dẫn, tổ chức thực hiện …": a heading run into the duty
        return offset + duty.end(), False
    condition = _condition_regex().match(rest)
    if condition and (subject_end(rest[condition.end() :], lexicon) or _description(rest[condition.end() :], lexicon, True)):
        return offset + condition.end(), True
    closed = _condition_regex(by_comma=True).match(rest) if condition is None else None
    if closed and not find_agencies(rest[: closed.end()]) and subject_end(rest[closed.end() :], lexicon):
        # "trường hợp người dân, doanh nghiệp yêu cầu bản giấy, | Bộ phận Một cửa in …": no
        # "thì", the condition (naming no body: a list of bodies has commas and capitals too)
        # closed by the comma before the body named in capitals
        return offset + closed.end(), False
    bare = _bare_adverbial_regex().match(rest)
    adv = _opener_regex("clause_openers").match(rest)
    if bare and bare.group("last") not in cues()["object_prepositions"] and subject_end(rest[bare.end():], lexicon):
        # "Trong quá trình thực hiện Thủ trưởng các địa phương …": the comma left out
        return offset + bare.end(), False
    if adv:
        return offset + _after_adverbial(rest, adv.end(), lexicon), False
    time = _opener_regex("time_adverbs", "time_openers").match(rest)
    if time and not find_agencies(rest[: time.end()]) and subject_end(rest[time.end() :], lexicon):
        return offset + time.end(), False
    topic = _opener_regex("topic_openers_before_subject").match(rest)
    if topic and rest[topic.end() : topic.end() + 1].isupper() and not find_agencies(rest[: topic.end()]) and subject_end(rest[topic.end() :], lexicon):
        # the body named after the topic's comma in capitals: a comma in lower case goes on
        # listing what the topic is about ("Đối với các xã, | phường: …")
        return offset + topic.end(), False
    return offset, False


@cache
def _described_subject_regex(conditioned: bool = False) -> re.Pattern[str]:
    """An agency head, two to sixteen words that describe it (no role word first), then the
    responsibility predicate or an obligation (cues.yaml: described_body_heads, _roles, _obligations,
    responsibility_predicates) — or, in the clause a condition's "thì" opens, the act it is given
    (`conditioned`; cues.yaml: described_body_acts)."""
    c = cues()
    heads = alternation([*c["agency_heads"], *c["described_body_heads"]])
    roles = alternation(c["described_body_roles"])
    # a comma may join two words of one description ("Đơn vị cung cấp dịch vụ kiểm định, kiểm
    # tra"), not a second body's head ("Cơ quan, đơn vị được giao …")
    joined = rf",\s+(?!(?i:{heads}|{alternation(c['collectives']['generic'])})(?![\wÀ-ỹ]))(?=[a-zà-ỹđ])"
    # … but a role given with the work it names describes the body ("Cơ quan được giao | nhiệm vụ lập
    # chương trình, kế hoạch cấp tỉnh có trách nhiệm …"; cues.yaml: described_body_tasks)
    # ("Các cơ quan, đơn vị được giao nhiệm vụ | trong Kế hoạch …", "… được phân công nhiệm vụ | có
    # trách nhiệm": whichever bodies were given work, no name)
    tasks = c["described_body_tasks"]
    vague = alternation([*c["collectives"]["qualifier_words"], *tasks["not_after"]])
    tasked = rf"(?!\s+(?i:{alternation(tasks['nouns'])})\s+(?!(?i:{vague})(?![\wÀ-ỹ]))[a-zà-ỹđ])"
    # a bracket that lists the units a level stands for is a word of it ("cấp xã (phường, đặc khu)")
    description = rf"(?!\s+(?i:{roles})(?![\wÀ-ỹ]){tasked})(?:(?:\s+|{joined})(?:[^\s,;:()]+|\((?=[a-zà-ỹđ])[^()]{{1,40}}\))){{2,16}}?"
    # "Cơ quan, đơn vị thực hiện nội dung chi …", "Các cơ quan, tổ chức, đơn vị, doanh nghiệp trực
    # tiếp quản lý tài sản cố định …": several heads the description is of
    more = rf"(?:,\s+(?:và\s+)?(?i:{heads})(?![\wÀ-ỹ])){{0,4}}"
    plural = rf"(?:(?i:{alternation(c['quantifiers']['plural'])})\s+)?"
    predicates = alternation([*c["responsibility_predicates"], *c["described_body_obligations"], *(c["described_body_acts"] if conditioned else [])])
    # "Lực lượng phòng cháy, chữa cháy rừng | khi nhận được lệnh huy động phải …": the condition
    # the duty is under, between the body and its predicate (cues.yaml: described_body_conditions)
    condition = rf"(?P<condition>\s+(?i:{alternation(c['described_body_conditions'])})\s+[^;:.]{{3,150}}?)?"
    return re.compile(rf"^(?P<subject>{plural}(?i:{heads})(?![\wÀ-ỹ]){more}{description}){condition}\s+(?:{predicates})(?![\wÀ-ỹ])")


@cache
def _description_break() -> re.Pattern[str]:
    """A word no description of a body holds (cues.yaml: described_body_breaks)."""
    return re.compile(rf"(?<![\wÀ-ỹ])(?:{alternation(cues()['described_body_breaks'])})(?![\wÀ-ỹ])", re.I)


def _description(body: str, lexicon: Lexicon, conditioned: bool = False) -> re.Match[str] | None:
    """A clause read as a body its words describe up to the responsibility predicate
    (`_described_subject_regex`), unless those words hold a break or, in the plural, act on
    another group ("các cơ quan chuyên môn chỉ đạo các cơ sở giáo dục … chịu trách nhiệm": work
    on other bodies, no name); read once per clause, for both readings below."""
    m = _described_subject_regex().match(body)
    if m is None and conditioned:
        m = _described_subject_regex(True).match(body)
    if m is not None and (m.re is not _described_subject_regex() or m.group("condition")) and is_catch_all(AgencyMention(m.group("subject"), "collective_group", "", 0, 0, generic=True)):
        # "… thì cơ quan có thẩm quyền quản lý, sử dụng đề xuất …", "Cơ quan, tổ chức nhà nước có
        # thẩm quyền khi tiếp nhận thông tin … có trách nhiệm": whichever body it is
        return None
    if m is None or _description_break().search(m.group("subject")):
        return None
    subject = m.group("subject")
    return None if is_plural(subject) and _names_other_bodies(subject, lexicon) else m


def _described_subject_end(body: str, end: int, m: re.Match[str] | None, lexicon: Lexicon) -> int:
    """"Cơ quan tiếp nhận kê khai giá có trách nhiệm thông báo …": a body named by what it does
    (`m`, the clause's description), its name running to the responsibility predicate though its
    words are verbs; only where the reading up to the first verb found no named body."""
    if m is None or m.end("subject") <= end or not _headed_by_agency(m.group("subject")):
        return end
    if _clause_words().not_a_verb.match(m.group("subject").split()[-1]):
        return end  # "… xác nhận và | chịu trách nhiệm": a verb joined to the predicate, no name
    # (a kind of body in the singular is no named body: "Doanh nghiệp | thực hiện dự án casino … có
    # trách nhiệm" names the one enterprise that carries out the project, not "các doanh nghiệp")
    singular_kind = not is_plural(body[:end])
    if end and any(not a.generic and not (singular_kind and a.kind == "collective_group" and not a.known) for a in split_agencies(body[:end], lexicon)):
        return end
    return m.end("subject")


def _headed_by_agency(subject: str) -> bool:
    """A description's head is an agency noun: "Các tổ chức, đơn vị điều tra …" opens with the noun
    "tổ chức" (its list of heads says so), though the word is a verb too."""
    if looks_like_agency(subject):
        return True
    rest = strip_plural(subject, whole=True)
    start = len(subject) - len(rest)
    head = predicate_regex().match(rest.lower())
    return head is not None and _is_noun_tochuc(subject, start, start + head.end())


def _described_body(mention: AgencyMention) -> AgencyMention:
    """The body a description names is the one whose role it is, as the text writes it (one, not
    "các …" unless the text says so), and definite."""
    # "… cấp xã (phường, đặc khu)": the units in brackets say what the level covers, no part of the name
    name = re.sub(r"\s*\((?=[a-zà-ỹđ])[^()]*\)", "", provision_tail().split(mention.name)[0]).rstrip(" ,")
    if _bare_head(name):
        name = mention.name  # "Cơ quan quy định tại điểm a khoản này": no name without the pointer
    # the text's own words made plural ("Doanh nghiệp thực hiện dự án …"), not a group's name
    as_written = fold(mention.surface).startswith(fold(strip_plural(name, whole=True)))
    if (mention.generic or as_written) and not is_plural(mention.surface) and fold(name).startswith("các "):
        name = name[4:5].upper() + name[5:]
    return replace(mention, name=name, generic=False)


@cache
def _person_before_post() -> re.Pattern[str]:
    """"Giao đồng chí Nguyễn Văn A, Phó Chủ tịch UBND xã …": the person, then the post that
    stands for the unit (cues.yaml: person_honorifics)."""
    honorifics = alternation(cues()["person_honorifics"])
    return re.compile(rf"(?i:{honorifics})\s+(?:[{CAPITALS}][\wÀ-ỹ]*\s+){{1,4}}?[{CAPITALS}][\wÀ-ỹ]*\s*[,–-]\s*(?=[{CAPITALS}])")


def _request_within(clause: str, lexicon: Lexicon) -> tuple[list[AgencyMention], bool, str] | None:
    """"Trên đây là ý kiến … của Sở X đề nghị Sở Công Thương tổng hợp, báo cáo": a request made
    inside a sentence that opens otherwise; the bodies it names act when a verb follows them.
    A request a topic reports ("Về đề nghị Bộ X phối hợp …: …") is what was asked of the
    author, not a request the text makes."""
    topic = _topic_regex().match(clause)
    for m in _clause_words().request_within.finditer(clause, topic.end() if topic else 0):
        if _clause_words().own_initiative.search(clause[: m.start("verb")]):
            continue
        if _filed_by_the_public(clause[: m.start("verb")]):
            break  # "Doanh nghiệp, hộ kinh doanh khi nộp hồ sơ đề nghị cơ quan … cấp Giấy phép": an application
        after = clause[m.end() :]
        joined = _grammar().joiner.match(after)
        if not _opens_with_agency(after[joined.end() :] if joined else after, lexicon):
            continue  # "… hình thức tuyển dụng và yêu cầu công việc …": a noun, no one is asked
        found, requested, _, predicate = subject_of(clause[m.start("verb") :], lexicon, issuers_mood=False)
        named = [a for a in found if not a.generic]
        if named and predicate_regex().match(predicate.lstrip(" ,:-–")):
            return found, requested, predicate
    return None


def _filed_by_the_public(before: str) -> bool:
    """The words before a request name the public and no body the gazetteer knows: the public
    asks a body to act, the text gives no work."""
    public = public_regex().search(before) or public_persons_regex().search(before)
    return bool(public) and not any(a.known for a in find_agencies(before))


def _composition(clause: str, lexicon: Lexicon) -> bool:
    """"Các thành phần khác … gồm: …", "Ban Chỉ đạo gồm …": the clause lists members."""
    body = clause.strip()
    m = _clause_words().member_list.search(body)
    if not m or m.start() > 120:
        return False
    before = re.sub(r"\s*(?:bao\s*)?$", "", body[: m.start()])
    return predicate_start(before) >= len(before)  # no verb of its own before "gồm" ("Ban Chỉ đạo" is a name)


def _encouraging(mood: str) -> bool:
    return fold(mood.strip(" :")) in {fold(w) for w in cues()["encouragement_cues"]}


def _after_adverbial(body: str, first: int, lexicon: Lexicon) -> int:
    """Where the subject starts after an opening adverbial that has commas of its own ("Trên cơ
    sở đề xuất của các cơ quan, đơn vị và ý kiến của Sở X, | Sở Tài chính tổng hợp …"): the
    first comma after which an agency list meets its verb."""
    commas = [m.end() for m in re.finditer(r",\s*", body[:300]) if m.end() > first and body[: m.start()].count("(") <= body[: m.start()].count(")")]
    # an adverbial's comma inside a bracket ends nothing ("Đồng thời … báo cáo Thủ tướng Chính phủ
    # (qua Văn phòng Chính phủ, | Bộ Tài chính …)": the bodies in it are channels, no subject)
    inside = body[:first].count("(") > body[:first].count(")")
    for pos in ([] if inside else [first]) + commas:
        rest = body[pos:]
        if predicate_regex().match(rest):
            break  # "…, kịp thời báo cáo UBND tỉnh, …": the verb of an understood subject
        if pos > first and _openers().bare_level.match(rest):
            continue  # "Căn cứ … đặc thù của mỗi xã, | phường để quyết định …": the adverbial's list goes on
        if public_regex().match(rest):
            return pos  # "Sau khi thanh toán, | người dân, doanh nghiệp sẽ nhận …": the public, no body
        mood = _mood_regex().match(rest)
        rest = rest[mood.end() :] if mood else rest
        if mood and predicate_regex().match(rest):
            break  # "…, đề nghị | liên hệ Phòng …, Sở Nội vụ …": the request's verb, no subject
        end = subject_end(rest, lexicon)
        verb = rest[end:].lstrip(" ,:-–")
        # a lower-case word after a comma goes on with a list ("cơ sở giáo dục mầm non, giáo dục
        # phổ thông …"); only a word the cues know as a verb starts the predicate there
        listed = rest[end:].lstrip().startswith(",")
        if end and (predicate_regex().match(verb) or (verb[:1].islower() and not listed and not _clause_words().not_a_verb.match(verb))):
            if any(not m.generic for m in split_agencies(rest[:end], lexicon)):
                return pos
    return 0 if inside else first


@cache
def _level_owner() -> re.Pattern[str]:
    """"UBND các xã, phường | thuộc tỉnh", "… | trực thuộc Trung ương": the owner a level names."""
    return re.compile(rf"\s+(?:{alternation(cues()['owner_words'])})\s+(?:{alternation([*level_words(), 'Trung ương'])})(?![\wÀ-ỹ])", re.I)

def subject_end(body: str, lexicon: Lexicon) -> int:
    """Where an agency list that opens `body` ends (0 if it does not open with one).

    A name the gazetteer or a family knows is closed: the list goes on only through a
    separator (`,` `;` `và` `hoặc` `cùng`) to another agency. A collective ("các sở, ngành
    liên quan", "các doanh nghiệp viễn thông") runs to a separator or a predicate word."""
    mentions = find_agencies(body)
    n = len(body)
    pos = 0
    end = 0
    while pos < n:
        member = _member_at(body, pos, mentions, lexicon)
        if member is None:
            unknown = _unknown_member(body, pos, mentions, lexicon) if end else 0
            if not unknown:
                break
            pos = unknown
            continue
        pos, before, mention = member
        paren = _clause_words().channel_or_unit.match(body[pos:])
        if paren:
            pos += paren.end()  # "Sở Y tế (Chi cục Dân số)": the unit named inside is the same actor
        end = pos
        sep = _grammar().separator.match(body[end:])
        if not sep:
            break
        nxt_pos = end + sep.end()
        probe = body[nxt_pos:]
        probe = probe[_title_length(probe):]
        elliptic = _clause_words().grade.match(probe)
        if not elliptic and mention is not None and mention.level and mention.known:
            # "UBND phường Cổ Nhuế 2 và phường Xuân Đỉnh": the body understood for another place
            elliptic = elliptic_place().match(probe)
        if elliptic:
            # "Ủy ban nhân dân cấp huyện, cấp xã": the head is understood, for as many levels or
            # places as follow ("UBND thành phố Hà Nội, thành phố Hồ Chí Minh và tỉnh Quảng Ninh")
            pos = end = _elliptic_run_end(body, nxt_pos + (len(body[nxt_pos:]) - len(probe)) + elliptic.end(), elliptic.re)
            sep = _grammar().separator.match(body[end:])
            if not sep:
                break
            continue
        modifier = _unnamed_continuation(body, before, end, nxt_pos + len(body[nxt_pos:]) - len(probe), mentions, lexicon) if mention is None else 0
        if modifier:
            # "các trường đại học, cao đẳng, …": a member with no head of its own shares the one before
            pos = end = nxt_pos + (len(body[nxt_pos:]) - len(probe)) + modifier
            sep = _grammar().separator.match(body[end:])
            if not sep:
                break
            nxt_pos = end + sep.end()
            probe = body[nxt_pos:]
            probe = probe[_title_length(probe):]
        if public_regex().match(probe):
            # the public ends the bodies a list names ("Chánh Văn phòng …; Chủ tịch UBND các xã và
            # các tổ chức, hộ gia đình …"); a list that names no known body before it is the public
            # the text regulates ("Doanh nghiệp, hộ kinh doanh | khi nộp hồ sơ …")
            return end if any(a.known and a.start < end for a in mentions) else 0
        if not (_body_follows(probe, nxt_pos, mentions, lexicon) or _unknown_member(body, nxt_pos, mentions, lexicon)):
            break
        pos = nxt_pos
    return end


_NAME_WORDS = re.compile(rf"[{CAPITALS}][^\s,;:()]*(?:\s+[^\s,;:()]+){{0,6}}")


def _unknown_member(body: str, start: int, mentions: list[AgencyMention], lexicon: Lexicon) -> int:
    """A member no gazetteer or family names, between two that are named: "Văn phòng Tỉnh ủy, Viện
    kiểm sát nhân dân tỉnh, | Thuế tĩnh, | Kho bạc Nhà nước khu vực XI tăng cường …" (a scan's
    mark, a body of a kind no family knows): a few words cased as a name, no work word among
    them, then a separator and a named body. Where the body after it starts (0 if none): the
    list goes on there, and its other members are not lost for one unread name."""
    name = _NAME_WORDS.match(body, start)
    if not name:
        return 0
    sep = _grammar().separator.match(body, name.end())
    if not sep or predicate_regex().search(name.group()):
        return 0
    after = sep.end()
    return after if _body_follows(body[after:], after, mentions, lexicon) else 0


def _body_follows(probe: str, pos: int, mentions: list[AgencyMention], lexicon: Lexicon) -> bool:
    """A list's next member is a body: the text at `pos` (`probe`, a title passed over) opens with
    one, or a name the finder read starts within a few words of it."""
    return _opens_with_agency(probe, lexicon) or any(pos <= a.start <= pos + 12 for a in mentions)


def _unnamed_continuation(body: str, before: int, end: int, start: int, mentions: list[AgencyMention], lexicon: Lexicon) -> int:
    """How far a member no gazetteer names goes on past its comma: a bare modifier sharing a
    plural group's head ("các trường đại học, | cao đẳng"), or the activities of the service it
    is named by ("cơ sở cung ứng dịch vụ thu gom, | vận chuyển chất thải rắn sinh hoạt")."""
    probe = body[start:]
    if is_plural(body[before:], whole=True):
        modifier = _modifier_member(probe)
        if modifier:
            return modifier
    if _clause_words().service_field.search(body[before:end]) and probe[:1].islower() and not _opens_with_agency(probe, lexicon):
        return _collective_member_end(body, start, start, mentions, lexicon) - start
    return 0


def _member_at(body: str, pos: int, mentions: list[AgencyMention], lexicon: Lexicon) -> tuple[int, int, AgencyMention | None] | None:
    """The list member at `pos` (after a joiner, a title, a plural word): where it ends, where
    its name starts, and the known name it is (None for a collective); None if no body is there."""
    joined = _grammar().joiner.match(body[pos:])
    pos += len(joined.group(0)) if joined else 0
    titled = pos
    pos += _title_length(body[pos:])
    before = pos
    pos += len(body[pos:]) - len(strip_plural(body[pos:], whole=True))
    # a known name may open with a title's word ("Công chức Tư pháp - Hộ tịch", a commune's post):
    # the name, not the title, when the gazetteer reads it from where the title starts
    mention = (
        next((a for a in mentions if before <= a.start <= pos + 1 or (a.start == titled < before < a.end and _title_length(a.entry or "") > 0)), None)
        or _headed_inside_title(body, titled, before, mentions)
        or _named_after_generic(body, pos, mentions)
    )
    if mention is not None:
        return _known_member_end(body, mention, mentions), before, mention
    if not _opens_with_agency(body[pos:], lexicon):
        return None
    return _collective_member_end(body, pos, before, mentions, lexicon), before, None


def _headed_inside_title(body: str, titled: int, before: int, mentions: list[AgencyMention]) -> AgencyMention | None:
    """A title that ends inside the name it heads ("Chánh Văn phòng | Ban Chỉ đạo điều hành …"
    heads "Văn phòng Ban Chỉ đạo"): that name, when the list or the clause plainly goes on
    after it — a separator or a verb."""
    inside = next((a for a in mentions if titled < a.start < before), None)
    if inside is None:
        return None
    rest = body[_known_member_end(body, inside, mentions) :]
    return inside if _grammar().separator.match(rest) or predicate_regex().match(rest.lstrip()) or name_closing_regex().match(rest.lstrip()) else None


def _known_member_end(body: str, mention: AgencyMention, mentions: list[AgencyMention]) -> int:
    """Where a named member of a list ends: after its name, the place it is qualified by and
    the owner that is part of its name."""
    pos = mention.end
    where = place_qualifier_regex().match(body[pos:]) or _level_owner().match(body[pos:])
    if where:
        # "Các doanh nghiệp nhà nước đóng trên địa bàn thành phố", "UBND các xã, phường
        # thuộc tỉnh"
        pos += where.end()
    owned_by = _grammar().owner_unit.match(body[pos:])
    if owned_by and predicate_regex().match(body[pos + owned_by.end() :].lstrip()):
        # "Ban Thanh tra nhân dân Bệnh viện | giám sát …": the body the board belongs to
        return pos + owned_by.end()
    owner = _grammar().owner_after.match(body[pos:])
    if owner:
        # "Phòng Nội chính thuộc Văn phòng UBND tỉnh": the owner is part of the name
        after = pos + owner.end()
        owned = next((a for a in mentions if after <= a.start <= after + 4), None)
        if owned is not None:
            pos = owned.end
    return pos


def _collective_member_end(body: str, pos: int, before: int, mentions: list[AgencyMention], lexicon: Lexicon) -> int:
    """Where a member the gazetteer does not name ends ("các doanh nghiệp viễn thông"): at a
    predicate, a separator, the next named body, the words that close a group or the end of a
    name the text uses as a term (`Lexicon.terms`)."""
    rest = body[pos:]
    head = _openers().head_noun.match(rest) if pos > before else None
    # "các tổ chức cung cấp dịch vụ": the head noun is not the verb "tổ chức"
    stop = min(predicate_start(rest, [(0, head.end())] if head else []), _term_end(rest, lexicon))
    sep = _member_break(rest)
    nxt = min((a.start for a in mentions if a.start > pos), default=len(body)) - pos
    # "cơ quan có chức năng | quản lý đất đai cấp tỉnh": a catch-all word that opens the field
    # the body is named for closes nothing
    closer = next((c for c in _collective_closer().finditer(rest) if not _clause_words().field_preposition.search(rest[: c.end()] + " ")), None)
    close = closer.end() + known_place_after(rest[closer.end():]) if closer else len(rest)  # "… của tỉnh Bắc Ninh"
    end = min(stop, sep.start() if sep else len(rest), nxt, close)
    pos += end
    whose = _units_concerned().match(body, pos) if closer is not None and end == close else None
    if whose:
        pos = whose.end()  # "chính quyền địa phương | các đơn vị hành chính liên quan": whose, whichever they are
    where = place_qualifier_regex().match(body[pos:])
    if where:
        pos += where.end()  # "Các cơ quan Trung ương đóng trên địa bàn tỉnh": where they are, no verb
    # "đơn vị sự nghiệp thuộc UBND huyện": the owner ends the name, after a qualifier too ("các
    # đơn vị có liên quan | thuộc Bộ Giáo dục và Đào tạo, Chủ tịch …")
    owner = _grammar().owner_after.match(body[pos:])
    if owner:
        owned = next((a for a in mentions if a.start == pos + owner.end() and a.known), None)
    else:
        owned = next((a for a in mentions if a.start == pos), None) if _grammar().owner_before.search(body[:pos]) else None
    return owned.end if owned is not None else pos


def _term_end(rest: str, lexicon: Lexicon) -> int:
    """Where a name the text uses as a term ends when lowercase words it never repeats after it
    follow ("Hội đồng kỷ luật | tự giải thể sau khi …"); past the end of `rest` otherwise."""
    for term, followers in lexicon.terms.items():
        if rest.startswith(term):
            nxt = re.match(r"\s+((?-i:[a-zà-ỹđ])[\wÀ-ỹ]*)", rest[len(term) :])
            if nxt and nxt.group(1) not in followers:
                return len(term)
            break
    return len(rest) + 1


@cache
def _units_concerned() -> re.Pattern[str]:
    """The units a closed group is of, named only by a catch-all and with no separator before it
    ("chính quyền địa phương | các đơn vị hành chính liên quan đến việc thực hiện sắp xếp"): part of
    the group's words, which makes it whichever groups are concerned (cues.yaml: quantifiers.plural,
    collectives.catch_all)."""
    c = cues()
    plural = alternation(c["quantifiers"]["plural"])
    catch_all = alternation(c["collectives"]["catch_all"])
    return re.compile(rf"\s+(?:{plural})\s+[^,;:()]{{1,60}}?(?<![\wÀ-ỹ])(?:{catch_all})(?![\wÀ-ỹ])", re.I)


def _elliptic_run_end(body: str, end: int, pattern: re.Pattern[str]) -> int:
    """The end of a run of elliptic members of one pattern after `end`."""
    while (sep := _grammar().separator.match(body[end:])) and (more := pattern.match(body[end + sep.end() :])):
        end += sep.end() + more.end()
    return end


def _member_break(rest: str) -> re.Match[str] | None:
    """Where a member's name breaks: a comma, a bracket, a conjunction — not the "và" inside the
    field a body is named for ("cơ quan chuyên môn về nông nghiệp và phát triển nông thôn"), when
    no body's head follows it."""
    words = _clause_words()
    pos = 0
    while (sep := words.member_break.search(rest, pos)) is not None:
        after = rest[sep.end() :]
        if sep.group(0) == "," and _grammar().owner_after.match(after):
            pos = sep.end()  # "các đơn vị thuộc, | trực thuộc Bộ Nội vụ": the second owner word, one group
            continue
        if _capitalised_field_goes_on(rest[: sep.start()], sep.group(0), after):
            pos = sep.end()  # "các cơ quan Nông nghiệp và | Môi trường": a field named in capitals goes on
            continue
        if sep.group(0) == "," and _inside_comma_field(rest[: sep.start()], after):
            pos = sep.end()  # "Lực lượng phòng cháy, | chữa cháy rừng": one field with its comma
            continue
        in_field = words.field_preposition.search(rest[: sep.end()])
        if not in_field or not after[:1].islower() or _openers().head_noun.match(after):
            return sep
        pos = sep.end()
    return None


def _inside_comma_field(before: str, after: str) -> bool:
    """The comma is a field's own, between its two words (cues.yaml: comma_fields)."""
    low_before, low_after = fold(before).rstrip(), fold(after).lstrip()
    return any(low_before.endswith(first) and low_after.startswith(second) for first, second in _comma_field_parts())


@cache
def _comma_field_parts() -> tuple[tuple[str, str], ...]:
    pairs = (field.split(",", 1) for field in cues()["comma_fields"])
    return tuple((fold(first.strip()), fold(second.strip())) for first, second in pairs)


def _capitalised_field_goes_on(before: str, sep: str, after: str) -> bool:
    """A conjunction between two capitalised words inside a group's field ("các cơ quan Nông
    nghiệp và Môi trường"), not before another body ("… Trung ương và Ủy ban nhân dân …")."""
    if not sep[:1].isspace() or not after[:1].isupper() or not re.search(rf"(?<!\S)[{CAPITALS}][\wÀ-ỹ]*(?:\s+[a-zđà-ỹ][\wÀ-ỹ]*)?$", before):
        return False
    return not any(a.start == 0 for a in find_agencies(after[:80]))


def _named_after_generic(body: str, pos: int, mentions) -> AgencyMention | None:
    """"lực lượng Công an", "cơ quan Thuế": a generic head before a known body's name is that body."""
    for a in mentions:
        head = body[pos : a.start]
        if a.known and a.start > pos and head[-1:].isspace() and "," not in head and is_generic_head(head):
            return a
    return None


def _modifier_member(probe: str) -> int:
    """The length of a bare modifier that continues a plural group ("cao đẳng" after "các
    trường đại học,"): up to four lower-case words, no verb, no preposition, then a separator."""
    m = _clause_words().bare_member.match(probe)
    if not m or predicate_regex().search(m.group(1)) or _clause_words().not_a_verb.match(m.group(1)):
        return 0
    if _openers().heads.match(fold(m.group(1))) or not_agencies_regex().match(fold(m.group(1))):
        return 0  # a head of its own ("ngành", "địa phương") is a member, read as one
    return m.end()


@cache
def _collective_closer() -> re.Pattern[str]:
    """A catch-all qualifier or a level word ends a collective ("các ngành liên quan | phát
    triển thị trường", "các sở, ban, ngành tỉnh | triển khai")."""
    c = cues()["collectives"]
    words = alternation([*c["catch_all"], *c["levels"], *c["whole_heads"]])
    # "các cơ quan chức năng có liên quan": qualifiers in a row close it together
    return re.compile(rf"(?<![\wÀ-ỹ])(?:{words})(?:\s+(?:{words}))*(?![\wÀ-ỹ])", re.I)


@dataclass(frozen=True)
class _Openers:
    """The patterns `_opens_with_agency` and `_title_length` test, compiled once."""

    titles: re.Pattern[str]  # "Giám đốc", "Chủ tịch" … before a body's name (folded text)
    titles_raw: re.Pattern[str]  # the same on the text as written, with a following "các"
    place: re.Pattern[str]  # "Xã Trường Văn": a place, not a body
    bare_level: re.Pattern[str]  # a level's word alone, before a small word ("phường để …")
    heads: re.Pattern[str]
    head_noun: re.Pattern[str]  # "các tổ chức …": after a plural, "tổ chức" is a noun, not the verb


@cache
def _openers() -> _Openers:
    c = cues()
    stacked = stacked_titles()
    heads = {fold(h) for k in c["collectives"]["kinds"] for h in k["heads"]} | {fold(h) for h in c["collectives"]["generic"]} | {fold(h) for h in c["agency_heads"]}
    return _Openers(
        titles=re.compile(stacked),
        # "Thủ trưởng các cơ quan: Văn phòng UBND tỉnh, Sở Xây dựng, …": the generic head and its
        # colon before the bodies the title heads are the title's
        titles_raw=re.compile(rf"{stacked}(?:các\s+)?(?:(?:{alternation(c['collectives']['generic'])})\s*:\s+(?=(?-i:[{CAPITALS}])))?", re.I),
        place=re.compile(rf"^(?i:{alternation(c['issuer_levels'])})\s+[{CAPITALS}]"),
        bare_level=re.compile(rf"^(?i:{alternation(c['issuer_levels'])})\s+(?![{CAPITALS}])[\wÀ-ỹ]"),
        heads=re.compile(r"(?:" + alternation(heads) + r")(?![\wÀ-ỹ])"),
        head_noun=re.compile(r"(?:" + alternation({*c["agency_heads"], *c["collectives"]["generic"]}) + r")(?![\wÀ-ỹ])", re.I),
    )


def _opens_with_agency(phrase: str, lexicon: Lexicon) -> bool:
    """The phrase starts with a named body, a person standing for one, or a collective."""
    text = _clause_words().member_joiner.sub("", phrase.strip())
    found = find_agencies(text)
    if found and found[0].start <= _title_length(text):
        return True
    o = _openers()
    low = o.titles.sub("", fold(text), count=1)
    low = strip_plural(low, whole=True)
    if not_agencies_regex().match(low):
        return False
    if o.place.match(strip_plural(text.strip())):
        return False  # "Xã Trường Văn": a place, not a body
    if any(low.startswith(k) for k in lexicon.collectives):
        return True
    return bool(o.heads.match(low))


def _title_length(text: str) -> int:
    m = _openers().titles_raw.match(text)
    return m.end() if m else 0


@cache
def _address_label() -> re.Pattern[str]:
    """The address before the heads a closing article names (cues.yaml: address_labels)."""
    return re.compile(rf"^\s*(?:{alternation(cues()['address_labels'])})\s*:\s*", re.I)


def read_actors(text: str, lexicon: Lexicon) -> Actors:
    """Subjects, partners, supervisors and the request mood of a task's text, clause by clause."""
    out = Actors()
    first = True
    # `listing`: the text says who makes up something ("Thành phần gồm: …"), its lists assign
    # nothing; `enumerating`: a colon's list runs on past the semicolons (`_enumerates`)
    pending, listing, enumerating = "", False, False
    text = _address_label().sub("", text, count=1)  # "Các Ông (Bà): Chánh Văn phòng Bộ; …"
    for clause in [] if _word_amendment().match(text) else _role_pieces(_joined_partner_lists(_clauses(expand_enumerations(name_own_units(text, lexicon), lexicon.home)), lexicon), lexicon):
        if pending:
            clause = f"{pending}; {clause}"
            pending = ""
        if _clause_words().example.match(clause):
            continue
        if _composition(clause, lexicon):
            listing = True  # "Ban Chỉ đạo gồm: …", "Các phòng chuyên môn, nghiệp vụ gồm:": who is who
            continue
        if _only_bodies(clause, lexicon):
            if listing or enumerating:
                continue
            # "Chánh Văn phòng UBND tỉnh; Giám đốc Sở …; … chịu trách nhiệm thi hành", "Giao Văn
            # phòng UBND tỉnh; Sở Dân tộc và Tôn giáo thực hiện …": the list goes on past the semicolon
            pending = clause
            continue
        enumerating = _enumerates(clause, lexicon)
        subjects, requested, end, predicate = subject_of(clause, lexicon)
        if not subjects:
            subjects, requested, predicate = _request_within(clause, lexicon) or (subjects, requested, predicate)
        if first:
            _first_clause(out, clause, requested, end, bool(subjects))
        first = False
        delegated = _grammar().delegate.match(predicate)
        if subjects and delegated:
            # "Ủy ban nhân dân tỉnh giao Giám đốc các sở … thực hiện": the bodies named after the verb act
            inner, _, end2, predicate2 = subject_of(predicate[delegated.end():], lexicon)
            if inner:
                subjects, predicate = inner, predicate2
                if first:
                    out.first_is_subject = True
        # a group that names nobody in particular ("các cơ quan, đơn vị", "các đơn vị có liên
        # quan") is kept apart; as an entry's heading it is still whom the entry addresses
        named = [m for m in subjects if not m.generic]
        out.generic += [m for m in subjects if m.generic]
        pred = _main_predicate(fold(predicate.strip(" ,")))
        # with no subject the whole clause may name partners: an opening phrase the subject
        # reader passes over ("đồng thời phối hợp với Mặt trận Tổ quốc … kêu gọi, | vận động")
        partner_list = partners(predicate if subjects else clause, lexicon)
        if (named or out.supervisors) and partner_list and not _grammar().lead.match(pred) and _grammar().supervise.match(_after_partners(pred, lexicon)):
            # "Đề nghị Ủy ban MTTQ phối hợp với Thường trực HĐND … giám sát": they supervise
            # together, the partners no helpers of a task — and so after ";" when the subject
            # understood is one that supervises ("… tăng cường giám sát …; phối hợp với Thanh tra
            # tỉnh giám sát …"), not when it leads ("… tuyên truyền …; phối hợp với UBND xã giám sát")
            out.supervisors += named
            continue
        _subjects_role(out, named, pred, bool(partner_list))
        out.supports += [_at_subjects_level(m, named) for m in partner_list if not m.generic]
        out.generic += [m for m in partner_list if m.generic]
    return out


def _at_subjects_level(partner: AgencyMention, subjects: list[AgencyMention]) -> AgencyMention:
    """"UBND cấp xã … phối hợp với Thường trực Ủy ban MTTQ Việt Nam | cùng cấp": the partner at its
    subject's level, where the list alone read "cùng cấp" as the issuer's."""
    levels = {m.level for m in subjects if m.level}
    if len(levels) != 1 or not partner.level or not fold(partner.surface).endswith(same_level()):
        return partner
    level = levels.pop()
    if not partner.name.endswith(partner.level) or level == partner.level:
        return partner
    return replace(partner, name=partner.name[: -len(partner.level)].rstrip() + " " + level, level=level)


def _subjects_role(out: Actors, named: list[AgencyMention], pred: str, partnered: bool) -> None:
    """The part a clause's named subjects play, by its predicate: supervision first ("phối hợp
    giám sát" supervises with the council's bodies), help without partners ("Đề nghị Ủy ban MTTQ …
    phối hợp tuyên truyền") or by taking part ("tham gia phối hợp với …"), else the lead."""
    if not named:
        return
    if _grammar().supervise.match(pred):
        out.supervisors += named
    elif _grammar().support.match(pred) and (not partnered or _grammar().joins.match(pred)):
        out.supports += named
    else:
        out.leads += named
    if _grammar().supervise_also.search(pred):
        out.supervisors += named


def _enumerates(clause: str, lexicon: Lexicon) -> bool:
    """The clause ends in a list of bodies its colon opens ("… trong số các bộ phận sau: Ban kiểm
    tra …, Ban phỏng vấn; Ban vấn đáp; Ban chấm đề án; quyết định …"): the bodies named alone
    after its semicolons go on with that list, no subject of the verb that follows."""
    colon = clause.rfind(":")
    return colon >= 0 and _opens_with_agency(clause[colon + 1 :], lexicon)


def _only_bodies(clause: str, lexicon: Lexicon) -> bool:
    """A clause that is nothing but a list of bodies, after a mood word if any ("Giao Văn phòng
    UBND tỉnh"): the first part of a list a semicolon cuts, whose predicate comes after it."""
    mood = _mood_regex().match(clause)
    body = clause[mood.end() :] if mood else clause
    return subject_end(body, lexicon) >= len(body.rstrip(" .,:")) - 1 and _opens_with_agency(body, lexicon)


@cache
def _word_amendment() -> re.Pattern[str]:
    """An amending item that changes words ("Thay thế cụm từ “Tổng cục …” thành “Cục …”"): the
    names it quotes are the amended text's words, it names no actors (cues.yaml: word_amendments)."""
    return re.compile(rf"^\W*(?:{alternation(cues()['word_amendments'])})(?![\wÀ-ỹ])", re.I)


def _first_clause(out: Actors, clause: str, requested: bool, end: int, has_subject: bool) -> None:
    """What the first clause says of the whole text: asked or given, by whom, directing or not."""
    out.requested, out.subject_end, out.first_is_subject = requested, end, has_subject
    mood = _mood_regex().match(clause.strip())
    out.assigned = bool(mood and mood.group("giao"))
    out.directs = out.assigned and bool(_grammar().directing.match(clause.strip()))


def _joined_partner_lists(clauses: list[str], lexicon: Lexicon) -> list[str]:
    """"… phối hợp với UBND quận Bắc Từ Liêm; UBND phường Cổ Nhuế 2, phường Xuân Đỉnh … kiểm
    tra": a partner list that runs to a semicolon goes on past it when the next clause names
    bodies too; the verb after them is the task's, not theirs."""
    out: list[str] = []
    for clause in clauses:
        if out and _opens_with_agency(clause, lexicon) and _ends_in_partners(out[-1], lexicon):
            out[-1] = f"{out[-1]}, {clause}"
        else:
            out.append(clause)
    return out


def _role_pieces(clauses: list[str], lexicon: Lexicon) -> list[str]:
    """A clause cut before the bodies a comma sets off with their role: the agent a marker names
    after the work ("Tổ chức hội nghị …, | do Sở Nội vụ chủ trì, phối hợp với Sở Tư pháp thực
    hiện"; cues.yaml: predicates.agent_markers), and a second body with its own role after the
    first's ("Thanh tra tỉnh chủ trì, | Sở Nội vụ phối hợp")."""
    out: list[str] = []
    for clause in clauses:
        while (cut := _role_piece_at(clause, lexicon)) is not None:
            head, clause = clause[: cut[0]].strip(" ,"), clause[cut[1] :]
            if head:
                out.append(head)
        out.append(clause)
    return out


def _role_piece_at(clause: str, lexicon: Lexicon) -> tuple[int, int] | None:
    """(end of what comes before, start of the piece) of the first body set off with its role."""
    g = _grammar()
    ends_in_support = g.support_tail.search(clause) is not None
    for m in g.role_piece.finditer(clause):
        if not (m.group("marker") or ends_in_support):
            continue  # (every comma of every clause would be asked about a body)
        rest = clause[m.end() :]
        if not _opens_with_agency(rest, lexicon):
            continue
        end = subject_end(rest, lexicon)
        verb = _main_predicate(fold(rest[end:].strip(" ,")))
        if not end or not any(a for a in split_agencies(rest[:end], lexicon) if not a.generic):
            continue
        if m.group("marker"):
            if _role_alone(rest[end:].strip(" ,"), lexicon):
                return m.start(), m.end()
        elif g.support_alone.match(verb) and _leads_alone(clause[: m.start()], lexicon):
            return m.start(), m.end()
    return None


def _role_alone(verb: str, lexicon: Lexicon) -> bool:
    """A role and nothing more: "chủ trì", "chủ trì, phối hợp với Sở Tư pháp thực hiện",
    "thực hiện" — not a relative clause's act ("… hệ thống do Bộ X | triển khai để phục vụ …",
    "… do Bộ X chủ trì, | hoàn thành trong năm 2026")."""
    g = _grammar()
    lead = g.lead.match(verb)
    rest = verb[lead.end() :].strip(" ,") if lead else verb
    if not rest or g.carry_out_alone.match(rest) or g.support_alone.match(rest):
        return True
    if _partner_re().match(rest):
        after = _after_partners(rest, lexicon).strip(" ,.")
        return not after or g.carry_out_alone.match(after) is not None
    # "do Thanh tra tỉnh chủ trì, | Sở Nội vụ phối hợp": a second body's role, read on its own
    return bool(lead) and _opens_with_agency(rest, lexicon) and g.support_tail.search(rest) is not None


def _leads_alone(clause: str, lexicon: Lexicon) -> bool:
    """"Thanh tra tỉnh chủ trì": bodies and the lead's verb, nothing after it."""
    subjects, _, _, predicate = subject_of(clause, lexicon)
    return bool(subjects) and _grammar().lead_alone.match(fold(predicate.strip(" ,"))) is not None


def _ends_in_partners(clause: str, lexicon: Lexicon) -> bool:
    cues_found = list(_partner_re().finditer(clause))
    if not cues_found:
        return False
    cue = cues_found[-1]
    rest = clause[cue.end():].rstrip(" .,")
    return bool(rest) and _opens_with_agency(rest, lexicon) and subject_end(rest, lexicon) >= len(rest) - 1


def _after_partners(pred: str, lexicon: Lexicon) -> str:
    """The verb after "phối hợp (với) <partners>"."""
    m = _partner_re().search(pred)
    if not m:
        return pred
    rest = pred[m.end():]
    return _main_predicate(rest[subject_end(rest, lexicon):].strip(" ,"))


def _main_predicate(pred: str) -> str:
    """The predicate from its main verb: "trong phạm vi, nhiệm vụ, quyền hạn giám sát …" -> "giám sát …"."""
    return _clause_words().scope.sub("", pred, count=1).strip(" ,") or pred


@cache
def _partner_re() -> re.Pattern[str]:
    words = alternation(cues()["partner_cues"])
    return re.compile(r"(?<![\wÀ-ỹ])(?:" + words + r")[\s,:]+", re.I)


def partners(text: str, lexicon: Lexicon) -> list[AgencyMention]:
    """Agencies named after "phối hợp (chặt chẽ) (với)", up to the next predicate."""
    found: list[AgencyMention] = []
    for m in _partner_re().finditer(text):
        rest = text[m.end():]
        bare = not _clause_words().partner_preposition.search(m.group(0))
        if bare and not _opens_with_agency(rest[:80], lexicon):
            continue  # "phối hợp tuyên truyền": a verb follows, not a partner
        paren = re.match(r"([^()]{3,80}?)\s*\(([^()]+)\)", rest)
        if paren and is_plural(paren.group(1)):
            members = find_agencies(paren.group(2))
            if members and members[0].start == 0:
                # "các cơ quan có liên quan (Ủy ban MTTQ tỉnh; Ban Tuyên giáo ...)", "các nhà
                # mạng (Viettel Nghệ An, VNPT Nghệ An)": a group spelled out names its members
                found += split_agencies(paren.group(2), lexicon)
                continue
        end = subject_end(rest, lexicon) or predicate_start(rest)
        # a bracket inside the list says more of a member, the list goes on after it ("… Văn
        # phòng UBND tỉnh (Trung tâm Phục vụ hành chính công tỉnh) và UBND các xã, phường")
        phrase = re.split(r"[;(:]", re.sub(r"\s*\([^()]*\)", "", rest[:end]))[0]
        phrase = _clause_words().purpose.split(phrase)[0]
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


@cache
def _inline_timeframe() -> re.Pattern[str]:
    """A timeframe written in the task's own sentence as its label and value ("…; thời gian:
    Quý III năm 2026."; cues.yaml: attributes.timeframe)."""
    labels = alternation(cues()["attributes"]["timeframe"])
    return re.compile(rf"[;,.(\[]\s*(?:{labels})\s*:\s*(?P<value>[^;.)\]]*[^;.)\]\s])", re.I)


def timeframe_in_text(text: str) -> str | None:
    inline = _inline_timeframe().search(text)
    if inline:
        value = inline.group("value")
        return value[:1].upper() + value[1:]
    first_clause = re.split(r";|\.\s", text, maxsplit=1)[0]
    m = re.search(rf"(?<![\wÀ-ỹ]){cues()['timeframe_in_text']}(?![\wÀ-ỹ])", first_clause, re.I)
    m = m or re.search(rf"(?<![\wÀ-ỹ]){cues()['completion_in_text']}(?![\wÀ-ỹ])", text, re.I)
    if not m:
        return None
    phrase = m.group(0).strip()
    return phrase[:1].upper() + phrase[1:]


@cache
def _deadline_re() -> re.Pattern[str]:
    words = alternation(cues()["deadline_cues"])
    # the month whole ("28/11/2025" is not "28/1"), its year kept where the text writes one
    return re.compile(
        rf"(?:{words})\s*(?:ngày\s*)?(?:(?P<d>\d{{1,2}})\s*/\s*(?P<m>\d{{1,2}})(?!\d)(?:\s*/\s*(?P<y>\d{{4}})(?!\d))?"
        rf"|(?P<d2>\d{{1,2}})\s+tháng\s+(?P<m2>\d{{1,2}})(?!\d)(?:\s+năm\s+(?P<y2>\d{{4}})(?!\d))?)",
        re.I,
    )


def deadlines_in(text: str, since: str | None = None) -> list[tuple[str, int]]:
    """The deadlines a text sets after its cue words ("trước ngày 15/11", "chậm nhất ngày 10
    tháng 12 năm 2025" -> "15/11", "10/12/2025") and where each stands. A date of a year before
    `since` (the document's year) is a condition the text states ("nhà ở xây dựng trước ngày 01
    tháng 7 năm 2006"), no deadline."""
    out: list = []
    for m in _deadline_re().finditer(text):
        d = m.group("d") or m.group("d2")
        mo = m.group("m") or m.group("m2")
        year = m.group("y") or m.group("y2")
        if year and since and since[:4].isdigit() and year < since[:4]:
            continue
        out.append((f"{d}/{mo}/{year}" if year else f"{d}/{mo}", m.start()))
    return out


# --- the walk --------------------------------------------------------------------------------------


@dataclass
class TaskResult:
    """Tasks and reporting obligations naming agencies by name, each with the mentions behind
    those names; `resolve` turns them into agency keys."""

    tasks: list[tuple[Task, dict[str, AgencyMention]]]
    reporting: list[tuple[Reporting, dict[str, AgencyMention]]]
    warnings: list[str]


_ACTING_ROLES = ("tasks", "organisation", "funding", "reporting")


def extract_tasks(doc: Document, lexicon: Lexicon) -> TaskResult:
    found: list[tuple[Task, dict[str, AgencyMention]]] = []
    reports: list[tuple[Reporting, dict[str, AgencyMention]]] = []
    warnings: list[str] = []
    default = _default_implementers(doc, lexicon)
    parts: list[tuple[str, list[Node]]] = [("", doc.sections)]
    # an appendix yields tasks when it is a task table (its rows carry lead or support columns)
    # a list of procedures or a contest's rules attached to a decision describes steps, it
    # assigns no work (cues.yaml: listing_genres)
    # (what follows a list of procedures is its forms and templates — a model decision, the plan
    # a model decision issues: no work of this text)
    listed = next((i for i, att in enumerate(doc.attachments) if _a_listing(att)), len(doc.attachments))
    for node in doc.sections + [n for att in doc.attachments for n in att.sections]:
        _fold_points(node, lexicon)
    parts += [(f"{att.label}.", att.sections) for att in doc.attachments[:listed] if att.genre != "Phụ lục" or _has_roles(att.sections)]
    # a letter's items may follow its opening sentence, which asks them of their bodies ("Thực
    # hiện Kế hoạch …, Sở Nội vụ đề nghị Ủy ban nhân dân các xã, phường:")
    opening = doc.preamble[-1].text if doc.preamble else None
    for prefix, sections in parts:
        _walk_parts(sections, prefix, None, lexicon, default, found, opening if not prefix else None)
    for att in _promulgated_annexes(doc):
        # the document a decision issues, printed as its appendix ("PHỤ LỤC II / PHƯƠNG ÁN …"):
        # its steps and proposals are read for the bodies they name, not each made a task
        walked: list[tuple[Task, dict[str, AgencyMention]]] = []
        _walk_parts(att.sections, f"{att.label}.", None, lexicon, [], walked)
        found += [(t, named) for t, named in walked if t.lead or t.support or t.supervise]
    if fold(doc.header.genre or "") in {fold(g) for g in cues()["requesting_closings"]}:
        _closing_requests(doc.sections, lexicon, found)
    _leads_by_reference(found)
    seen_paths: dict[str, int] = {}
    for t, _ in found:
        seen_paths[t.path] = seen_paths.get(t.path, 0) + 1
    for path, n in seen_paths.items():
        if n > 1:
            warnings.append(f"item label repeated: {n} tasks at path {path}")
    for t, named in found:
        if not t.lead and not t.supervise:  # a body asked to watch over the work leads none of it
            warnings.append(f"task {t.path} (line {t.line}): no lead agency found")
        _deadlines_since(t, doc.header.date)
        reports += _reporting(t, named, lexicon, doc.header.date)
    return TaskResult(found, reports, warnings)


def _deadlines_since(task: Task, since: str | None) -> None:
    """A task's deadlines without the dates of years before its document's (`deadlines_in`)."""
    year = (since or "")[:4]
    kept = [d for d in task.deadlines if not (year.isdigit() and d.count("/") == 2 and d.rsplit("/", 1)[1] < year)]
    if kept != task.deadlines:
        task.deadlines, task.deadline = kept, "; ".join(kept) or None


@cache
def _reference_regex() -> re.Pattern[str]:
    """"Chủ trì triển khai các nhiệm vụ tại mục IV, V" (cues.yaml: section_reference)."""
    c = cues()["section_reference"]
    words = "|".join(re.escape(w) for w in c["words"])
    verbs, objects, prepositions = alternation(c["verbs"]), alternation(c["objects"]), alternation(c["prepositions"])
    # "mục IV", "mục 2.1", "mục II.2": a part's number, and the items' numbers under it
    label = r"(?:[IVXLC]{1,5}|\d{1,2})(?:\.\d{1,2})*"
    return re.compile(
        rf"(?:{verbs})[^.;]{{0,80}}?(?:{objects})[^.;]{{0,60}}?"
        rf"(?:{prepositions})\s+(?:các\s+)?(?:{words})\s+(?P<labels>{label}(?:\s*(?:,|và|-|–)\s*{label})*)"
        rf"(?P<after>\s*(?:{alternation([c['part']])}\s+[IVXLC]+\s*)?(?:của\s+(?P<whose>[^,;.]{{0,40}}))?)",
        re.I,
    )


def _leads_by_reference(found: list[tuple[Task, dict[str, AgencyMention]]]) -> None:
    """A duty that points at other sections of this plan ("Sở X: chủ trì triển khai các nhiệm vụ
    tại mục IV, V"): the tasks there that name no lead get X. A pointer into another document
    ("… tại mục IV, V của Chương trình") assigns nothing here."""
    this = tuple(fold(w) for w in cues()["section_reference"]["this_document"])
    for task, named in found:
        if not task.lead:
            continue
        m = _reference_regex().search(task.text)
        if not m:
            continue
        whose = fold(m.group("whose") or "")
        if whose and not whose.startswith(this):
            continue
        labels = [x for x in re.split(r"\s*(?:,|và|-|–)\s*", m.group("labels")) if x]
        for other, other_named in found:
            if other is task or other.lead:
                continue
            if any(other.path == lab or other.path.startswith(lab + ".") for lab in labels):
                other.lead = list(task.lead)
                for name in task.lead:
                    if name in named:
                        other_named.setdefault(name, named[name])


def _promulgated_annexes(doc: Document) -> list:
    if not promulgating(doc.header.genre):
        return []
    return [att for att in doc.attachments if not _has_roles(att.sections) and promulgated_in_annex(att)]


def _a_listing(att: Attachment) -> bool:
    """A list of procedures or entries attached to a decision, by its genre or its title (cues.yaml:
    listing_genres, listing_titles)."""
    genres, titles = _listing_words()
    if fold(att.genre) in genres:
        return True
    # a regulation on how procedures are handled ("Quy chế … giải quyết thủ tục hành chính") gives
    # work; only an appendix is a list by its title
    title = fold(att.title or "")
    return att.genre == "Phụ lục" and any(t in title for t in titles)


@cache
def _listing_words() -> tuple[frozenset[str], tuple[str, ...]]:
    return frozenset(fold(g) for g in cues()["listing_genres"]), tuple(fold(t) for t in cues()["listing_titles"])


def _has_roles(nodes: list[Node]) -> bool:
    return any(n.kind == "attr" and n.attr in ("lead", "support") for top in nodes for n in top.walk())


def _walk_parts(nodes: list[Node], prefix: str, inherited: str | None, lexicon: Lexicon, default: list[AgencyMention], out, opening: str | None = None) -> None:
    """Top-level parts: Roman sections, chapters and articles carry a role; a directive's
    numbered items stand on their own (led by the bodies `opening`, the text's opening
    sentence, asks them of, when no paragraph among them does)."""
    loose = Node("root", "", "", (), path=prefix.rstrip("."))
    for node in nodes:
        if node.kind in _HEADS:
            node.path = f"{prefix}{'Đ' if node.kind == 'article' else ''}{node.label}"
            role = node.role or inherited
            if node.kind == "article" and role is None:
                role = "other"
            described = role in SILENT_ROLES
            if described and not _introduces_work(node, lexicon):
                _responsibilities(node, lexicon, out)
                continue
            role = "tasks" if described else role
            if node.kind in ("chapter", "part", "subsection") and any(c.kind in _HEADS for c in node.children):
                _walk_parts(node.children, f"{node.path}.", role, lexicon, default, out)
                continue
            role = role or "other"
            _group_under_entries(node, lexicon)
            _float_attributes(node, lexicon)
            entry = _article_entry(node.text, lexicon) if node.kind == "article" else None
            if node.kind == "article" and not _work_children(node):
                # "Điều 3. Chánh Văn phòng …, Giám đốc các Sở … chịu trách nhiệm thi hành"
                for part, ctx in _article_duties(node, lexicon):
                    made = _make_task(part, ctx, entry, role, lexicon, [], _attrs(part))
                    if made is not None:
                        out.append(made)
                continue
            intro, ctx = (None, _Ctx(leads=entry.agencies, requested=entry.requested)) if entry else _introducing_paragraph(node, lexicon)
            ctx.headings = [node.text]
            _walk(node, ctx, role, lexicon, default, out)
            if not described:  # a described part's own paragraphs still only describe
                _loose_paragraphs(node, role, lexicon, out, skip=intro)
        elif node.kind in _WORK or node.kind == "para":
            loose.children.append(node)  # a paragraph only introduces the items after it
    if loose.children:
        _float_attributes(loose, lexicon)
        # "Trong thời gian này, Cục Thuế sẽ tạm dừng …, cụ thể như sau:" then its dashes: the
        # paragraph that introduces loose items names who carries them out, as in a section
        intro, ctx = _introducing_paragraph(loose, lexicon)
        if not ctx.leads and opening and not any(n.kind == "para" for n in loose.children[:1]):
            ctx = _addressees_before_colon(opening, lexicon)
        _walk(loose, ctx, inherited or "other", lexicon, default, out)
        if not any(n.kind in _HEADS for n in nodes):
            # a text with no parts, its paragraphs headed by the bodies they give work ("Sở Nội vụ:
            # Chủ trì theo dõi …", "Công an tỉnh chỉ đạo …"): read as a section's own paragraphs;
            # before a text's parts they tell what led to it
            _loose_paragraphs(loose, inherited or "other", lexicon, out, skip=intro)


def _article_duties(article: Node, lexicon: Lexicon) -> list[tuple[Node, _Ctx]]:
    """An article without items is one task — unless its paragraphs each give a named body work
    of its own ("Sở Văn hóa … có trách nhiệm niêm yết …" / "Văn phòng Ủy ban nhân dân tỉnh có
    trách nhiệm chủ trì, phối hợp Sở Văn hóa …" / "Sở Khoa học và Công nghệ có trách nhiệm …"):
    then each paragraph is a task (…p1, …p2), under the article's title if it has one."""
    paragraphs = [c for c in article.children if c.kind == "para"]
    if len(paragraphs) < 2 or _attrs(article):
        return [(article, _Ctx(headings=[]))]
    titled = not _names_its_doer(article.text, lexicon)
    if not titled:
        paragraphs = [Node("para", "", article.text, article.lines), *paragraphs]
    if not all(_names_its_doer(p.text, lexicon) for p in paragraphs):
        return [(article, _Ctx(headings=[]))]
    headings = [article.text] if titled and article.text else []
    return [(Node("para", "", p.text, p.lines, path=f"{article.path}.p{n}"), _Ctx(headings=headings)) for n, p in enumerate(paragraphs, start=1)]


def _names_its_doer(text: str, lexicon: Lexicon) -> bool:
    """A sentence that opens with a named body and its verb."""
    subjects, _, _, predicate = subject_of(_clauses(text)[0] if text else "", lexicon)
    return any(not m.generic for m in subjects) and bool(predicate.strip())


@cache
def _responsibility_regex() -> re.Pattern[str]:
    return re.compile(rf"^\s*(?:{alternation(fold(w) for w in cues()['responsibility_predicates'])})(?![\wÀ-ỹ])", re.I)


def _responsibilities(section: Node, lexicon: Lexicon, out) -> None:
    """Items of a part that only describes (aims, situation, venue) that still make a named
    body answerable: "Ủy ban nhân dân các tỉnh, thành phố chịu trách nhiệm kết nối …"
    (cues.yaml: responsibility_predicates)."""
    for node in _numbered(section, _children_in_order(section)):
        if _work_children(node):
            _responsibilities(node, lexicon, out)
            continue
        subjects, _, _, predicate = subject_of(_clauses(node.text)[0] if node.text else "", lexicon)
        if not any(not m.generic for m in subjects) or not _responsibility_regex().match(predicate.strip(" ,")):
            continue
        made = _make_task(node, _Ctx(headings=[section.text]), None, "other", lexicon, [], _attrs(node))
        if made is not None:
            out.append(made)


def _introduces_work(section: Node, lexicon: Lexicon) -> bool:
    """A part that describes, whose last paragraph gives a named body the work listed after it:
    "I. ĐÁNH GIÁ CHUNG … thành phố Đà Nẵng cần tập trung thực hiện tốt một số nhiệm vụ, giải
    pháp sau đây:" (the work named in the words of cues.yaml: compound_work_headings)."""
    intro, ctx = _introducing_paragraph(section, lexicon)
    return intro is not None and bool(ctx.leads) and any(w in fold(intro.text) for w in work_words())


def _introducing_paragraph(section: Node, lexicon: Lexicon) -> tuple[Node | None, _Ctx]:
    """A section's opening paragraph that names who carries out the items after it ("…; các sở,
    ban, ngành, Ủy ban MTTQ tỉnh … triển khai Đợt thi đua, tập trung thực hiện các nội dung
    sau:"): the paragraph, and what its items inherit: its named actors (the items' leads),
    whether they are asked or given the work, and the partners named beside them (supports)."""
    opening = []
    for child in section.children:
        if child.kind in _WORK:
            break
        if child.kind == "para":
            opening.append(child)
    if not opening and section.kind == "article" and section.text.rstrip().endswith(":") and _work_children(section):
        # the article's own words introduce its items: "Điều 2. Giao Sở Y tế căn cứ Danh mục …
        # có trách nhiệm:" — the sentence that ends in the colon, not what the article said
        # before it ("Chính phủ cơ bản thống nhất …. Giao Bộ Công an …, bảo đảm các yêu cầu sau:")
        clauses = _clauses(section.text)
        ctx = _introduced(read_actors(clauses[-1], lexicon))
        _partners_said_before(ctx, clauses[:-1], lexicon)
        return None, ctx
    if not opening or not opening[-1].text.rstrip().endswith(":") or not _work_children(section):
        return None, _Ctx()
    addressed = _addressees_before_colon(opening[-1].text, lexicon)
    if addressed.leads:
        return opening[-1], addressed
    entry = entry_actors(opening[-1].text, lexicon)
    if entry is not None and entry.agencies and not entry.rest:
        # "Ủy ban nhân dân các xã, phường:" over its dashes: a body's name alone, its items its duties
        return opening[-1], _Ctx(leads=entry.agencies, requested=entry.requested)
    ctx = _introduced(read_actors(opening[-1].text, lexicon))
    return (opening[-1], ctx) if ctx.leads else (None, ctx)


@cache
def _addressing_colon() -> re.Pattern[str]:
    """"… Sở Nội vụ đề nghị Ủy ban nhân dân các xã, phường:", "Ủy ban nhân dân tỉnh yêu cầu Giám
    đốc các sở, ban, ngành thực hiện tốt một số nội dung sau:": the mood word, then the bodies the
    items below are asked of, then the colon (cues.yaml: request_cues, assignment_cues)."""
    c = cues()
    return re.compile(rf"(?<![\wÀ-ỹ])(?:(?P<req>{alternation(c['request_cues'])})|(?:{alternation(c['assignment_cues'])}))\s+(?P<bodies>[^:]+?)\s*:\s*$", re.I)


def _addressees_before_colon(text: str, lexicon: Lexicon) -> _Ctx:
    """The bodies a sentence that opens a list asks or tells to do the items (`_addressing_colon`):
    the items' leads — not the sentence's subject, who asks. Only a list of bodies up to the
    colon, or one with the words that say the items follow ("… thực hiện một số nội dung sau")."""
    m = _addressing_colon().search(text)
    if not m:
        return _Ctx()
    bodies = m.group("bodies")
    end = subject_end(bodies, lexicon)
    rest = fold(bodies[end:].strip(" ,"))
    if not end or (rest and not rest.endswith(tuple(fold(w) for w in cues()["items_follow"]))):
        return _Ctx()
    named = [a for a in split_agencies(bodies[:end], lexicon) if not a.generic]
    # told, not asked ("yêu cầu", "giao"): an item that gives work again names its own doers
    return _Ctx(leads=named, requested=bool(m.group("req")), given=not m.group("req")) if named else _Ctx()


def _partners_said_before(ctx: _Ctx, clauses: list[str], lexicon: Lexicon) -> None:
    """The partners an earlier clause named beside the same bodies the introducing clause names
    ("Giao Bộ Công an chủ trì, phối hợp với các bộ, cơ quan ngang bộ … nghiên cứu, tiếp thu …;
    Bộ Công an chịu trách nhiệm …, bảo đảm một số yêu cầu sau:"): they work with them on the items."""
    leads = {m.name for m in ctx.leads}
    for clause in clauses if leads else []:
        earlier = read_actors(clause, lexicon)
        if {m.name for m in earlier.leads if not m.generic} == leads:
            more = [m for m in earlier.supports if m.name not in {s.name for s in ctx.supports}]
            ctx.supports += more
            ctx.partners += more


def _introduced(actors: Actors) -> _Ctx:
    """What the items after an introducing sentence inherit from it: its named actors, and the
    partners beside them, only where it names someone."""
    named = [m for m in actors.leads if not m.generic]
    if not named:
        return _Ctx()
    return _Ctx(leads=named, requested=actors.requested, supports=list(actors.supports), partners=list(actors.supports), given=actors.assigned)


@cache
def _mood_sentence() -> re.Pattern[str]:
    """Where a paragraph's next sentence opens with the issuer's mood word and a body's name
    (cues.yaml: predicates.delegate): "… hoàn thành tốt các nhiệm vụ được giao. | Giao Công an
    tỉnh theo dõi, đôn đốc …" — work given to another body, a task of its own."""
    moods = alternation(w[:1].upper() + w[1:] for w in cues()["predicates"]["delegate"])
    return re.compile(rf"(?<=\.)\s+(?=(?:{moods})\s+(?:cho\s+)?[{CAPITALS}])")


def _sentences_of_work(text: str, lexicon: Lexicon | None = None) -> list[str]:
    """A paragraph cut before each sentence that gives work anew: by the issuer's mood word
    (`_mood_sentence`), and with a `lexicon`, a section's loose paragraph also before a sentence
    that opens with a body's name and its verb ("Giao Sở Nội vụ … báo cáo … trước ngày 05/12/2026.
    | Sở Tài chính bố trí kinh phí …")."""
    out: list[str] = []
    for part in _mood_sentence().split(text):
        start = 0
        for m in _SENTENCE_BREAK.finditer(part) if lexicon is not None else ():
            if lexicon is not None and _names_its_doer(part[m.end() :], lexicon):
                out.append(part[start : m.start() + 1])
                start = m.end()
        out.append(part[start:])
    return [p for p in out if p.strip()]


_SENTENCE_BREAK = re.compile(rf"\.\s+(?=[{CAPITALS}])")


def _loose_paragraphs(section: Node, role: str, lexicon: Lexicon, out, skip: Node | None = None) -> None:
    """Paragraphs straight under a section, and an organisation section's closing words,
    that assign work to named bodies ("Yêu cầu Giám đốc các sở … triển khai thực hiện").
    `skip`: the paragraph that introduces the section's items (its actors lead them)."""
    n = 0
    for child in section.children:
        if child.kind != "para":
            continue  # closing words ("Trên đây là …", "Yêu cầu các sở …") restate, they do not assign
        n += 1
        if child is skip:
            continue
        parts = _sentences_of_work(child.text, lexicon)
        for k, text in enumerate(parts):
            actors = read_actors(text, lexicon)
            if not (actors.leads or actors.supports or actors.supervisors):
                continue
            path = f"{section.path}.p{n}" + (f".{k + 1}" if len(parts) > 1 else "")
            made = _make_task(Node("para", "", text, child.lines, path=path), _Ctx(headings=[section.text]), None, "other", lexicon, [], {})
            if made is not None:
                out.append(made)


def _closing_requests(sections: list[Node], lexicon: Lexicon, out) -> None:
    """A letter's closing words that ask named bodies to act ("Trên đây là ý kiến của Sở X, đề
    nghị Sở Công Thương tổng hợp, báo cáo"): its request, a task."""
    n = 0
    for top in sections:
        for node in top.walk():
            if node.kind != "closing":
                continue
            # "… thông báo để <bodies> biết, thực hiện": the bodies are the subject that acts
            formula = notice_closing().match(node.text)
            if formula and not formula.group("bodies"):
                continue  # "… trân trọng thông báo./.": the notifier passes the word on
            for text in _sentences_of_work(formula.group("bodies") if formula else node.text):
                actors = read_actors(text, lexicon)
                if not any(not m.generic for m in actors.leads):
                    continue
                n += 1
                made = _make_task(Node("para", "", text, node.lines, path=f"closing{n}"), _Ctx(headings=[]), None, "other", lexicon, [], {})
                if made is not None:
                    out.append(made)


def _attrs(node: Node) -> dict[str, list[Node]]:
    out: dict[str, list[Node]] = {}
    for child in node.children:
        if child.kind == "attr":
            out.setdefault(child.attr or "", []).append(child)
    return out


def _work_children(node: Node) -> list[Node]:
    out: list = []
    for child in node.children:
        if child.kind in _WORK:
            out.append(child)
        elif child.kind == "attr" and child.attr == "lead" and not child.text:
            out.extend(c for c in child.children if c.kind in _WORK)
    return out


def _fold_points(parent: Node, lexicon: Lexicon) -> None:
    """Points numbered in brackets are tasks of their own when they say who does them ("(3) Bộ
    Công an tiếp tục chủ động phối hợp …"); when none does they are what their paragraph asks
    for — its targets ("(1) 100% số người hưởng trợ cấp … được tuyên truyền") — and stay its
    text."""
    points = [c for c in parent.children if c.kind == "point"]
    if points and not any(read_actors(c.text, lexicon).leads for c in points):
        children: list[Node] = []
        for child in parent.children:
            if child.kind == "point":
                children.append(Node("para", "", f"({child.label}) {child.text}", child.lines, marker="para"))
                children += child.children
            else:
                children.append(child)
        parent.children = children
    for child in parent.children:
        _fold_points(child, lexicon)


def _group_under_entries(section: Node, lexicon: Lexicon) -> None:
    """A body's name alone over its dashes, several in a row with no number ("**Sở Nội vụ:**" /
    "- Chủ trì …" / "**Sở Tư pháp:**" / "- Phối hợp …"): each name heads the dashes under it, as a
    numbered entry does. The tree hangs a paragraph after a dash under that dash; here it is the
    next entry's name, set back beside the dashes first."""
    flat: list[Node] = []
    lifted: list[Node] = []  # the dashes whose last paragraph is the next entry's name
    for child in section.children:
        flat.append(child)
        if child.kind in ("dash", "plus") and child.children and _entry_line(child.children[-1], lexicon):
            flat.append(child.children[-1])
            lifted.append(child)
    if sum(_bare_entry(c, lexicon) for c in flat) < 2:
        return
    # a name the gazetteer cannot read ("Các bệnh viện, trung tâm y tế trực thuộc Sở") still
    # heads the dashes under it: they are not the entry's above
    entries = [k for k, c in enumerate(flat) if _entry_line(c, lexicon)]
    if any(c.kind not in ("dash", "plus", "attr") for c in flat[entries[0] + 1 :] if not _entry_line(c, lexicon)):
        return
    for dash in lifted:
        dash.children.pop()
    grouped = flat[: entries[0]]
    for k, start in enumerate(entries):
        end = entries[k + 1] if k + 1 < len(entries) else len(flat)
        head = flat[start]
        grouped.append(Node("item", str(k + 1), head.text, head.lines, marker="item", children=flat[start + 1 : end], heading=head.heading))
    section.children = grouped


def _entry_line(node: Node, lexicon: Lexicon) -> bool:
    """A body's name over dashes, or a short line in its place with no sentence's end."""
    if _bare_entry(node, lexicon):
        return True
    text = node.text.strip()
    return node.kind == "para" and len(text) <= 120 and text[:1].isupper() and not text.endswith((".", ";", ",")) and not node.children


def _bare_entry(node: Node, lexicon: Lexicon) -> bool:
    """"Sở Tư pháp:", "Ủy ban nhân dân các xã, phường:": a paragraph that is a body's name and a
    colon — or the name alone ("**Văn phòng Sở**", a Word table's first cell over the duties of
    its second): the caller asks for two or more with only dashes between."""
    if node.kind != "para" or len(node.text) > 120:
        return False
    entry = entry_actors(node.text, lexicon)
    return entry is not None and bool(entry.agencies) and not entry.rest


def _float_attributes(parent: Node, lexicon: Lexicon) -> None:
    """Attribute lines after the last of several bullets apply to the bullets above too — their
    lead and partners not to one whose own sentence gives its work to a body ("3. … Giao Thanh
    tra tỉnh chủ trì, …")."""
    pending: list[Node] = []
    for child in parent.children:
        if child.kind not in _WORK:
            continue
        _float_attributes(child, lexicon)
        own = _attrs(child)
        if own and ("lead" in own or "support" in own or "timeframe" in own):
            for sibling in pending:
                # a sibling with a paragraph of its own says who does it ("3. Xây dựng … |
                # Sở, ban, ngành … có trách nhiệm …"): the next item's lines are not its own
                if not _attrs(sibling) and not _work_children(sibling) and not any(c.kind == "para" for c in sibling.children):
                    # … what its own sentence writes it keeps ("… Giao Thanh tra tỉnh chủ trì, …;
                    # thời gian: thường xuyên")
                    named = bool(read_actors(sibling.text, lexicon).leads)
                    timed = _inline_timeframe().search(sibling.text) is not None
                    sibling.children.extend(Node("attr", "", a.text, a.lines, attr=a.attr, marker=a.marker, children=a.children)
                                            for kind, group in own.items() if not (named and kind in ("lead", "support")) and not (timed and kind == "timeframe") for a in group)
            pending = []
        else:
            pending.append(child)


def _body_text(node: Node) -> str:
    paras = [c.text for c in node.children if c.kind == "para"]
    return " ".join(paras)


@dataclass
class _Entry:
    agencies: list[AgencyMention]
    requested: bool
    rest: str  # text after "X:" on the heading line


def entry_actors(heading: str, lexicon: Lexicon) -> _Entry | None:
    """An entry heading that names whom its items are for: "1. Công an tỉnh", "5. Các sở,
    ban, ngành và UBND các xã, phường", "Đề nghị Ủy ban MTTQ tỉnh …:", "Sở Công Thương: Chủ
    trì …", "Sở Tài chính - Cơ quan thường trực Ban Chỉ đạo"; and "Trách nhiệm của X" whatever X
    is ("Trách nhiệm của thuê bao"): the heading says X holds the duties."""
    heading = name_own_units(heading, lexicon)
    entry = _named_entry(heading, lexicon)
    if entry is not None:
        # the public a heading names with bodies holds none of their duties
        bodies = [m for m in entry.agencies if not (m.generic and names_the_public(m.name))]
        return replace(entry, agencies=bodies) if bodies else None
    duty = _clause_words().duty_of.match(heading.strip())
    if not duty or not _holder_preposition(duty):
        return None
    head, sep, rest = heading.strip()[duty.end() :].partition(":")
    holders = _duty_holders(re.sub(r"\s*\([^()]*\)", "", head).strip(" ."), lexicon)
    if _holder_preposition(duty) != "of":
        # what is demanded of things ("Yêu cầu đối với phương tiện vận chuyển …") binds no body
        holders = [h for h in holders if looks_like_agency(h.name)]
    return _Entry(holders, False, rest.strip() if sep else "") if holders else None


def _duty_holders(names: str, lexicon: Lexicon) -> list[AgencyMention]:
    """"… của tổ chức tín dụng, chi nhánh ngân hàng nước ngoài, tổ chức mua bán, xử lý nợ": each
    body the heading lists, a new one wherever a piece after a comma opens with a body's head
    ("xử lý nợ" goes on the one before); bare heads share the words after them ("cơ quan, tổ chức
    quản lý trực tiếp", "… tại các cơ quan, đơn vị" are one holder); a person after bodies is
    left out ("cơ quan Thi hành án, người có thẩm quyền tố tụng"). A list that opens with a person
    is that person's duties, whoever follows ("giáo viên chủ nhiệm trường A, trường B")."""
    first, *rest = re.split(r"(,\s+)", _without_scope(names))
    pieces, bare = [first], _bare_head(first)
    for comma, piece in zip(rest[::2], rest[1::2]):
        if bare or _bare_head(piece) or not (_opens_with_agency(piece, lexicon) or _unit_opening().match(piece) or _duty_holder(piece) is None):
            pieces[-1] += comma + piece
        else:
            pieces.append(piece)
        bare = _bare_head(piece)
    holders = [None if names_the_public(body) else _tier_named_bare(body, lexicon) or _duty_holder(body) for body in map(without_the_public, pieces)]
    return joined_groups([h for h in holders if h is not None]) if holders[0] is not None else []


def _without_scope(names: str) -> str:
    """Bare heads without the matter their duties concern ("các cơ quan, đơn vị | trong quản lý,
    sử dụng Hệ thống …"; cues.yaml: duty_holder_scopes)."""
    scope = _scope_regex().search(names)
    if scope and all(_bare_head(p) for p in re.split(r",\s+|\s+và\s+", names[: scope.start()])):
        return names[: scope.start()]
    return names


@cache
def _scope_regex() -> re.Pattern[str]:
    return re.compile(rf"\s+(?:{alternation(cues()['duty_holder_scopes'])})(?![\wÀ-ỹ])", re.I)


def _tier_named_bare(piece: str, lexicon: Lexicon) -> AgencyMention | None:
    """A tier named by its head alone ("Nhiệm vụ và quyền hạn của Bộ, cơ quan ngang Bộ, …" in a
    Government decree): every body of the tier ("Các bộ"), as the text reads the group, for the
    tiers addressed jointly (cues.yaml: collectives.joined) — not the issuer's own unit ("Trách
    nhiệm của Bộ" in a ministry's circular)."""
    if lexicon.own_unit and fold(piece) == fold(lexicon.own_unit):
        return None
    found = split_agencies(piece, lexicon)
    if len(found) != 1 or found[0].kind != "collective_group" or found[0].generic:
        return None
    return found[0] if joined_part(found[0].name) and fold(found[0].name) == "các " + fold(piece) else None


@cache
def _unit_opening() -> re.Pattern[str]:
    """A unit that makes a body of its own ("chi nhánh ngân hàng nước ngoài"; cues.yaml:
    units_before_bodies)."""
    return re.compile(rf"(?:{alternation(cues()['units_before_bodies'])})(?![\wÀ-ỹ])", re.I)


def _bare_head(piece: str) -> bool:
    """"cơ quan", "các đơn vị", "cá nhân": a head with no name of its own."""
    return is_generic_head(strip_plural(piece, whole=True))


def _named_entry(heading: str, lexicon: Lexicon) -> _Entry | None:
    text = expand_enumerations(heading.strip())
    requested = False
    mood = _mood_regex().match(text)
    if mood:
        requested = bool(mood.group("req"))
        text = text[mood.end():]
    led = _clause_words().led_topic.fullmatch(text.strip(" .:"))
    if led:
        text = led.group("body")  # "Nội dung Sở Xây dựng có trách nhiệm chủ trì": the matters it leads
    text = _clause_words().duty_of.sub("", text)
    head, sep, rest = text.partition(":")
    name = head.strip(" .")
    label = _clause_words().role_label.search(name)
    if label is not None:
        if _said_after_role(name[label.end() :]):
            return None  # "Giao Bộ Tài chính - Cơ quan Thường trực Ban Chỉ đạo 751 | đôn đốc …": a sentence
        name = name[: label.start()]
    listed = _members_in_brackets(name, lexicon)
    if listed:
        return _Entry(listed, requested, rest.strip() if sep else "")
    name = _without_scope(re.sub(r"\s*\([^()]*\)", "", name).strip())
    if not name or not _opens_with_agency(name, lexicon):
        return None
    if not sep and _cut_line(name) and not _affiliated_group(name):
        return None  # "4. Đề nghị Văn phòng Thành ủy, các cơ quan thuộc" / "Thành ủy phối hợp …": a line cut
    if predicate_start(name) < len(name.rstrip(" .")) - 1:
        return None  # a sentence, not a name list
    named_end = subject_end(name, lexicon)
    if named_end and named_end < len(name.rstrip(" .")) - 1 and not _clause_words().list_goes_on.match(name[named_end:]):
        return None  # "Các cơ quan, đơn vị liên quan | thu thập thông tin …": a verb follows the group
    if len(name) > 260:
        return None
    agencies = split_agencies(name, lexicon)
    if not agencies:
        return None
    if not requested and not is_plural(name, whole=True) and all(a.kind == "collective_group" and not a.known for a in agencies) and not _unit_named(name):
        return None  # "9. Doanh nghiệp số": a topic; "5. Các doanh nghiệp viễn thông" names whom
    return _Entry(agencies, requested, rest.strip() if sep else "")


@cache
def _unit_name_regex() -> re.Pattern[str]:
    return re.compile(rf"^(?:{alternation(cues()['named_unit_heads'])})\s+[{CAPITALS}]")


def _unit_named(name: str) -> bool:
    """"Ban Tổ chức - Kiểm tra", "Phòng Kiểm tra": a unit's proper name (cues.yaml:
    named_unit_heads), one body though the gazetteer lacks it."""
    return bool(_unit_name_regex().match(name.strip()))


def _said_after_role(role: str) -> bool:
    """The words after a role label go on with a predicate: the body and its role in apposition
    are the subject of a sentence ("Bộ Tài chính - Cơ quan Thường trực Ban Chỉ đạo 751 | đôn đốc
    các Bộ …"), where a heading names the role alone ("Sở Nội vụ - Cơ quan thường trực", "- chủ trì")."""
    words = _clause_words().role_words.match(role)
    after = role[words.end() :] if words else role
    return predicate_start(after) < len(after.rstrip(" .")) - 1


def _duty_holder(name: str) -> AgencyMention | None:
    """"Trách nhiệm của cơ quan, tổ chức quản lý trực tiếp", "Trách nhiệm của thuê bao": whom a
    heading gives duties to, though the gazetteer does not know it — the text names it, as it
    writes it. Not a person by post or trade (cues.yaml: duty_holder_persons, head_titles), and
    not a sentence (no clause punctuation, twenty words at most)."""
    if re.search(r"[.;:,]\s*$|[;:]", name) or len(name.split()) > 20 or not re.match(r"[\wÀ-ỹ]", name):
        return None
    persons = alternation([*cues()["duty_holder_persons"], *cues()["head_titles"]])
    if re.match(rf"(?:các\s+)?(?:{persons})(?![\wÀ-ỹ])", fold(name)):
        return None  # "Trách nhiệm của giáo viên", "… của người đứng đầu": a person's duties are their unit's
    if _role_named().fullmatch(fold(name)):
        return None  # "Trách nhiệm của các cơ quan phối hợp": whoever plays the part, no body
    written = name[:1].upper() + name[1:]
    return AgencyMention(written, "other", name, 0, len(name), known=False)


@cache
def _role_named() -> re.Pattern[str]:
    """A generic head named by the part it plays ("cơ quan phối hợp", "đơn vị chủ trì"; cues.yaml:
    collectives.generic, described_body_roles)."""
    heads = alternation(fold(h) for h in cues()["collectives"]["generic"])
    return re.compile(rf"(?:các\s+)?(?:{heads})\s+(?:{alternation(fold(r) for r in cues()['described_body_roles'])})")


def _article_entry(title: str, lexicon: Lexicon) -> _Entry | None:
    """The body an article's duties are for: "Điều 22. Sở Tài chính", "Điều 15. Trách nhiệm của
    các sở, ngành". A group named without "Trách nhiệm của" may be a term the text defines
    ("Điều 3. Hệ thống thư điện tử công vụ"), not whom the article addresses."""
    entry = entry_actors(title, lexicon)
    if entry is None or _clause_words().duty_of.match(title.strip()) or all(a.kind != "collective_group" for a in entry.agencies):
        return entry
    return None


def _members_in_brackets(name: str, lexicon: Lexicon) -> list[AgencyMention]:
    """"Các cơ quan đăng ký đầu tư (Sở Tài chính, Ban Quản lý Khu kinh tế …)": a group whose
    members the brackets name; the duties are theirs. Empty unless every member is a body."""
    m = re.fullmatch(r"(?P<group>[^()]+?)\s*\((?P<members>[^()]+)\)\s*", name)
    if not m or not is_plural(m.group("group"), whole=True) or not _opens_with_agency(m.group("group"), lexicon):
        return []
    found = split_agencies(m.group("members"), lexicon)
    if not found or any(a.kind == "collective_group" for a in found):
        return []
    # the names fill the brackets: "(trừ Sở Y tế)" is an exception, not a list of members
    covered = sum(len(a.surface) for a in found)
    return found if covered >= 0.8 * len(re.sub(r"[\s,;]+(?:và\s+)?", " ", m.group("members")).strip()) else []


def _group_heading(heading: str, lexicon: Lexicon) -> _Entry | None:
    """A heading that is one group's whole name ("Các chủ đầu tư xây dựng và kinh doanh hạ
    tầng Khu công nghiệp"), read as such only among sibling entries that name agencies: the
    words after the head describe the group, they are not its verb."""
    # "(các Ban quản lý rừng …, các Công ty …)": brackets describe the group, they do not name it
    name = re.sub(r"\s*\([^()]*\)", "", heading).strip().rstrip(" .:")
    if not is_plural(name) or re.search(r"[:;.]", name) or len(name.split()) > 16:
        return None
    if not _opens_with_agency(name, lexicon) or find_agencies(name):
        return None
    return _Entry([AgencyMention(name, "collective_group", name, 0, len(name), known=False)], False, "")


def _entries(children: list[Node], lexicon: Lexicon) -> dict[int, _Entry | None]:
    """The entry each heading names; in a list of entries (TỔ CHỨC THỰC HIỆN: "1. Sở …",
    "2. Ban …", "5. Các chủ đầu tư …") a sibling heading that names a group is one too."""
    out: dict[int, _Entry | None] = {}
    grouping = [c for c in children if c.kind in _WORK and c.text and _work_children(c)]
    for child in children:
        if child.kind in _WORK and child.text:
            # "Chánh Văn phòng …; Giám đốc các Sở: …; Nội vụ;" with a paragraph after it: a list a
            # line break cut, running on into its sentence, not an entry
            cut = child.text.rstrip().endswith(";") and any(c.kind == "para" for c in child.children)
            out[id(child)] = None if cut else entry_actors(child.text, lexicon)
    named = sum(1 for c in grouping if out.get(id(c)) is not None)
    if named >= 2 and named >= 0.6 * len(grouping):
        for c in grouping:
            if out.get(id(c)) is None:
                out[id(c)] = _group_heading(c.text, lexicon)
    return out


def _intro_label(node: Node, lexicon: Lexicon) -> list[AgencyMention]:
    """"1.2. Hỗ trợ khẩn cấp về nhà ở" / "Ủy ban nhân dân các tỉnh, thành phố:" / a) …: the
    paragraph that opens an item's list and is nothing but bodies and a colon names who does
    the items ("Tham mưu Ủy ban nhân dân tỉnh:" names whom they serve, not who acts)."""
    first = node.children[0] if node.children else None
    if first is None or first.kind != "para" or not first.text.rstrip().endswith(":"):
        return []
    body = first.text.rstrip()[:-1].rstrip()
    if not _opens_with_agency(body, lexicon) or subject_end(body, lexicon) < len(body):
        return []
    return [a for a in split_agencies(body, lexicon) if not a.generic]


@cache
def _about_regex() -> re.Pattern[str]:
    """"Đối với …": whom an item is about (cues.yaml: about_cue)."""
    return re.compile(rf"^{re.escape(cues()['about_cue'])}\s+([^:;]+)", re.I)


def _child_context(child: Node, ctx: _Ctx, own: dict[str, list[Node]], entry: _Entry | None, lexicon: Lexicon) -> _Ctx:
    """What an item inherits from the headings above it, overridden by what it says itself: its
    own lead and support attributes, an entry that names its bodies, a heading that directs
    bodies to carry out the items under it, "Đối với …" naming whom it is about."""
    sub = _work_children(child)
    heading = child.text
    child_ctx = ctx.under(heading)
    # partners a heading named beside its lead support that lead's items, not another lead's
    unpartnered = [m for m in ctx.supports if m not in ctx.partners]
    if own.get("lead") and any(a.text for a in own["lead"]):
        # (the partners the lead's own line names — "X chủ trì; Y phối hợp" — are kept)
        child_ctx.supports, child_ctx.partners, child_ctx.given = unpartnered, [], False
        child_ctx.leads = _attr_agencies(own["lead"], lexicon, child_ctx)
    elif entry is not None:
        child_ctx.leads = entry.agencies
        child_ctx.requested = ctx.requested or entry.requested
        child_ctx.supports, child_ctx.partners, child_ctx.given = unpartnered, [], False
    elif sub and heading and not _names_the_concerned(heading):
        # "Sở NN&MT chỉ đạo Chi cục Biển đảo và Thủy sản thực hiện các nội dung sau:"
        actors = read_actors(heading, lexicon)
        directed = _directed(heading, lexicon)
        if directed and _grammar().direct.match(heading):
            # "a) Chỉ đạo các ngân hàng thương mại … thực hiện …:" under an entry: the entry
            # directs, the bodies named carry out
            child_ctx.leads = ctx.leads + [d for d in directed if d.name not in {m.name for m in ctx.leads}]
        elif actors.leads or actors.supports:
            if actors.leads:
                child_ctx.leads = actors.leads + directed
                child_ctx.requested = ctx.requested or actors.requested
                child_ctx.given = actors.assigned
            # "Giao Bộ Công an chủ trì, phối hợp với các bộ … bảo đảm các yêu cầu sau:", "b) Chủ trì,
            # phối hợp với Giám đốc Sở X" over dashes: the heading's partners support its items
            child_ctx.supports = unpartnered + actors.supports
            child_ctx.partners = list(actors.supports)
        elif labelled := _intro_label(child, lexicon):
            # "1.2. Hỗ trợ khẩn cấp về nhà ở / Ủy ban nhân dân các tỉnh, thành phố: a) …": the
            # bodies the paragraph opening the list names do its items
            child_ctx.leads = labelled
            child_ctx.supports, child_ctx.partners = unpartnered, []
    if own.get("support"):
        child_ctx.supports = ctx.supports + [m for a in own["support"] for m in split_agencies(a.text, lexicon)]
    if own.get("timeframe"):
        child_ctx.timeframe = [_timeframe_value(a) for a in own["timeframe"]]
    # "Đối với <X>:" names X up to its colon, X opening the phrase ("Đối với trường hợp …, Sở X
    # thực hiện" is about a case, not Sở X); a body the gazetteer knows keeps its name
    about = _about_regex().match(heading)
    if about:
        found = [m for m in split_agencies(about.group(1), lexicon) if not m.generic]
        if found and not about.group(1)[: found[0].start].strip(" ,"):
            name = found[0].name if found[0].known else _plural(found[0].name)
            child_ctx.about = [AgencyMention(name, found[0].kind, found[0].surface, 0, 0, known=found[0].known)]
    return child_ctx


def _walk(node: Node, ctx: _Ctx, role: str, lexicon: Lexicon, default: list[AgencyMention], out) -> None:
    children = _children_in_order(node)
    entries = _entries(children, lexicon)
    work = _numbered(node, children)
    steps = {id(n) for n in _procedure_steps(work)}
    for child in work:
        if id(child) in steps:
            continue  # "- Trình tự thực hiện:" and the step table under it: no work given
        own = _attrs(child)
        sub = _work_children(child)
        heading = child.text
        titled = bool(sub) or any(c.kind == "para" for c in child.children)
        if titled and heading and len(heading.split()) <= 5 and not heading.endswith(".") and section_role(heading) in SILENT_ROLES:
            continue  # "1. Hiện trạng", "2. Mục tiêu" inside a task section: no work is assigned
        entry = entries.get(id(child))
        child_ctx = _child_context(child, ctx, own, entry, lexicon)
        if sub:
            # a heading that groups items: its items are the tasks — unless it says what a body is
            # made of ("Các Phòng chuyên môn, nghiệp vụ thuộc Chi cục gồm:"): its items name members
            if child.kind == "attr" or (_opens_with_agency(heading, lexicon) and _composition(heading, lexicon)):
                continue
            if _clause_words().case_list.search(heading.strip()):
                continue  # "… thu hồi thẻ trong những trường hợp sau đây:": its items are cases
            if heading.rstrip().endswith(";") and _names_its_doer(heading, lexicon):
                # "a. Các thôn tổ chức hội nghị để Nhân dân bàn …;" over "+ Ban công tác Mặt trận …
                # phối hợp …": a duty of a list, ended as one, is a task of its own and the items
                # under it its parts (not a paragraph ended by "." over notes — "Ngoài ra, địa
                # phương … sẽ được cộng điểm … ." — nor an introduction "…:", whose items a body
                # that only joins in may carry out alone: the keys give such an item no lead)
                child_ctx.parts_of_work = True
                made = _make_task(child, ctx, entry, role, lexicon, default, own)
                out += [made] if made is not None else []
            _walk(child, child_ctx, role, lexicon, default, out)
            continue
        out += _item_tasks(child, child_ctx, entry, role, lexicon, default, own)


def _item_tasks(item: Node, ctx: _Ctx, entry: _Entry | None, role: str, lexicon: Lexicon, default: list[AgencyMention], own: dict[str, list[Node]]) -> list:
    """An item's task, and one more for each sentence in its words that gives work anew
    (`_mood_sentence`: "- Ban Thường trực … yêu cầu các chuyên viên … thực hiện nghiêm túc kế
    hoạch này. | Đề nghị Văn phòng Đảng ủy, Văn phòng HĐND&UBND xã phối hợp …"): that sentence's
    bodies are its own actors (path ….2, ….3), neither the item's nor those the item inherits."""
    parts = [s for part in _item_paragraphs(item, entry, lexicon) for s in _sentences_of_work(part)]
    first = item
    if len(parts) > 1:
        first, entry = _first_sentence(item, entry, parts[0])
    made = [_make_task(first, ctx, entry, role, lexicon, default, own)]
    for k, text in enumerate(parts[1:], start=2):
        lines = item.lines + tuple(n for c in item.children if c.kind == "para" for n in c.lines)
        node = Node("para", "", text, lines, path=f"{item.path}.{k}")
        made.append(_make_task(node, _Ctx(headings=ctx.headings), None, role, lexicon, [], {}))
    return [m for m in made if m is not None]


def _item_paragraphs(item: Node, entry: _Entry | None, lexicon: Lexicon) -> list[str]:
    """An item's words as one text — or, where its own line is a whole sentence, cut before each
    paragraph under it that opens with a named body and its verb ("- Tổ chức đối thoại với Nhân
    dân ít nhất 01 lần/năm." | "Giám đốc các sở … chịu trách nhiệm thi hành Chỉ thị này."): the
    paragraph says another body's duty. A topic over its paragraph ("1. Công tác tuyên truyền" |
    "Sở Văn hóa … chủ trì …") is one text."""
    paras = [c.text for c in item.children if c.kind == "para"]
    if entry is not None or not paras or not item.text.rstrip().endswith((".", ";")):
        return [f"{item.text} {' '.join(paras)}" if paras else item.text]
    parts = [item.text]
    for para in paras:
        if _names_its_doer(para, lexicon):
            parts.append(para)
        else:
            parts[-1] = f"{parts[-1]} {para}"
    return parts


def _first_sentence(item: Node, entry: _Entry | None, first: str) -> tuple[Node, _Entry | None]:
    """The item cut to the words before its first sentence of new work: the heading cut, or
    its paragraphs' words up to that sentence."""
    kept = [c for c in item.children if c.kind != "para"]
    if len(first) < len(item.text):
        cut = len(item.text) - len(first)
        if entry is not None:
            entry = replace(entry, rest=entry.rest[: max(0, len(entry.rest) - cut)].rstrip())
        return replace(item, text=first, children=kept), entry
    rest = first[len(item.text) :].strip()
    paras = [c for c in item.children if c.kind == "para"]
    if rest:
        kept.append(Node("para", "", rest, tuple(n for c in paras for n in c.lines), marker="para"))
    return replace(item, children=kept), entry


def _names_the_concerned(heading: str) -> bool:
    """"Đối tượng là …:" over items: whom the items concern (cues.yaml: concerned_openers)."""
    return fold(heading).startswith(tuple(f"{w} " for w in cues()["concerned_openers"]))


def procedure_step_nodes(top: Node) -> set[int]:
    """The ids of every node inside a procedure's steps under `top`, as `_walk` skips them
    (the self-checks leave them out of the work the text gives)."""
    return {id(n) for parent in top.walk() for step in _procedure_steps([c for c in parent.children if c.kind in _WORK]) for n in step.walk()}


def _procedure_steps(items: list[Node]) -> list[Node]:
    """The items among siblings that are a procedure's steps: a step's title or number, and the
    bullets after a title (a step table's cells stand as bullets after "- Trình tự thực hiện:"
    in a portal's text) up to the next numbered or lettered item."""
    out: list[Node] = []
    steps = False
    for item in items:
        steps = _is_step_title(item.text) or (steps and item.kind in ("dash", "plus"))
        if steps:
            out.append(item)
    return out


def _is_step_title(heading: str) -> bool:
    """A procedure's sequence of steps, as a heading or a line's lead-in ("Trình tự thực hiện:
    …"), or one numbered step ("Bước 2. Tiếp nhận hồ sơ"; cues.yaml: procedure_steps)."""
    return _step_titles().match(fold(heading.strip(" *"))) is not None


@cache
def _step_titles() -> re.Pattern[str]:
    c = cues()["procedure_steps"]
    return re.compile(rf"(?:(?:{alternation(c['titles'])})\s*(?::|$)|{re.escape(c['label'])}\s+\d{{1,2}}(?![\d/]))")


def _opens_sentence(body: str, lexicon: Lexicon) -> bool:
    """Does a paragraph open its own sentence with a subject and a verb? One that continues
    the line above ("… báo cáo" / "Ủy ban nhân dân xã theo quy định.") does not."""
    subjects, _, end, predicate = subject_of(_clauses(body)[0] if body else "", lexicon)
    return not subjects or bool(predicate_regex().match(predicate.strip(" ,").lower()))


def _merge_actors(head: Actors, body: Actors) -> Actors:
    out = Actors(
        leads=head.leads + body.leads,
        supports=head.supports + body.supports,
        supervisors=head.supervisors + body.supervisors,
        generic=head.generic + body.generic,
        requested=head.requested or body.requested,
    )
    out.first_is_subject = head.first_is_subject or (not head.leads and body.first_is_subject)
    return out


def _directed(heading: str, lexicon: Lexicon) -> list[AgencyMention]:
    """"X chỉ đạo Y thực hiện các nội dung sau": Y carries out the items below."""
    m = _grammar().direct.search(heading)
    if not m:
        return []
    # "chỉ đạo các ngân hàng thương mại | chủ động phối hợp với Sở Y tế …": the bodies end where
    # their own verb starts
    directed = m.group(1)
    end = subject_end(directed, lexicon) or len(directed)
    return [a for a in split_agencies(directed[:end], lexicon) if not a.generic]


def _numbered(parent: Node, children: list[Node]) -> list[Node]:
    """The work items among `children`, each given its path under `parent`: a numbered or
    lettered item by its label, a bullet by its place among the bullets."""
    out: list[Node] = []
    bullets = 0
    for child in children:
        if child.kind not in _WORK:
            continue
        if child.kind in ("dash", "plus"):
            bullets += 1
            child.path = f"{parent.path}.{bullets}"
        else:
            child.path = f"{parent.path}.{child.label}"
        out.append(child)
    return out


def _children_in_order(node: Node) -> list[Node]:
    out: list = []
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
        # "Theo phân công tại Quyết định số 1441/QĐ-UBND … của Chủ tịch UBND tỉnh": the cited
        # document's issuer is not whom the cell names
        # a cell that lists its bodies with dashes ("- Bộ Khoa học và Công nghệ; - Các bộ, ngành
        # liên quan …"): the dashes mark members, no word of their names
        text = re.sub(r"(?:^|(?<=[;,]))\s*[-–+•]\s+", " ", a.text).strip()
        for start, end in cited_document_spans(text):
            text = text[:start] + " " * (end - start) + text[end:]
        actors = read_actors(text, lexicon)
        named = actors.leads or split_agencies(text, lexicon)
        out += named
        ctx.supports = ctx.supports + actors.supports
    return out


def _timeframe_value(attr: Node) -> str:
    parts = [attr.text.rstrip(" .;")] if attr.text else []
    parts += [c.text.rstrip(" .;") for c in attr.children if c.text]
    return "; ".join(p for p in parts if p)


def _task_text(node: Node, entry: _Entry | None, body: str, own: dict[str, list[Node]]) -> tuple[str, int] | None:
    """An item's text and first line: an entry's words after its name and the paragraph under
    it, or the heading and its paragraph; None for an item that gives no work."""
    heading = node.text
    if entry is not None and not entry.rest and not body and not own:
        return None  # a name alone ("- Lãnh đạo các Bộ: Công an, Quốc phòng"): nobody is given work
    if entry is not None:
        text = " ".join(p for p in (entry.rest, body) if p) or heading
        line = next((c.lines[0] for c in node.children if c.kind == "para"), node.lines[0])
    else:
        text = f"{heading} {body}".strip() if body else heading
        line = node.lines[0]
    if not text or _clause_words().appendix_only.fullmatch(body or heading):
        return None
    return text, line


def _titled_article(node: Node, body: str) -> bool:
    """An article whose heading is printed as a title ("**Điều 42. Trách nhiệm thi hành**") and
    whose paragraph opens a sentence of its own: not a sentence a line break cut ("Điều 2. Việc
    xác định xã, phường miền núi … đại biểu" / "Quốc hội khóa XVI …")."""
    return node.kind == "article" and node.heading and bool(node.text.strip()) and body[:1].isupper()


def _task_actors(heading: str, body: str, text: str, entry: _Entry | None, own_leads: bool, lexicon: Lexicon, titled: bool = False) -> Actors:
    """Who the item's words name, and in which role. An article's title ("Điều 42. Trách nhiệm
    thi hành") is never the start of the sentence its paragraph goes on with."""
    if own_leads:
        # "Cơ quan thực hiện" says who leads; the text may still name partners
        return Actors(supports=[m for m in partners(text, lexicon) if not m.generic])
    topic = _topic_regex().match(text)
    runs_on = heading.rstrip().endswith((";", ",")) or _cut_line(heading) or bool(topic and topic.end() > len(heading))
    if entry is None and body and (titled or _opens_sentence(body, lexicon)) and not runs_on:
        # (a heading that stops at a semicolon — a list broken across lines, "Giám đốc các Sở: …;
        # Nội vụ; | Tài Chính; Chủ tịch …" — or a topic that runs on past its line, "Về đề nghị
        # …; | hoàn thiện …: Ủy ban nhân dân …", is one sentence with the paragraph: read whole)
        # a topic heading ("1. Tiếp tục đẩy mạnh công tác tuyên truyền") and the paragraph
        # that says who does it ("Các cơ quan, đơn vị, địa phương tiếp tục …")
        head = read_actors(heading, lexicon)
        merged = _merge_actors(head, read_actors(body, lexicon))
        if head.leads and _grammar().directing.match(heading):
            # "- Chỉ đạo các Ban Quản lý dự án … kiểm tra" / "bố trí …": the bodies it names are
            # directed, the body it stands under stays responsible (_subject_leads)
            merged.assigned, merged.directs = head.assigned, head.directs
        return merged
    return read_actors(text, lexicon)


def _cut_line(heading: str) -> bool:
    """A line a break cut after a word no sentence ends on: an owner, a joiner or a preposition
    ("4. Đề nghị Văn phòng Thành ủy, các cơ quan thuộc" / "Thành ủy phối hợp …", "2. Doanh nghiệp
    thực hiện dự án casino quy định tại" / "Điều 3 …"; cues.yaml: owner_words, list_joiners,
    object_prepositions)."""
    return bool(_cut_line_regex().search(heading.rstrip()))


_PLURAL_WORD = re.compile(r"(?<![\wÀ-ỹ])các\s", re.I)


def _affiliated_group(heading: str) -> bool:
    """"5. Đoàn các xã, phường và các cơ sở Đoàn trực thuộc" over its items: the bodies under the
    issuer, a heading complete at its owner word (cues.yaml: affiliated_endings)."""
    return bool(_PLURAL_WORD.search(heading) and _affiliated_end().search(heading.rstrip()))


@cache
def _affiliated_end() -> re.Pattern[str]:
    return re.compile(rf"(?<![\wÀ-ỹ])(?:{alternation(cues()['affiliated_endings'])})$", re.I)


@cache
def _cut_line_regex() -> re.Pattern[str]:
    c = cues()
    words = alternation([*c["owner_words"], *c["list_joiners"], *c["object_prepositions"]])
    return re.compile(rf"(?<![\wÀ-ỹ])(?:{words})$", re.I)


def _task_leads(ctx: _Ctx, entry: _Entry | None, actors: Actors, own_leads: bool) -> tuple[list[AgencyMention], bool]:
    """The item's leads and whether they are asked rather than given: an entry's bodies, the
    inherited ones, or the item's own subject."""
    if entry is not None:
        directed = actors.directs and bool(entry.agencies)
        heads = list(entry.agencies)
        if actors.first_is_subject and not directed and actors.leads and not actors.generic and not any(m.generic for m in actors.leads):
            # "h) Các đơn vị khác" / "Cơ quan đăng ký đầu tư có trách nhiệm …": an entry that
            # names nobody in particular gives way to the bodies its sentence names (not when
            # the sentence names its group again: "Các cơ quan, đơn vị, địa phương có trách nhiệm …")
            heads = [e for e in heads if not e.generic]
        leads = heads + ([] if directed else [m for m in actors.leads if m.name not in {e.name for e in heads}])
        return leads, ctx.requested or entry.requested
    if own_leads:
        return list(ctx.leads), ctx.requested
    if actors.first_is_subject:
        return _subject_leads(ctx, actors), ctx.requested or actors.requested
    return list(ctx.leads) + list(actors.leads), ctx.requested or actors.requested


def _task_timeframe(ctx: _Ctx, text: str) -> tuple[str | None, bool, list[str]]:
    """The item's timeframe (inherited, or read in its text: then `from_text`) and its deadlines."""
    timeframe = "; ".join(ctx.timeframe) if ctx.timeframe else None
    from_text = False
    if not timeframe:
        timeframe = timeframe_in_text(text)
        from_text = timeframe is not None
    timeframe = timeframe.rstrip(" .") if timeframe else None
    deadline_src = " ".join([text] + ctx.timeframe)
    return timeframe, from_text, list(dict.fromkeys(d for d, _ in deadlines_in(deadline_src)))


def _no_work(text: str) -> bool:
    """"Được ưu tiên thuê …", "Được phép …": a benefit or a leave; "Ông Nguyễn Văn Hải, Chủ tịch
    UBND xã - Trưởng ban;": a seat on a committee — no work given."""
    return bool(_grammar().entitlement.match(text) or _roster_line().match(text))


def _states_a_field(text: str, actors: Actors) -> bool:
    """"Đối tượng: Ủy ban nhân dân 12 xã, phường": a field of the plan and its value, no body
    acting in it and no work named (cues.yaml: plan_fields)."""
    field = _plan_field().match(text)
    if field is None or actors.leads or actors.supports or actors.supervisors:
        return False
    # "Nội dung: Triển khai Tháng hành động …": the value is work, a verb opening it
    return not predicate_regex().match(text[field.end() :].strip().lower())


@cache
def _plan_field() -> re.Pattern[str]:
    return re.compile(rf"^\W*(?:{alternation(cues()['plan_fields'])})\s*:", re.I)


@cache
def _roster_line() -> re.Pattern[str]:
    """A committee's member: a person by name, their post, their seat (cues.yaml: roster_seats)."""
    c = cues()
    honorific = alternation(c["person_honorifics"])  # "Ông (bà) …" too
    return re.compile(rf"^(?:{honorific})(?:\s*\(\s*(?:{honorific})\s*\))?\s+[{CAPITALS}][^,;]*,.*[-–:]\s*(?:{alternation(c['roster_seats'])})\s*[;.,]?$", re.I)


def _make_task(
    node: Node,
    ctx: _Ctx,
    entry: _Entry | None,
    role: str,
    lexicon: Lexicon,
    default: list[AgencyMention],
    own: dict[str, list[Node]],
) -> tuple[Task, dict[str, AgencyMention]] | None:
    body = _body_text(node)
    said = _task_text(node, entry, body, own)
    if said is None:
        return None
    text, line = said
    if _no_work(text):
        return None
    own_leads = bool(own.get("lead")) and any(a.text for a in own["lead"])
    actors = _task_actors(node.text, body, text, entry, own_leads, lexicon, titled=_titled_article(node, body))
    if _only_points_to_appendix(text, actors) or (entry is None and not (own_leads or ctx.leads or ctx.supports) and _states_a_field(text, actors)):
        return None
    leads, requested = _task_leads(ctx, entry, actors, own_leads)
    leads, supervisors = ([], actors.supervisors + leads) if _heading_supervises(entry, ctx, own_leads, actors, text) else (leads, actors.supervisors)
    leads = _partners_are_not_leads(leads, actors)
    if not leads and ctx.about:
        leads = ctx.about
    if not leads and not actors.supports and not supervisors and role == "tasks":
        leads = default
    if not leads and not actors.supports and not supervisors and not actors.generic and role in ("funding", "reporting", "other") and not _partners_named(own):
        return None
    named_leads = [m for m in leads if not is_catch_all(m) or entry is not None or own_leads]
    others = [m for m in leads if m not in named_leads] + actors.generic
    supports = _task_supports(ctx, actors, named_leads)
    lead_names = _names(named_leads, lexicon)
    lead_keys = {fold(x) for x in lead_names}
    support_names = [n for n in _names(supports, lexicon) if fold(n) not in lead_keys]
    supervise_names = _names(supervisors, lexicon)
    timeframe, from_text, deadlines = _task_timeframe(ctx, text)
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
        supervise=supervise_names,
        others=[n for n in _names(others, lexicon) if fold(n) not in lead_keys],
    )
    # the mentions behind the names: their kind and place feed the plan's agency list
    return task, {shown_name(m, lexicon): m for m in leads + supports + supervisors + others}


def _heading_supervises(entry: _Entry | None, ctx: _Ctx, own_leads: bool, actors: Actors, text: str) -> bool:
    """"Điều 10. Trách nhiệm của Ban Thanh tra nhân dân" / "Giám sát việc thực hiện Quy chế này.":
    the bodies a heading names (an entry, or a request items inherit: "4. Đề nghị Ủy ban MTTQ
    Việt Nam tỉnh" / "- Giám sát …") supervise when the duty under it opens with the verb that
    makes a named subject supervise. (A heading that gives work does not ask: a department told
    to "Giám sát, theo dõi, đôn đốc …" monitors its own work.)"""
    headed = entry is not None or (bool(ctx.leads) and ctx.requested and not own_leads)
    return headed and not actors.first_is_subject and bool(_grammar().supervise.match(text.strip()))


def _task_supports(ctx: _Ctx, actors: Actors, leads: list[AgencyMention]) -> list[AgencyMention]:
    """The partners the context and the text name; "Ủy ban MTTQ cùng cấp" beside a lead the
    heading named ("Điều 7. Trách nhiệm của UBND các xã, phường" / "2. Phối hợp với …") at that
    lead's level, as beside a subject."""
    return [_at_subjects_level(m, leads) for m in list(ctx.supports) + actors.supports if not m.generic]


def _partners_named(own: dict[str, list[Node]]) -> bool:
    """A row's partners written in its own support cell, its lead cell blank (a DOCX merge, a
    table that names only who helps): still a row of work — not a cell that points elsewhere
    ("Theo phân công tại Quyết định số 1441/QĐ-UBND …"; cues.yaml: attribute_pointers)."""
    pointers = tuple(fold(p) for p in cues()["attribute_pointers"])
    return any(a.text and not fold(a.text).startswith(pointers) for a in own.get("support", []))


def _partners_are_not_leads(leads: list[AgencyMention], actors: Actors) -> list[AgencyMention]:
    """Under "3. Công an Thành phố, Bộ Tư lệnh Thành phố", the text "Công an Thành phố chủ trì
    phối hợp với Bộ Tư lệnh Thành phố …" says who leads: a body the heading names that the text
    itself makes a partner supports (the heading lists whom the entry concerns)."""
    if not (actors.first_is_subject and actors.leads and actors.supports):
        return leads
    own = {m.name for m in actors.leads}
    partners = {m.name for m in actors.supports} - own
    return [m for m in leads if m.name not in partners]


def _only_points_to_appendix(text: str, actors: Actors) -> bool:
    """A short line that sends the reader to an appendix ("Nhiệm vụ cụ thể tại Phụ lục kèm
    theo") gives no work of its own; one that gives it to a body does ("Giao Sở Khoa học và
    Công nghệ triển khai phương án … nêu tại Phụ lục kèm theo")."""
    if not (_clause_words().appendix_pointer.search(text) and len(text) < 160):
        return False
    return not (actors.first_is_subject and any(not m.generic for m in actors.leads))


def _subject_leads(ctx: _Ctx, actors: Actors) -> list[AgencyMention]:
    """The leads of a task whose text opens with its subject. One that directs ("Chỉ đạo lực
    lượng Kiểm lâm tuần tra …" under "2. Sở Nông nghiệp và Môi trường") is the duty of the body
    it stands under: the bodies it directs are the object of that duty, as the answer keys read
    them; one that gives work ("Giao Sở X chủ trì …") names who carries it out — alone where the
    heading above was itself the issuer giving work ("Giao Sở Dân tộc và Tôn giáo chủ trì … có
    trách nhiệm:" / "4. Giao Sở Khoa học và Công nghệ chủ trì …": the issuer speaks again)."""
    if not actors.assigned:
        if not actors.leads and actors.supports and ctx.leads and ctx.parts_of_work:
            # "+ Ban công tác Mặt trận các thôn phối hợp vận động …" under "a. Các thôn tổ chức hội
            # nghị …;": its subject supports the work the heading's body leads
            return list(ctx.leads)
        return list(actors.leads)
    if actors.directs and ctx.leads:
        return list(ctx.leads)
    if ctx.given and actors.leads:
        return list(actors.leads)
    return list(ctx.leads) + [m for m in actors.leads if m.name not in {c.name for c in ctx.leads}]


def _names(mentions: list[AgencyMention], lexicon: Lexicon) -> list[str]:
    return list(dict.fromkeys(shown_name(m, lexicon) for m in mentions))


@cache
def _measure_patterns() -> list[tuple[str, tuple[str, ...], re.Pattern[str]]]:
    """Per measure category, its folded cues and one compiled alternation of them as words."""
    out = []
    for m in measures():
        cues_ = tuple(fold(c) for c in m.cues)
        out.append((m.id, cues_, re.compile(r"(?<![\wÀ-ỹ])(?:" + "|".join(map(re.escape, cues_)) + r")(?![\wÀ-ỹ])")))
    return out


def _measures(text: str) -> list[str]:
    low = fold(text)
    # a cue's letters must be there before it is sought as a word (most categories have none)
    return [mid for mid, cues_, pattern in _measure_patterns() if any(c in low for c in cues_) and pattern.search(low)]


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
                if set(c["implementer_not_after"]) & {w.lower() for w in before[-3:]}:
                    continue
                named = entry_actors(entry.text, lexicon)
                if named is not None:
                    return [a for a in named.agencies]
                actors = read_actors(entry.text, lexicon)
                if actors.leads:
                    return actors.leads
    return []


# --- reporting -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _ReportWords:
    """Where a report goes and through whom (cues.yaml: reporting), compiled once."""

    verb: re.Pattern[str]
    noun: re.Pattern[str]  # the words before it that make the verb a noun ("chế độ báo cáo")
    to_lead_in: re.Pattern[str]
    via_open: re.Pattern[str]
    via: re.Pattern[str]
    compile_then_report: re.Pattern[str]


@cache
def _report_words() -> _ReportWords:
    c = cues()["reporting"]
    verbs, via = alternation(c["verbs"]), alternation(c["via_words"])
    send, compile_ = alternation([c["compile"]["send"]]), alternation([c["compile"]["compile"]])
    return _ReportWords(
        verb=re.compile(verbs, re.I),
        noun=re.compile(rf"(?<![\wÀ-ỹ])(?:{alternation(c['noun_before'])})\s*$", re.I),
        to_lead_in=re.compile(rf"(?:^\s*|(?:{alternation(c['to_words'])})\s*)$"),
        via_open=re.compile(rf"\(\s*(?:{via})\s*$", re.I),
        via=re.compile(rf"\(\s*(?:{via})\s+([^)]+)\)", re.I),
        compile_then_report=re.compile(rf"{send}\s+(.+?)\s+{compile_},?\s*(?:(?:{verbs})\s+)?(.*)$", re.I),
    )


def _report_route(text: str, lexicon: Lexicon, note: Callable[[AgencyMention], str]) -> tuple[str | None, str | None]:
    """Where the report goes — "về X", or directly "báo cáo X" — and through whom: "(qua X)",
    or "gửi về X để tổng hợp, báo cáo Y" (X compiles, Y receives)."""
    words = _report_words()
    to = via = None
    for m in words.verb.finditer(text):
        after = text[m.end():]
        if words.noun.search(text[max(0, m.start() - 20) : m.start()]) and opens_with_subject(after):
            continue  # "Chế độ báo cáo | Ủy ban nhân dân các xã báo cáo …": a topic, then its reporter
        for agency in find_agencies(after[:200]):
            lead_in = after[: agency.start]
            if words.via_open.search(lead_in):
                continue
            if words.to_lead_in.search(lead_in) and "(" not in lead_in[-3:]:
                to = note(agency)
                break
        if to:
            break
    qm = words.via.search(text)
    if qm:
        found = split_agencies(qm.group(1), lexicon)
        via = note(found[0]) if found else None
    gm = words.compile_then_report.search(text)
    if gm:
        found = split_agencies(gm.group(1), lexicon)
        if found:
            via = note(found[0])
        onward = find_agencies(gm.group(2)[:120])
        if onward and onward[0].start < 5:
            to = note(onward[0])
    return to, via


def _reporting(task: Task, named: dict[str, AgencyMention], lexicon: Lexicon, since: str | None = None) -> list[tuple[Reporting, dict[str, AgencyMention]]]:
    c = cues()["reporting"]
    text = f"{task.text} {task.timeframe or ''}"
    out: list[Reporting] = []
    if not _report_words().verb.search(text):
        return []
    mentions = dict(named)
    low = fold(text)

    def note(m: AgencyMention) -> str:
        mentions.setdefault(m.name, m)
        return m.name

    to, via = _report_route(text, lexicon, note)
    frequency = None
    for f in c["frequencies"]:
        if re.search(f["pattern"], low):
            frequency = f["frequency"]
            break
    reporters = list(task.lead)
    deadlines = deadlines_in(text, since)
    for d, pos in deadlines:
        # the frequency cue nearest before the deadline governs it ("báo cáo 6 tháng trước ngày 05/6")
        window = fold(text[max(0, pos - 40) : pos])
        nearest = -1
        freq = frequency
        for f in c["frequencies"]:
            for m in re.finditer(f["pattern"], window):
                if m.end() > nearest:
                    nearest, freq = m.end(), f["frequency"]
        out.append(Reporting(list(reporters), to, via, d, freq, task.path, task.line, task.quote))
    if not deadlines and (to or frequency):
        out.append(Reporting(list(reporters), to, via, None, frequency, task.path, task.line, task.quote))
    if re.search(c["ad_hoc"], low) and (to or via):
        out.append(Reporting(list(reporters), to, via, None, "ad hoc", task.path, task.line, task.quote))
    return [(r, mentions) for r in out]

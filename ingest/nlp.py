"""The spaCy pipeline, built once: a blank Vietnamese `nlp` (its tokenizer) and the matchers of
agencies over its tokens.

Choices made here and nowhere else:
- `spacy.blank("vi")` would need pyvi word segmentation (about 10x slower) or, without it,
  splits on spaces only, gluing punctuation to words ("pháp;"). We keep spaCy's Vietnamese
  language data but use the rule-based tokenizer with the default punctuation rules, so
  token patterns see "pháp" and ";" apart.
- Gazetteer names and aliases become phrase patterns matched on LOWER (case-insensitive),
  each with the entry's name as its `id` and its kind as its label; families ("Sở …",
  "Trung tâm …") become token patterns labelled with the family's kind and id "family:<head>".
- The names are matched by a `PhraseMatcher` called directly, as a `span_ruler` would call it:
  a name is looked up in thousands of short texts per document, and the ruler's spans and
  warning filters cost twice its matching.
"""
from __future__ import annotations

import operator
from functools import cache, lru_cache
from typing import Any

from .rules import CAPITALS, AgencyFamily, cues, gazetteer, marks_misread, unmarked


@cache
def pipeline():
    import spacy
    from spacy.lang.vi import Vietnamese
    from spacy.tokenizer import Tokenizer
    from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
    defaults = Vietnamese.Defaults
    # "… Du lịch/Sở Văn hóa và Thể thao": a slash between a word and a name parts two names
    infixes = list(defaults.infixes or []) + [r"(?<=[\w)])[;,:](?=\S)", r"(?<=\w)-(?=\w)", r"(?<=\w)&(?=\w)", rf"(?<=[a-zà-ỹđ])/(?=[{CAPITALS}])"]
    nlp.tokenizer = Tokenizer(
        nlp.vocab,
        prefix_search=compile_prefix_regex(defaults.prefixes).search,
        suffix_search=compile_suffix_regex(defaults.suffixes).search,
        infix_finditer=compile_infix_regex(infixes).finditer,
    )
    return nlp


@cache
def name_matcher() -> Any:
    """The gazetteer's names and aliases as phrases matched on LOWER, keyed "<kind>\t<name>"."""
    from spacy.matcher import PhraseMatcher

    nlp = pipeline()
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    for p in patterns():
        if isinstance(p["pattern"], str):
            matcher.add(f"{p['label']}\t{p['id']}", [nlp.make_doc(p["pattern"])])
    return matcher


def _dashed_fields(stops: list[str]) -> list[list[dict[str, Any]]]:
    """A dash and a field of cues.yaml's dash_fields, then the name's other words."""
    return [[{"ORTH": {"IN": ["-", "–"]}}, *({"LOWER": w.lower()} for w in field.replace(",", " ,").split()), {"IS_ALPHA": True, "OP": "{0,5}", "ORTH": {"NOT_IN": stops}}]
            for field in cues()["dash_fields"]]


@cache
def family_matchers() -> dict[str, Any]:
    """Token patterns (the families, and abbreviations matched only as written), one Matcher per
    head word: a text is matched only against the patterns whose head it contains (all of them
    at every token cost most of extraction's time)."""
    from spacy.matcher import Matcher

    vocab = pipeline().vocab
    out: dict[str, Matcher] = {}
    for p in patterns():
        if isinstance(p["pattern"], str):
            continue
        head = p["pattern"][0]["ORTH"]
        matcher = out.setdefault(head, Matcher(vocab, validate=True))
        matcher.add(f"{p['label']}\t{p['id']}", [p["pattern"]])
    return out


def _name_patterns() -> list[dict]:
    out: list[dict] = []
    for entry in gazetteer().entries:
        surfaces = (entry.name, *entry.aliases)
        # "&" stands for "và" in any name ("Văn phòng HĐND&UBND", "Sở Khoa học & Công nghệ")
        for surface in dict.fromkeys((*surfaces, *(s.replace(" và ", " & ") for s in surfaces if " và " in s))):
            # a two-letter abbreviation is also a word in lower case ("TU" Tỉnh ủy, "tu bổ" a
            # repair): it names the body only as written
            pattern = [{"ORTH": surface}] if len(surface) <= 2 and surface.isupper() else surface
            out.append({"label": entry.kind, "pattern": pattern, "id": entry.name})
    return out


def _name_stops() -> tuple[list[str], list[str]]:
    """The lower-case words that end a family name anywhere, and those that end it right after
    its head."""
    # Lower-case words that begin a predicate end a family name ("Sở Nội vụ chủ trì").
    # (the first word of a two-word verb, unless bodies' names use it: "Xúc tiến", "thông tin")
    inside = {w.lower() for w in cues()["name_words"]}
    # (an owner word ends it too: "Phòng Hành chính, Lưu trữ | thuộc Văn phòng Tỉnh ủy")
    stops = ({s.split()[0].lower() for s in cues()["predicate_stops"]} - inside) | {"các", "về", "của", "theo", "tại", "trên", "với", "và", "hoặc", "thuộc"}
    # a negation right after the head opens a predicate ("Chi cục | không có phòng được bố trí
    # …"); further in it may be a name's word ("Tổng công ty Hàng không Việt Nam")
    return sorted(stops), sorted(stops | set(cues()["clause_words"]["negations"]))


def _heads_in_names(gaz: Any) -> tuple[list[str], list[str]]:
    """The words that open a body's name and stand inside names too (cues.yaml: name_words:
    "công" of "Công an" and of "công nghệ"), and the words that follow them in the names they
    open ("an", "ty", "đoàn")."""
    names = [n for e in gaz.entries for n in (e.name, *e.aliases)] + [f.head for f in gaz.families]
    shared = {w.lower() for w in cues()["name_words"]} & {n.split()[0].lower() for n in names}
    seconds = {n.split()[1].lower() for n in names if len(n.split()) > 1 and n.split()[0].lower() in shared}
    return sorted(shared), sorted(seconds)


@cache
def patterns() -> tuple[dict, ...]:
    """The gazetteer's names and aliases, then the families' token patterns."""
    gaz = gazetteer()
    out = _name_patterns()
    stops, first_stops = _name_stops()
    titles = sorted(cues()["title_openers"])  # "…, Trưởng các phòng": a person's title opens the next member
    heads = sorted({e.name.split()[0].lower() for e in gaz.entries} | {a.split()[0].lower() for e in gaz.entries for a in e.aliases} | {f.head.split()[0].lower() for f in gaz.families})
    # the heads that open a second member after "," or "và": families', units' and generic heads
    # ("…, Sở Công Thương", "…, Cơ quan, Thủ trưởng …"); a gazetteer name's first word is not one
    member_heads = sorted({f.head.split()[0].lower() for f in gaz.families} | {u.split()[0].lower() for u in cues()["units_before_bodies"]}
                          | {g.split()[0].lower() for g in cues()["collectives"]["generic"]})
    shared, seconds = _heads_in_names(gaz)
    inner_heads = [[{"ORTH": w[0]}, *({"LOWER": x.lower()} for x in w[1:])] for w in (f.head.split() for f in gaz.families) if len(w) > 1]
    for fam in gaz.families:
        # the head's first word as written, the others in any case ("Ban quản lý", "Trung Tâm")
        words = fam.head.split()
        head = [{"ORTH": words[0]}, *({"LOWER": w.lower()} for w in words[1:])]
        # a capital inside a name is a name's word even when the word is also a verb
        # ("Thanh tra Sở Xây dựng"): stops are matched as written, in lower case
        first = {"IS_TITLE": True} if len(head) == 1 else {"IS_ALPHA": True, "ORTH": {"NOT_IN": first_stops}}
        rest = {"IS_ALPHA": True, "OP": "{0,9}", "ORTH": {"NOT_IN": stops}}
        # "Sở Văn hóa, Thể thao và Du lịch": a comma or "và" followed by a capital continues it
        # … unless the capital starts another body ("Ban Quản lý Khu kinh tế, Sở Công Thương")
        # ("Cục Nhà giáo và Cán bộ quản lý giáo dục": five words after the capital word)
        # (a capital word that only opens some gazetteer name — "Bảo" of "Bảo hiểm xã hội" — goes
        # on with the name: "Cục Trồng trọt và Bảo vệ thực vật"; the finder cuts the name where a
        # known body really starts, `agencies._before_a_known_body`)
        joined = [{"ORTH": {"IN": [",", "và", "-", "–"]}}, {"IS_TITLE": True, "LOWER": {"NOT_IN": member_heads + titles}}, {"IS_ALPHA": True, "OP": "{0,5}", "ORTH": {"NOT_IN": stops}}]
        # (abbreviations in capitals may stand between the head and the name: "Trường THPT Phan Bội Châu")
        out.extend({"label": fam.kind, "pattern": [*head, *abbr, first, rest], "id": f"family:{fam.head}"} for abbr in ([], [{"IS_UPPER": True, "IS_ALPHA": True, "LENGTH": {">=": 2}, "OP": "{1,3}"}]))
        # units numbered since the 2025 reorganisations ("Vùng Cảnh sát biển 3", "Quân khu 5")
        out.append({"label": fam.kind, "pattern": [*head, first, rest, {"IS_DIGIT": True, "LENGTH": {"<=": 2}}], "id": f"family:{fam.head}"})
        if fam.numbered:
            out.append({"label": fam.kind, "pattern": [*head, {"IS_DIGIT": True, "LENGTH": {"<=": 2}}], "id": f"family:{fam.head}"})
        if len(head) > 1:
            # a capital after a two-word head names the body even when it is also a verb
            # ("Ủy ban Kiểm tra", "Ban Chỉ đạo")
            out.append({"label": fam.kind, "pattern": [*head, {"IS_TITLE": True}, rest], "id": f"family:{fam.head}"})
        out.append({"label": fam.kind, "pattern": [*head, first, rest, *joined], "id": f"family:{fam.head}"})
        # a field after a dash whose first word opens a body's name too ("Phòng Hành chính - Tổng
        # hợp"; cues.yaml: dash_fields)
        out.extend({"label": fam.kind, "pattern": [*head, first, rest, *dashed], "id": f"family:{fam.head}"} for dashed in _dashed_fields(stops))
        out.append({"label": fam.kind, "pattern": [*head, first, rest, *joined, *joined], "id": f"family:{fam.head}"})
        # "Viện Văn hóa, Nghệ thuật, Thể thao và Du lịch Việt Nam": a name of four fields
        out.append({"label": fam.kind, "pattern": [*head, first, rest, *joined, *joined, *joined], "id": f"family:{fam.head}"})
        # "Trung tâm Xúc tiến đầu tư, thương mại và du lịch": lower-case members of one name
        lower = {"IS_LOWER": True, "LOWER": {"NOT_IN": stops + heads}}
        listed = [{"ORTH": ","}, lower, {**lower, "OP": "?"}, {"ORTH": "và"}, lower, {**lower, "OP": "?"}]
        out.append({"label": fam.kind, "pattern": [*head, first, rest, *listed], "id": f"family:{fam.head}"})
        # "Cục Quản lý nhà và thị trường bất động sản": two fields of one name, the second in lower case
        out.append({"label": fam.kind, "pattern": [*head, first, rest, {"ORTH": "và"}, lower, {"IS_LOWER": True, "LOWER": {"NOT_IN": stops}, "OP": "{0,5}"}], "id": f"family:{fam.head}"})
        # … whose first word opens some body's name too, when the next is not that name's
        # ("Vụ Khoa học kỹ thuật và công nghệ", not "… và công an xã")
        out.append({"label": fam.kind, "pattern": [*head, first, rest, {"ORTH": "và"}, {"LOWER": {"IN": shared}}, {"IS_LOWER": True, "LOWER": {"NOT_IN": stops + seconds}}, {"IS_LOWER": True, "LOWER": {"NOT_IN": stops}, "OP": "{0,4}"}], "id": f"family:{fam.head}"})
        # a body named inside another's name keeps its own head whole, verb or not ("Văn phòng
        # Ban chỉ đạo phòng thủ dân sự quốc gia", not "Văn phòng Ban")
        for inner in inner_heads:
            out.append({"label": fam.kind, "pattern": [*head, *inner, rest], "id": f"family:{fam.head}"})
        out.extend(_field_patterns(fam, head, first, rest))
    return tuple(out)


def _field_patterns(fam: AgencyFamily, head: list[dict], first: dict, rest: dict) -> list[dict]:
    """A field named by a noun phrase with a verb's word in it ends the name ("Cục Việc làm",
    "Trung tâm Dịch vụ việc làm"; cues.yaml: field_nouns) — and a company's name may open with its
    legal form, in any case ("Công ty TNHH Một thành viên Khai thác công trình thủy lợi": "thành"
    of "thành viên" is no verb there; cues.yaml: company_forms)."""
    fields, forms = _phrase_tokens("field_nouns"), _phrase_tokens("company_forms") if fam.kind == "enterprise" else ()
    ident = {"label": fam.kind, "id": f"family:{fam.head}"}
    out = [{**ident, "pattern": [*head, *noun]} for noun in fields]
    out += [{**ident, "pattern": [*head, first, rest, *noun]} for noun in fields]
    for form in forms:
        out.append({**ident, "pattern": [*head, *form, first, rest]})
        out += [{**ident, "pattern": [*head, *form, first, rest, *noun]} for noun in fields]
    return out + _comma_field_patterns(ident, head, first, rest)


def _comma_field_patterns(ident: dict, head: list[dict], first: dict, rest: dict) -> list[dict]:
    """A field of two words parted by a comma ("Cục Quản lý, giám sát kế toán, kiểm toán", "Cục
    Quản lý Khám, chữa bệnh", "Phòng Tổ chức, biên chế và tổ chức phi chính phủ"; cues.yaml:
    comma_fields), its object after one more comma or "và" — or the second field of a name,
    after "và" ("Phòng Cải cách hành chính và Văn thư, lưu trữ")."""
    # the field right after the head; the elements past it optional (the matcher gives every length)
    lower = {**rest, "IS_LOWER": True, "OP": "{0,4}"}
    more = [{"ORTH": ",", "OP": "?"}, {**lower, "OP": "{0,3}"}]
    joined = [{"ORTH": ","}, {**lower, "OP": "{1,3}"}, {"ORTH": "và"}, {**lower, "OP": "{1,3}"}]
    # … "và" and a second field, in any case ("và Tổ chức phi chính phủ")
    anded = [{"ORTH": "và"}, {"IS_ALPHA": True, "OP": "{1,5}", "ORTH": {"NOT_IN": rest["ORTH"]["NOT_IN"]}}]
    fields = _phrase_tokens("comma_fields")
    out = [{**ident, "pattern": [*head, *field, lower, *tail]} for field in fields for tail in (more, joined, anded)]
    return out + [{**ident, "pattern": [*head, first, rest, {"ORTH": "và"}, *field]} for field in fields]


@cache
def _phrase_tokens(group: str) -> tuple[list[dict], ...]:
    """A cue group's phrases as token patterns, each word in any case."""
    # a comma is a token of its own ("quản lý, giám sát")
    return tuple([{"LOWER": w.lower()} for w in phrase.replace(",", " ,").split()] for phrase in cues()[group])


def agency_spans(text: str) -> list[tuple[int, int, str, str]]:
    """(start char, end char, kind, id) of every agency span, overlaps included.

    The caller chooses among overlaps: a gazetteer name beats a longer family match.
    """
    doc = pipeline().make_doc(text)
    strings = doc.vocab.strings
    found = set()
    for key, start, end in name_matcher()(doc):
        label, ident = strings[key].split("\t")
        span = doc[start:end]
        found.add((span.start_char, span.end_char, label, ident))
    matchers = family_matchers()
    # a head word not in the text cannot start a match (the matcher checks it is a token)
    heads = {h for h in matchers if h in text}
    if not heads:
        return sorted(found)
    width = _family_width()
    words = [t.text for t in doc]
    for i in (i for i, w in enumerate(words) if w in heads):
        window = words[i : i + width]
        end = next((k for k, w in enumerate(window) if k and (_ends_every_pattern(w) or _opens_adverb(window[k:]))), len(window))
        for label, ident, length in _family_hits(tuple(window[:end])):
            span = doc[i : i + length]
            found.add((span.start_char, span.end_char, label, ident))
    return sorted(found)


@cache
def _adverbs() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(a.split()) for a in [*cues()["time_adverbs"], *cues()["manner_adverbs"]])


@cache
def _adverbs_by_first_word() -> dict[str, tuple[tuple[str, ...], ...]]:
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for adverb in _adverbs():
        by_first.setdefault(adverb[0], []).append(adverb)
    return {first: tuple(found) for first, found in by_first.items()}


def _opens_adverb(words: list[str]) -> bool:
    """An adverb of frequency or manner starts here: no family's name holds one ("Ban Chỉ đạo |
    định kỳ hoặc đột xuất tổ chức kiểm tra …", "Ban Chỉ huy cấp xã | trực tiếp báo cáo …"), though
    its words may stand in names ("Thẩm định", "Ngân hàng", "Thường trực")."""
    # only the adverbs of the first word are compared (a head's window asks at every word)
    found = _adverbs_by_first_word().get(words[0].lower()) if words else None
    return found is not None and any(tuple(w.lower() for w in words[: len(a)]) == a for a in found)


@cache
def _family_width() -> int:
    """The most tokens a family pattern can take: a match depends on no token past them."""
    def most(element: dict) -> int:
        op = element.get("OP", "1")
        if op in ("*", "+"):
            raise ValueError(f"a family pattern without a bound ({op}) needs the whole text")
        return int(op.strip("{}").split(",")[-1]) if op.startswith("{") else 1

    return max(sum(most(e) for e in p["pattern"]) for p in patterns() if not isinstance(p["pattern"], str))


@lru_cache(maxsize=1 << 14)
def _ends_every_pattern(word: str) -> bool:
    """A word no element after a family pattern's first takes ("chủ" of "chủ trì", ";", "("):
    no match runs over it, so a head's window ends there (shorter windows are met again)."""
    lexeme = pipeline().vocab[word]
    return not any(_takes(element, lexeme) for element in _later_elements())


@cache
def _later_elements() -> tuple[dict, ...]:
    """The distinct elements family patterns have after their first (each once)."""
    seen: dict[str, dict] = {}
    for p in patterns():
        if not isinstance(p["pattern"], str):
            for element in p["pattern"][1:]:
                seen.setdefault(repr(sorted((k, v) for k, v in element.items() if k != "OP")), element)
    return tuple(seen.values())


_FLAGS = {"IS_ALPHA": "is_alpha", "IS_TITLE": "is_title", "IS_LOWER": "is_lower", "IS_UPPER": "is_upper", "IS_DIGIT": "is_digit"}
_COMPARE = {"<=": operator.le, ">=": operator.ge, "<": operator.lt, ">": operator.gt, "==": operator.eq, "!=": operator.ne}


def _takes(element: dict, lexeme: Any) -> bool:
    """Does a pattern element match the word, as spaCy's Matcher reads it? An attribute not
    read here is taken to match: a window is never cut short by what is not understood."""
    for attr, want in element.items():
        if attr == "OP":
            continue
        if attr in ("ORTH", "LOWER"):
            have = lexeme.orth_ if attr == "ORTH" else lexeme.lower_
            ok = have == want if isinstance(want, str) else _in_set(have, want)
        elif attr in _FLAGS:
            ok = getattr(lexeme, _FLAGS[attr]) == want
        elif attr == "LENGTH":
            n = len(lexeme.orth_)
            ok = n == want if isinstance(want, int) else all(_COMPARE.get(op, lambda a, b: True)(n, v) for op, v in want.items())
        else:
            ok = True
        if not ok:
            return False
    return True


def _in_set(have: str, want: dict) -> bool:
    return all(
        (have in values) if op == "IN" else (have not in values) if op == "NOT_IN" else True
        for op, values in want.items()
    )


@lru_cache(maxsize=1 << 16)
def _family_hits(window: tuple[str, ...]) -> tuple[tuple[str, str, int], ...]:
    """(kind, id, length in tokens) of the family matches that open `window`, the tokens from a
    head word on. Token patterns see a token's own letters only, so a match is a function of
    these words: the same head's words met again in a clause's suffix (a task's text is read
    from each of its members on) are matched once."""
    from spacy.tokens import Doc

    doc = Doc(pipeline().vocab, words=list(window))
    strings = doc.vocab.strings
    hits = {(*strings[key].split("\t"), end) for key, start, end in family_matchers()[window[0]](doc) if start == 0}
    return tuple(sorted(hits))


@cache
def _unmarked_names() -> Any:
    """The gazetteer's names of two words or more without their marks, for names read with a
    wrong or lost mark (OCR: "Ủy bân nhân dân", "SỞ KHOA HỌC VA CÔNG NGHỆ", "Quôc hội")."""
    from spacy.matcher import PhraseMatcher

    nlp = pipeline()
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    for p in patterns():
        surface = p["pattern"]
        # a name, not a common noun the gazetteer also lists ("báo chí")
        if isinstance(surface, str) and len(surface.split()) >= 2 and surface[:1].isupper():
            matcher.add(f"{p['label']}\t{p['id']}\t{surface}", [nlp.make_doc(unmarked(surface))])
    return matcher


def misspelt_spans(text: str) -> list[tuple[int, int, str, str]]:
    """(start char, end char, kind, id) of gazetteer names written with a few marks wrong.

    A span is kept when it is written in capitals or cased word by word as the name is, and
    differs from it in a mark or two (one per six letters at most): a text with every mark
    lost, a common word that happens to share the letters ("công ăn"), or words run together
    from two lines ("Mai Văn Chính PHỤ LỤC") are not a name misread."""
    doc = pipeline().make_doc(unmarked(text))
    strings = doc.vocab.strings
    found = set()
    for key, start, end in _unmarked_names()(doc):
        label, ident, surface = strings[key].split("\t")
        span = doc[start:end]
        written = text[span.start_char : span.end_char]
        if not _cased_as(written, surface):
            continue
        if marks_misread(" ".join(written.split()), surface):  # one mark or more, not too many
            found.add((span.start_char, span.end_char, label, ident))
    return sorted(found)


def _cased_as(written: str, name: str) -> bool:
    """Written in capitals, or each word capitalised where the name's word is."""
    return written.isupper() or all(w[:1].isupper() == n[:1].isupper() for w, n in zip(written.split(), name.split()))

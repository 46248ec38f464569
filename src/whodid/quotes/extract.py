"""Direct, partial, nested and reported speech, with cue and speaker, from the parse.

Direct quotes are found from quotation marks paragraph by paragraph (an opening
mark left open at a paragraph's end runs to that end, as in multi-paragraph
quotes); the cue is a speech verb outside the marks in the same sentence, or the
next one, and the speaker its subject. A paragraph that is only a quote with no
cue takes the last speaker of the paragraphs before it, marked ``carried_over``.
A short quoted phrase inside a sentence is a partial quote when the sentence has
a speech cue, and a term (a name for something) when it has none. Reported speech
is a speech verb with a clausal complement ("X said that ...") or "according to X".
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Container
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from whodid.knowledge.cues import ACCORDING, SPEECH_VERBS, CueClass
from whodid.knowledge.cues import load as load_cues
from whodid.nlp.extensions import char_tokens, text_of
from whodid.nlp.vocab import QUOTE_OPENS_AFTER

OPEN_MARKS = "“«„"
CLOSE_MARKS = "”»"
PARAGRAPH = re.compile(r"\n[ \t]*\n")
SUBJECTS = ("nsubj", "nsubjpass")
PARTIAL_MAX_WORDS = 8
NAMING = re.compile(r"(so-called|title|name[ds]?|term|dubbed|known as|label(l)?ed|branded)\s*$", re.I)


@dataclass
class QuoteMatch:
    """A quote before speaker ids are attached."""

    kind: str
    start: int  # content offsets (inside the marks)
    end: int
    speaker: Span | None = None
    cue: Token | None = None
    carried_over: bool = False
    nested_in: int | None = None


def paragraphs(text: str) -> list[tuple[int, int]]:
    bounds, pos = [], 0
    for match in PARAGRAPH.finditer(text):
        bounds.append((pos, match.start()))
        pos = match.end()
    bounds.append((pos, len(text)))
    return [(s, e) for s, e in bounds if text[s:e].strip()]


def quoted_spans(text: str) -> list[tuple[int, int, int, int]]:
    """``(open, close, content_start, content_end)`` of every quotation, close = -1 if left open.

    Curly marks pair by direction; straight marks (``"``, and the two apostrophes
    ``''`` some wires and the NYT use) pair by alternation within a paragraph."""
    spans = []
    for p_start, p_end in paragraphs(text):
        opened = None
        straight_open = None  # (offset, width)
        i = p_start
        while i < p_end:
            ch = text[i]
            width = 2 if text.startswith("''", i) or text.startswith("``", i) else 1
            glued = i > p_start and text[i - 1] not in QUOTE_OPENS_AFTER and not text[i - 1].isspace()
            if ch in OPEN_MARKS and glued and (i + 1 >= p_end or text[i + 1].isspace()) \
                    and (opened is not None or straight_open is not None):
                # an opening mark set where a closing one belongs ('among others,“ Radebe said'):
                # glued to the words before it, a space after, with a quotation open, it closes it
                s_at, s_width = (opened, 1) if opened is not None else straight_open
                spans.append((s_at, i, s_at + s_width, i))
                opened, straight_open = None, None
                i += 1
                continue
            if ch in OPEN_MARKS and opened is None:
                opened = i
            elif ch in CLOSE_MARKS:
                if opened is not None:
                    spans.append((opened, i, opened + 1, i))
                    opened = None
                elif straight_open is not None:
                    # a straight opening mark closed by a curly one ('"Oz has a pulpit,” said X')
                    spans.append((straight_open[0], i, straight_open[0] + straight_open[1], i))
                    straight_open = None
                elif not spans or spans[-1][1] < p_start:
                    # a closing mark with no opening: the end of a quote begun in an earlier paragraph
                    spans.append((p_start, i, p_start, i))
            elif ch == '"' or width == 2:
                if straight_open is None and ch == '"' and i > p_start and text[i - 1] not in QUOTE_OPENS_AFTER \
                        and not text[i - 1].isspace():
                    # glued to a word or a stop with no quotation open: a stray closing mark
                    # ('was wrong." Mr Howard said'), not the start of one
                    if not spans or spans[-1][1] < p_start:
                        spans.append((p_start, i, p_start, i))  # the end of a quote begun earlier
                    i += width
                    continue
                if straight_open is None:
                    straight_open = (i, width)
                else:
                    spans.append((straight_open[0], i, straight_open[0] + straight_open[1], i))
                    straight_open = None
            i += width
        left_open = opened if opened is not None else (straight_open[0] if straight_open else None)
        if left_open is not None:
            end = len(text[p_start:p_end].rstrip()) + p_start
            start = left_open + (straight_open[1] if opened is None and straight_open else 1)
            spans.append((left_open, -1, start, end))
    # a "quote" of punctuation only is a stray mark paired with the next ('as "unacceptable"".')
    return sorted((s for s in spans if any(ch.isalnum() for ch in text[s[2]:s[3]])), key=lambda s: s[0])


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim whitespace, and a trailing comma that belongs to the attribution ("...,” he said")."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


def subject_of(verb: Token) -> Token | None:
    """The verb's subject, or for a participle the subject of the clause it hangs
    from ("Peskov struck a dovish tone, saying that"); never for "When asked ...",
    whose subject is the one asked."""
    inherits = (verb.tag_ == "VBG" and verb.dep_ in ("advcl", "xcomp", "conj")) or (
        verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"))  # "met survivors and said ..."
    governor = verb.head if inherits else None
    if governor is not None and verb.tag_ == "VBG" and _is_speech_cue(verb) and governor.dep_ == "ccomp" \
            and _speech_verb(governor.head):
        # "Ti said he was not ..., adding that ...": the parser hangs "adding" on the reported
        # clause, but who adds is who says
        governor = governor.head
    for candidate in (verb, governor):
        if candidate is None:
            continue
        for child in candidate.children:
            if child.dep_ in SUBJECTS and not (child.dep_ == "nsubjpass" and candidate is verb and _agent(verb)):
                return child
        if candidate is verb and (agent := _agent(verb)) is not None:
            return agent  # "was told by officials"
    return None


def _agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def speaker_span(doc: Doc, head: Token) -> Span:
    """The name in a subject: its apposition when that is a name ("the spokesperson, Dmitry Peskov"),
    but not when the subject is the name and the apposition its title ("Geoff Ellis, CEO of ...");
    a relative pronoun stays itself (its antecedent: ``antecedent``)."""
    named = head.pos_ == "PROPN" and head.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
    for child in head.children:
        if child.dep_ == "appos" and child.pos_ == "PROPN" and (not named or (
                child.ent_type_ == "PERSON" and head.ent_type_ != "PERSON")):
            head = child
            break
    if any(child.dep_ == "conj" for child in head.children):
        # "Ukraine and the Western world argue": every conjunct speaks
        tokens = [t for t in head.subtree if t.i >= head.i and t.dep_ not in ("punct", "appos", "relcl", "acl")]
        return doc[head.i:max(t.i for t in tokens) + 1]
    if head.pos_ == "PROPN" or head.ent_type_:
        left = head.i
        # titles and first names before a surname ("President Vladimir Putin"), capitalised only
        while left > 0 and left <= doc[left - 1].head.i <= head.i and doc[left - 1].text[:1].isupper() \
                and doc[left - 1].dep_ in ("compound", "flat", "amod") \
                and doc[left - 1].ent_type_ not in ("DATE", "TIME"):  # "On Tuesday Mr Ebbers said"
            left -= 1
        return doc[left:head.i + 1]
    tokens = [t for t in head.subtree if t.i <= head.i or t.dep_ in ("compound", "amod", "nummod", "poss", "case")]
    left = min(t.i for t in tokens)
    # stop at a comma before the head (a fronted phrase)
    for i in range(head.i - 1, left - 1, -1):
        if doc[i].text == ",":
            left = i + 1
            break
    return doc[left:head.i + 1]


def antecedent(doc: Doc, speaker: Span) -> Span | None:
    """The name a relative pronoun speaker stands for: the noun its clause hangs on
    ("Pedro González, who has stated that ...", "the union, which said ...")."""
    if len(speaker) != 1:
        return None
    head = speaker.root
    if head.lower_ in RELATIVE and head.head.dep_ == "relcl" and head.head.head.i != head.head.i \
            and head.head.head.pos_ in ("PROPN", "NOUN"):
        return speaker_span(doc, head.head.head)
    return None


def _speech_verb(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in SPEECH_VERBS


def _own_active_subject(verb: Token, subject: Token | None) -> bool:
    """Is ``subject`` the verb's own active subject? A passive one ("is expected to") is no
    holder (the holder is unstated), and one a participle inherits may be misread."""
    return subject is not None and subject.head.i == verb.i and subject.dep_ == "nsubj"


def _holder_cue(token: Token) -> bool:
    cue = load_cues().of(token.lemma_, token.text)
    return cue is not None and cue.name in HOLDER_CUES


def _is_speech_cue(token: Token) -> bool:
    cue = load_cues().of(token.lemma_, token.text)
    return cue is not None and cue.name == "speech"


def _according_to(sent: Span) -> tuple[Token, Token] | None:
    """("according" token, its object) in "according to X"."""
    for token in sent:
        if token.lower_ == ACCORDING:
            for to in token.children:
                if to.lower_ == "to":
                    for obj in to.children:
                        if obj.dep_ == "pobj":
                            return token, obj
    return None


def find_cue(doc: Doc, start: int, end: int, sents: list[Span],
             role_nouns: Container[str] = frozenset()) -> tuple[Token, Token] | None:
    """The speech verb (or "according") and subject that attribute the text [start, end)."""
    best = None
    for sent in sents:
        for token in sent:
            if start <= token.idx < end:
                continue
            if _speech_verb(token):
                subject = subject_of(token)
                if _holder_cue(token) and _own_active_subject(token, subject) and not can_hold_stance(subject, role_nouns):
                    continue  # "the expo seeks “...”": a title or slogan, not someone's words
                if subject is not None and not (start <= subject.idx < end):
                    distance = min(abs(token.idx - start), abs(token.idx - end))
                    if best is None or distance < best[0]:
                        best = (distance, token, subject)
        according = _according_to(sent)
        if according and not (start <= according[0].idx < end) and best is None:
            best = (0, according[0], according[1])
    return (best[1], best[2]) if best else None


PERSONAL = {"i", "we", "he", "she", "they", "you"}
RELATIVE = ("who", "that", "which")
COMPLEMENTS = ("dobj", "ccomp", "xcomp", "oprd", "pobj", "prep", "attr", "advcl", "conj", "acomp", "npadvmod")


def governing_speaker(doc: Doc, start: int, end: int, strict: bool) -> tuple[Token, Token] | None:
    """The verb a quotation is the complement of, and its subject, when the verb is no
    listed cue ("Cruz coached Trump to “breathe”", "they chanted “no justice”", "Christie
    gloated: “...”"). ``strict`` (a phrase inside a sentence): the subject must be a person,
    a personal pronoun or a named person, so a scare-quoted name in a sentence about a
    thing stays a term."""
    span = char_tokens(doc, start, end)
    if span is None or not len(span):
        return None
    node = span.root  # spaCy makes a new Token object per access: compare positions, not identity
    while node.head.i != node.i and span.start <= node.head.i < span.end:
        node = node.head
    verb = node.head if node.head.i != node.i else None
    hops = 0
    while verb is not None and verb.pos_ != "VERB" and hops < 3:
        node, verb, hops = verb, (verb.head if verb.head.i != verb.i else None), hops + 1
    if verb is None or node.dep_ not in COMPLEMENTS + ("punct",):
        return None
    subject = subject_of(verb)
    if subject is None or span.start <= subject.i < span.end:
        return None
    if strict and not (subject.lower_ in PERSONAL or subject.ent_type_ == "PERSON"):
        return None
    return verb, subject


def _sents_between(sents: list[Span], start: int, end: int) -> list[Span]:
    """The sentences (``sents``: the doc's, in order) that overlap start..end; by bisection,
    as a long article has thousands of sentences and hundreds of quotes."""
    i = bisect_right(sents, start, key=lambda s: s.end_char)
    out = []
    while i < len(sents) and sents[i].start_char < end:
        out.append(sents[i])
        i += 1
    return out


def _has_clause(doc: Doc, start: int, end: int) -> bool:
    span = char_tokens(doc, start, end)
    return span is not None and any(t.pos_ in ("VERB", "AUX") and t.dep_ in ("ROOT", "ccomp", "conj", "relcl", "advcl")
                                    for t in span)


def extract(doc: Doc, role_nouns: Container[str] = frozenset()) -> list[QuoteMatch]:
    text = text_of(doc)
    all_sents = list(doc.sents)
    found: list[QuoteMatch] = []
    paras = paragraphs(text)
    spans = quoted_spans(text)
    repeats = Counter(text[slice(*_strip(text, s[2], s[3]))] for s in spans)

    for open_at, close_at, c_start, c_end in spans:
        c_start, c_end = _strip(text, c_start, c_end)
        p_start, p_end = next(((s, e) for s, e in paras if s <= open_at <= e), (0, len(text)))
        words = len(text[c_start:c_end].split())
        quote_end = close_at + 1 if close_at >= 0 else c_end
        sents = _sents_between(all_sents, open_at, quote_end)
        # a phrase inside a sentence: text on both sides of it within the sentence
        inside = bool(sents) and open_at > sents[0].start_char + 1 and text[open_at - 1] != ":" and (
            quote_end < sents[-1].end_char - 2) and not text[max(open_at - 2, 0):open_at].strip().endswith((":", ","))
        cue = find_cue(doc, c_start, c_end, sents, role_nouns)
        if cue is None:
            cue = governing_speaker(doc, c_start, c_end, strict=inside)
        if inside and (words <= PARTIAL_MAX_WORDS or not _has_clause(doc, c_start, c_end)):
            phrase = text[c_start:c_end]
            named = NAMING.search(text[max(p_start, open_at - 30):open_at]) is not None
            # a name for something: introduced as one ("the so-called"), or quoted the same way again
            kind = "term" if cue is None or named or repeats[phrase] > 1 else "partial"
            if kind == "term":
                cue = None
            found.append(QuoteMatch(kind, c_start, c_end, speaker_span(doc, cue[1]) if cue else None,
                               cue[0] if cue else None))
            continue
        if cue is None:
            # "“...,” | Peskov said." split by the parser: look at the next sentence of the paragraph
            i = bisect_left(all_sents, quote_end, key=lambda s: s.start_char)
            following = all_sents[i:i + 1] if i < len(all_sents) and all_sents[i].start_char < p_end else []
            cue = find_cue(doc, c_start, c_end, following) if following else None
        item = QuoteMatch("direct" if (words > PARTIAL_MAX_WORDS or not inside) else "partial", c_start, c_end)
        if cue is not None:
            item.cue, item.speaker = cue[0], speaker_span(doc, cue[1])
        found.append(item)
        found.extend(_nested(doc, text, all_sents, item, len(found) - 1))

    found.extend(_reported(doc, text, found, role_nouns))
    _carry_over(text, found, paras)
    return found


def _nested(doc: Doc, text: str, sents: list[Span], outer: QuoteMatch, outer_index: int) -> list[QuoteMatch]:
    """“..., he said, ...” inside a quote: the words of someone the quoted speaker reports."""
    inner = []
    for sent in _sents_between(sents, outer.start, outer.end):
        for token in sent:
            if not (outer.start <= token.idx < outer.end) or not _speech_verb(token) or token.dep_ != "parataxis":
                continue
            subject = subject_of(token)
            if subject is None:
                continue
            start, end = _strip(text, max(sent.start_char, outer.start), min(sent.end_char, outer.end))
            inner.append(QuoteMatch("direct", start, end, speaker_span(doc, subject), token, nested_in=outer_index))
    return inner


def _content(verb: Token, cue: CueClass) -> list[Token] | None:
    """The tokens a cue's complement reports, by the complements its class allows."""
    kids = list(verb.children)
    if "clause" in cue.complements:
        clause = next((c for c in kids if c.dep_ == "ccomp"), None)
        if clause is None and cue.name in ("speech", "assessment"):
            # the small parser reads "says the US refusal ... is impeding" as an object:
            # an object with a verb under it is a clause
            clause = next((c for c in kids if c.dep_ == "dobj" and any(t.pos_ in ("VERB", "AUX") for t in c.subtree)), None)
        if clause is not None:
            return list(clause.subtree)
    if "infinitive" in cue.complements:
        inf = next((c for c in kids if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
        if inf is not None:
            return list(inf.subtree)
    if "object" in cue.complements:
        obj = next((c for c in kids if c.dep_ == "dobj" and c.pos_ not in ("PRON",)), None)
        if obj is not None and cue.content_object and not _names_content(obj):
            obj = None  # "offered several grants to miners": a thing given, not words
        if obj is not None:
            # with what is said of the object ("shows the mayor far ahead", "calls the idea stupid")
            said_of = [c for c in kids if c.i > obj.i and c.dep_ in ("oprd", "xcomp", "acomp", "advmod", "ccomp")]
            return sorted([*obj.subtree, *(t for c in said_of for t in c.subtree)], key=lambda t: t.i)
    if "prep" in cue.complements:
        for prep in kids:
            if prep.dep_ == "prep" and prep.lower_ in cue.preps:
                obj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
                if obj is not None:
                    return list(obj.subtree)
    return None


# cue classes whose source must be someone who can believe, want or plan
HOLDER_CUES = ("stance", "intent")
HOLDER_ENTITIES = ("PERSON", "ORG", "NORP", "GPE")
AGENT_SUFFIXES = ("ist", "ian", "er", "or")


def can_hold_stance(subject: Token, role_nouns: Container[str] = frozenset()) -> bool:
    """Can the subject believe, want or promise? A person, an organisation, a country or
    government, a group or a pronoun can; an event or a thing ("this year's event", "the
    bill") cannot. Common nouns count when they name people or groups: listed in the
    cues, a role noun of the knowledge base, or agent nouns ("-ist", "-er", "-or", "-ian")."""
    if subject.pos_ in ("PRON", "PROPN", "NUM") or subject.ent_type_ in HOLDER_ENTITIES + ("PERCENT", "CARDINAL"):
        return True  # "53 percent believe ...": a share of people
    if subject.pos_ != "NOUN":
        return True  # a parse we cannot read: do not drop a cue for it
    cues = load_cues()
    words = {subject.lower_, subject.lemma_.lower()}
    if words & (cues.stance_holders | set(cues.unnamed_speakers)):
        return True
    if any(w in role_nouns for w in words):  # the KB's role nouns: "minister", "troops", "government"
        return True
    lemma = subject.lemma_.lower()
    return lemma.endswith(AGENT_SUFFIXES) and lemma not in cues.inanimate_agent_lookalikes


def _names_content(obj: Token) -> bool:
    """Is the object something said or proposed ("his advice", "a plan to ...", "support for
    the bill") rather than a thing handed over? A listed content noun, or a clause under it."""
    if obj.lemma_.lower() in load_cues().content_objects or obj.lower_ in load_cues().content_objects:
        return True
    return any(t.pos_ in ("VERB", "AUX") and t.dep_ in ("acl", "relcl", "ccomp") for t in obj.children)


def _pieces(doc: Doc, text: str, tokens: set[int], lo: int, hi: int) -> list[tuple[int, int]]:
    """Character spans of the runs of tokens in [lo, hi) that are not in ``tokens``
    (a sentence less its attribution: "Mrs. Clinton, analysts said, has other reasons")."""
    runs, current = [], []
    for i in range(lo, hi):
        if i in tokens or doc[i].is_space:
            if current:
                runs.append(current)
            current = []
        else:
            current.append(doc[i])
    if current:
        runs.append(current)
    out = []
    for run in runs:
        if not any(t.pos_ in CONTENT_POS for t in run):
            continue  # "But", "s": no content of its own
        start, end = _strip(text, run[0].idx, run[-1].idx + len(run[-1].text))
        while start < end and (text[start] in ",;:" or text[start].isspace()):
            start += 1  # the comma after a fronted source (", most voters favoured ...")
        out.append((start, end))
    return out


def _attribution_tokens(verb: Token, subject: Token | None) -> set[int]:
    """The verb with its subject, adverbs, auxiliaries and the like: what is not content."""
    keep = {verb.i}
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "neg", "advmod", "punct", "cc", "dative",
                          "npadvmod", "agent", "dobj", "prep", "advcl", "mark"):
            keep.update(t.i for t in child.subtree)
    if subject is not None:
        keep.update(t.i for t in subject.subtree)
    return keep


def _fronted_adverbials(head: Token, cue: Token) -> set[int]:
    """"For example, he said, athletes would be exempt": a discourse phrase before the
    parenthetical cue frames the clause it interrupts and is not a piece of content on
    its own."""
    out: set[int] = set()
    connectives = load_cues().connectives
    for child in head.children:
        words = [t for t in child.subtree if not t.is_punct]
        # a connective only ("For example", "However"); "In the long run" says something
        if child.i < cue.i and child.dep_ in ("prep", "advmod", "npadvmod", "intj", "cc") \
                and " ".join(t.lower_ for t in words) in connectives:
            out.update(t.i for t in child.subtree)
    return out


CONTENT_POS = ("NOUN", "PROPN", "VERB", "AUX", "NUM", "PRON", "ADJ")


def _in_source(sent: Span, source_nouns: frozenset[str]) -> tuple[Token, Token] | None:
    """("in" token, its object) in "In the CBS poll, ..." / "... in a statement"."""
    for token in sent:
        if token.lower_ == "in" and token.dep_ == "prep" and token.head.pos_ in ("VERB", "AUX") \
                and token.head.dep_ == "ROOT" and not (_is_speech_cue(token.head) and subject_of(token.head) is not None):
            # ("In an interview, Forson said ...": the one who speaks is the source, not the interview)
            obj = next((c for c in token.children if c.dep_ == "pobj"), None)
            if obj is not None and (obj.lemma_.lower() in source_nouns or obj.lower_ in source_nouns):
                return token, obj
    return None


def _reported(doc: Doc, text: str, direct: list[QuoteMatch], role_nouns: Container[str]) -> list[QuoteMatch]:
    """X said/claimed/warned (that) ...; X wants to ...; the poll shows ...;
    "..., X said." and "A, X said, B"; according to X, ..."""
    cues = load_cues()
    quoted = [(q.start, q.end) for q in direct if q.kind == "direct"]
    reported = []
    for sent in doc.sents:
        for token in sent:
            cue = cues.of(token.lemma_, token.text) if token.pos_ in ("VERB", "AUX") else None
            if cue is None or any(s <= token.idx < e for s, e in quoted):
                continue
            subject = subject_of(token)
            if subject is None and not cue.source_optional:
                continue
            if cue.name in HOLDER_CUES and _own_active_subject(token, subject) and not can_hold_stance(subject, role_nouns):
                continue  # "the event promises to be the best yet": no one's belief or plan
            pieces: list[tuple[int, int]] = []
            tokens = _content(token, cue)
            if tokens:
                start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
                if tokens[0].lower_ == "that" and len(tokens) > 1:
                    start = tokens[1].idx
                pieces = [_strip(text, start, end)]
            elif token.dep_ == "parataxis" and cue.name == "speech" and subject is not None:
                # "Mrs. Clinton, analysts said, has other reasons": the clause it interrupts
                head = token.head
                own = _attribution_tokens(token, subject) | _fronted_adverbials(head, token)
                span = list(head.subtree)
                pieces = _pieces(doc, text, own, span[0].i, span[-1].i + 1)
            for start, end in pieces:
                if start >= end or any(s < end and start < e for s, e in quoted):
                    continue  # a direct quote, already attributed
                speaker = speaker_span(doc, subject) if subject is not None else None
                reported.append(QuoteMatch("indirect", start, end, speaker, token))
        according = _according_to(sent) or _in_source(sent, cues.source_nouns)
        if according and not any(s <= according[0].idx < e for s, e in quoted):
            phrase = {t.i for t in according[0].subtree}
            for start, end in _pieces(doc, text, phrase, sent.start, sent.end):
                if not any(s < end and start < e for s, e in quoted):
                    reported.append(QuoteMatch("indirect", start, end, speaker_span(doc, according[1]), according[0]))
    return reported


def _carry_over(text: str, found: list[QuoteMatch], paras: list[tuple[int, int]]) -> None:
    """A direct quote with no cue of its own continues the last speaker before it in
    its paragraph (“...,” she said. “And ...”); a paragraph that is only a quote, the
    last speaker of the two paragraphs before it. Either way it is marked carried over."""
    for item in sorted(found, key=lambda f: f.start):
        if item.kind != "direct" or item.speaker is not None or item.nested_in is not None:
            continue
        para = next(i for i, (s, e) in enumerate(paras) if s <= item.start <= e)
        p_start = paras[para][0]
        window_start = p_start
        if text[p_start:paras[para][1]].lstrip()[:1] in OPEN_MARKS + '"' + "'`":
            window_start = paras[max(para - 2, 0)][0]
        earlier = [f for f in found if f.speaker is not None and window_start <= f.start < item.start]
        if earlier:
            source = max(earlier, key=lambda f: f.start)
            item.speaker, item.carried_over = source.speaker, True

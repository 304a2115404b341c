"""Who took part in the main event, read beyond its one sentence.

A report names the people of its event in its lead: the first sentence and the main one, but
also the next few sentences that tell the meeting, the visit, the signing or the ceremony
("Putin met with the Armenian President ... in Sochi"; "The Governor of ..., Ivan Petrov,
attended the ceremony"), and often its headline ("A and B sign declaration"). Such a sentence
counts unless it tells something else: a quotation, what is still to come, or an earlier
event with its own date. In every sentence a person only quoted, announcing, remembered or
credited is mentioned, not a participant; people named only by office ("the Russian
President") are resolved, in the lead only, to who held it on the event's date.
"""

from __future__ import annotations

import re

from articles.extraction.actors import NameHit
from articles.extraction.date_claims import resolve
from articles.extraction.names import find_people
from articles.extraction.offices import office_holders
from articles.extraction.people import alternation, announcers, people_hits, takes_part
from articles.extraction.reading import Reading
from articles.extraction.types import DateClaim, KnownActor
from articles.extraction.vocabulary import vocabulary

# How many sentences of the body the lead may take to name the main event's people.
LEAD_SENTENCES = 6
_CUE = re.compile(r"\b" + alternation("cues") + r"\b", re.I)
_FUTURE = re.compile(r"\b" + alternation("future") + r"\b", re.I)
_BACKGROUND = re.compile(r"\b" + alternation("background") + r"\b", re.I)
_SPEECH = re.compile(r"\b" + alternation("speech") + r"\b", re.I)
_DIRECT_SPEECH = re.compile(vocabulary("participation")["direct_speech"])
# A headline that tells a meeting, a call, a visit or a signing (and names its people).
_HEADLINE_CUE = re.compile(
    r"\b(?:me(?:et|ets|eting|t)|talks|receiv(?:es|ed)|host(?:s|ed)|visit(?:s|ed)?|sign(?:s|ed)?"
    r"|conversation|phone\s+call|summit|hold|holds|held)\b",
    re.I,
)


def main_people(
    reading: Reading, main_span: tuple[int, int], date: DateClaim
) -> tuple[list[str], list[str]]:
    """The main event's participants, and the other people the article names."""
    text, sents = reading.text, reading.sentences
    hits, _ = people_hits(reading)
    lead = list(dict.fromkeys([sents[0], main_span]))
    more = [s for s in _cue_sentences(reading, main_span, date) if s not in lead]
    spans = lead + more
    quiet = announcers(reading, hits)
    names: list[str] = []
    for hit in hits:
        if not any(s <= hit.start < e for s, e in spans) or hit.actor.name in quiet:
            continue
        if not takes_part(text, hit):
            continue
        if hit.how == "surname" and not _named_taking_part(text, hits, hit):
            continue  # "the late President Heydar Aliyev ... Aliyev": not the one taking part
        if _time_reference(text, hit, spans) or _tag_line(reading, hit, hits):
            continue
        if any(s <= hit.start < e for s, e in more) and (
            _comments(text, hit, more) or _in_background(text, hit, more)
        ):
            continue
        names.append(hit.actor.name)
    names += _headline_people(reading)
    if not names:
        names = _speaker(reading, [*lead, *sents[:3]], hits)
    names = list(dict.fromkeys(names))
    if not _FUTURE.search(text, main_span[0], main_span[1]):
        # Who will hold an office at a meeting still to come is not certain: named only then.
        names += [n for n in office_holders(reading, lead, date) if n not in names]
    mentioned = [h.actor.name for h in hits if h.actor.name not in names]
    return names, list(dict.fromkeys(mentioned))


_AFTER_EVENT = re.compile(
    r"\b(?:after|before|ahead\s+of|prior\s+to|после|до|накануне)\s+(?:the\s+|a\s+)?"
    r"(?:meeting|talks|visit|summit|встреч\w*|переговор\w*|визит\w*|саммит\w*)\b",
    re.I,
)


def _time_reference(text: str, hit: NameHit, spans: list[tuple[int, int]]) -> bool:
    """Whether a meeting only dates something still to come ("the centre will open after
    the meeting of Presidents A and B"): its people are not this event's. ("Petrov told
    reporters after meeting Karimov that the plant would open" is the meeting itself.)"""
    s, _ = next(span for span in spans if span[0] <= hit.start < span[1])
    after = _AFTER_EVENT.search(text, s, hit.start)
    return bool(after) and bool(_FUTURE.search(_QUOTED.sub(" ", text[s : after.start()])))


_PUNCTUATION = re.compile(r"[.!?;:,\"«»“”()]")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_TITLE_CASE_SMALL = frozenset({"In", "Of", "To", "With", "For", "On", "At", "And", "The", "A"})


def _tag_line(reading: Reading, hit: NameHit, hits: list[NameHit]) -> bool:
    """Whether the name is one item of a line of site tags glued to the lead ("Ilham Aliyev
    Road to Victory World Cup Peace Summit"): no punctuation, mostly capitalised items, no
    one else named, and not a headline in title case ("... Holds Talks In Baku")."""
    text = reading.text
    s = text.rfind("\n", 0, hit.start) + 1
    e = text.find("\n", hit.end)
    e = len(text) if e < 0 else e
    if _PUNCTUATION.search(text, s, e) or _continues_prose(text, s):
        return False
    others = _WORD.findall(text[s : hit.start] + " " + text[hit.end : e])
    capitalised = [w for w in others if w[:1].isupper()]
    if any(w in _TITLE_CASE_SMALL for w in capitalised):
        return False
    alone = not any(h.start != hit.start and s <= h.start < e for h in hits)
    return alone and len(others) >= 5 and len(capitalised) >= 4


def _continues_prose(text: str, line_start: int) -> bool:
    """Whether the line goes on with a sentence the line above began: prose wrapped at a
    fixed width ("... Minister Sergei Lavrov" / "met with Azerbaijani Foreign Minister Elmar
    Mamedyarov in Baku"), which has no punctuation either."""
    above = text[text.rfind("\n", 0, max(line_start - 1, 0)) + 1 : max(line_start - 1, 0)]
    line = text[line_start : line_start + 40].lstrip()
    return bool(above.strip()) and above.rstrip()[-1].isalnum() and line[:1].islower()


def _in_background(text: str, hit: NameHit, spans: list[tuple[int, int]]) -> bool:
    """Whether the name follows words that recall something earlier in its sentence ("...
    the agreements reached between Presidents A and B", "recalled that he met C")."""
    s, _ = next(span for span in spans if span[0] <= hit.start < span[1])
    return bool(_BACKGROUND.search(_QUOTED.sub(" ", text[s : hit.start])))


def _named_taking_part(text: str, hits: list[NameHit], hit: NameHit) -> bool:
    """Whether the person a surname names was named in full before where a participant may
    stand (or never named in full)."""
    full = [h for h in hits if h.actor.name == hit.actor.name and h.how != "surname"]
    earlier = [h for h in full if h.start < hit.start]
    return not earlier or any(takes_part(text, h) for h in earlier)


_COMMENT = alternation("comment")
_COMMENT_AFTER = re.compile(r"[\s,]*(?:[a-zа-яё]+\s+)?\b(?i:" + _COMMENT + r")\b")
_AT_THE_EVENT_BEFORE = re.compile(
    r"\b(?:during|at|after|following|in\s+the\s+course\s+of|в\s+ходе|во\s+время|после|на)"
    r"\s+(?:the\s+|a\s+|his\s+|her\s+|their\s+)?(?:\w+\s+){0,2}?" + _CUE.pattern,
    re.I,
)
_COMMENT_BEFORE = re.compile(r"\b" + _COMMENT + r"[\s,]*(?:\w+\s+){0,3}$", re.I)
_AT_THE_EVENT = re.compile(r"\s+(?:at|during|after|following|on|while|when|in|before)\b", re.I)


def _comments(text: str, hit: NameHit, spans: list[tuple[int, int]]) -> bool:
    """Whether a person outside the lead only comments on the event: the one who said
    something ("Petrov said the meeting was useful"), unless said at it ("Petrov said at the
    ceremony")."""
    s, e = next(span for span in spans if span[0] <= hit.start < span[1])
    if _AT_THE_EVENT_BEFORE.search(text, s, hit.start):
        return False  # "During the meeting, Petrov stressed ...": said at it
    after = _COMMENT_AFTER.match(text, hit.end, e)
    if after:
        return not _AT_THE_EVENT.match(text, after.end(), e)
    return bool(_COMMENT_BEFORE.search(text[s : hit.start]))


def _cue_sentences(
    reading: Reading, main_span: tuple[int, int], date: DateClaim
) -> list[tuple[int, int]]:
    """Sentences among the first of the body that tell the main event too."""
    text = reading.text
    main_future = bool(_FUTURE.search(text, main_span[0], main_span[1])) or _after_article(
        reading, date
    )
    out = []
    for k, span in enumerate(reading.sentences):
        follows = bool(out) and not text[out[-1][1] : span[0]].strip()
        if k >= LEAD_SENTENCES and not (
            _ATTENDED_BY.match(text, span[0], span[1]) or (follows and _SIDE.match(text, *span))
        ):
            continue  # further on, only "The summit will be attended by ..." tells its people
        start = _narration(text, span)
        if start is None:
            continue
        sentence = _QUOTED.sub(" ", text[start : span[1]])
        if follows and _SIDE.match(sentence):
            # "Taking part from the Russian side are A and B. From the Armenian side - C."
            out.append((start, span[1]))
            continue
        if not _CUE.search(sentence):
            continue
        if _FUTURE.search(sentence) and not main_future:
            continue  # "He will also meet ...": not what happened
        if _other_date(reading, span, date):
            continue  # an earlier meeting, with a date of its own
        out.append((start, span[1]))
    return out


# A sentence further on that names who attends the event it calls by its kind.
_ATTENDED_BY = re.compile(
    r"\s*(?:The|This|That)\s+(?:\w+\s+){0,2}?(?:meeting|summit|talks|ceremony|forum|session)"
    r"\s+(?:was|is|will\s+be|has\s+been)\s+(?:\w+\s+)?attended\s+by\b"
)


# A sentence that goes on with a list of delegations side by side.
_SIDE = re.compile(
    r"\s*(?:(?:From|On)\s+the\s+[\w-]+\s+side\b|Со?\s+[\w-]+\s+сторон[ыу]\b"
    r"|[\w-]+\s+tərəfdən\b)",
    re.I,
)


def _after_article(reading: Reading, date: DateClaim) -> bool:
    """Whether the event is dated after the article's own day: one still to come, whose
    people the report names in the future tense ("will be attended by ...")."""
    first, _ = date.interval()
    _, published = reading.published.interval()
    return first is not None and published is not None and first > published


_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|«[^»]*»")
_CLOSING_QUOTE = re.compile(r"[\"”»’']\s*,?")


def _narration(text: str, span: tuple[int, int]) -> int | None:
    """Where the reporter's own words begin in a sentence: after a quotation it opens with
    ("'...,' Petrov said at the ceremony"); None for a sentence that is all quotation."""
    if not _DIRECT_SPEECH.match(text, span[0], span[1]):
        return span[0]
    if text[span[0] : span[0] + 1] in "—–-":
        return None
    closing = [m.end() for m in _CLOSING_QUOTE.finditer(text, span[0] + 1, span[1])]
    return closing[-1] if closing and closing[-1] < span[1] - 3 else None


def _other_date(reading: Reading, span: tuple[int, int], date: DateClaim) -> bool:
    """Whether the sentence dates something at another time than the main event."""
    first, last = date.interval()
    for m in reading.mentions:
        if not span[0] <= m.start < span[1]:
            continue
        if first is None:
            return True
        claim = resolve(m, reading.published)
        if claim is None or not claim.known:
            return True
        start, end = claim.interval()
        if start is None or end is None or end < first or start > last:
            return True
    return False


def _headline_people(reading: Reading) -> list[str]:
    """People of a headline that tells a meeting, a visit or a signing."""
    layout, text = reading.layout, reading.text
    s, e = layout.title_start, layout.title_end
    if e <= s or not _HEADLINE_CUE.search(text, s, e) or _FUTURE.search(text, s, e):
        return []
    registry = reading.context.registry
    hits = registry.find(text, s, e)
    known = [(h.start, h.end) for h in hits]
    hits += [
        NameHit(KnownActor(name=p.name), p.start, p.end, p.name, p.how)
        for p in find_people(text, s, e, known)
    ]
    hits.sort(key=lambda h: h.start)
    return [h.actor.name for h in hits if takes_part(text, h) and not _tag_line(reading, h, hits)]


_SPEAKER_AFTER = re.compile(r"[\s,]*(?:\w+\s+)?" + _SPEECH.pattern, re.I)
_SPEAKER_BEFORE = re.compile(
    r"(?:" + _SPEECH.pattern + r"|\b(?:quoted|quoting|cited|citing))[\s,]*$", re.I
)
_REMEMBERED = re.compile(r"\b(?:late|memory|anniversary|legacy|tribute)\b", re.I)


def _speaker(reading: Reading, spans: list[tuple[int, int]], hits: list[NameHit]) -> list[str]:
    """When the lead tells no meeting, only what someone said, the one who said it: the
    event is the statement ("..., the spokesperson for the ministry Ivan Petrov said in a
    commentary"; "the agency quoted Ivan Petrov, a senior aide, as saying")."""
    text = reading.text
    spans = list(dict.fromkeys(spans))
    if _CUE.search(text, spans[0][0], spans[0][1]):
        return []
    for s, e in sorted(spans):
        for hit in hits:
            if not s <= hit.start < e or hit.how == "surname":
                continue
            after = text[hit.end : min(e, hit.end + 40)]
            before = text[max(s, hit.start - 25) : hit.start]
            if _REMEMBERED.search(text[max(s, hit.start - 40) : hit.start]):
                continue
            if _SPEAKER_AFTER.match(after) or _SPEAKER_BEFORE.search(before):
                return [hit.actor.name]
    return []

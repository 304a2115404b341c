"""Sentences with their offsets, and the small vocabularies events are recognised by."""

from __future__ import annotations

import re
from enum import StrEnum
from functools import lru_cache

from articles.extraction.vocabulary import vocabulary

_BOUNDARY = re.compile(r"""[.!?…]+["'”’»)]*\s+(?=["'“‘«(\[–—-]?\s*[A-Z0-9А-Я])""")
# Words a full stop does not end a sentence after ("Mr.", "Jan.", "U.S.").
_ABBREVIATIONS = frozenset(vocabulary("words")["abbreviations"])


def sentences(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentence spans inside the given paragraph spans (never crossing a paragraph)."""
    out = []
    for start, end in spans:
        cursor = start
        for m in _BOUNDARY.finditer(text, start, end):
            word = _last_word(text, cursor, m)
            token = word.group(1).rstrip(".").lower() if word else ""
            if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
                continue
            sentence_end = m.start() + len(m.group(0).rstrip())
            if text[cursor:sentence_end].strip():
                out.append(_trim(text, cursor, sentence_end))
            cursor = m.end()
        if text[cursor:end].strip():
            out.append(_trim(text, cursor, end))
    return out


# The word a sentence boundary follows, with the stops and quotes after it.
_LAST_WORD = re.compile(r"([\w.]+)[.!?…]*[\"'”’»)]*\s*$")


def _last_word(text: str, cursor: int, boundary: re.Match) -> re.Match | None:
    """The last word before a boundary, searched in the few characters before it (a search
    from the sentence's start tries every position of it); the whole sentence is searched only
    when the word may begin before them."""
    near = max(cursor, boundary.start() - 32)
    word = _LAST_WORD.search(text, near, boundary.end())
    if word is not None and word.start() == near and near > cursor:
        word = _LAST_WORD.search(text, cursor, boundary.end())
    return word


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def one_line(text: str, limit: int = 300) -> str:
    """The text on one line, leading dashes dropped, cut at a word before ``limit``."""
    flat = " ".join(text.split())
    flat = flat.lstrip("-–— ")
    if len(flat) <= limit:
        return flat
    cut = flat[:limit].rsplit(" ", 1)[0]
    return cut + "…"


_KIND_WORDS = vocabulary("kinds")
# Words by which a sentence reports something happening.
EVENT_VERBS = re.compile(r"\b(?:" + "|".join(_KIND_WORDS["event_words"]) + r")\b", re.I)
# Past-tense reports of something happening: what a relative date ("in October",
# "last year", "on Friday") must be attached to before it becomes an event of its own.
PAST_EVENT = re.compile(r"\b(?:" + "|".join(_KIND_WORDS["past_event_words"]) + r")\b", re.I)
# Words by which a lead sentence reports the article's own event, in each language.
MAIN_WORDS = re.compile(
    r"\b(?:" + "|".join(w for words in _KIND_WORDS["main_words"].values() for w in words) + r")\b",
    re.I,
)
# A report that something has just happened, told without a date ("The festival has opened",
# "Russia and Azerbaijan have signed"): the day may be the article's or the one before.
PRESENT_PERFECT = re.compile(
    r"\b(?:has|have)\s+(?:(?:just|already|now|officially|formally|finally|also|jointly)\s+)?"
    r"(?:been\s+)?(?:kicked\s+off|set\s+off|set\s+up|begun|met|held|won|made|taken|given|sent"
    r"|left|come|gone|become|shown|told|said|spoken|brought|built|done|seen|found|struck|shut"
    r"|paid|sold|led|lost|chosen|written|broken|drawn|run|[a-z]{2,}ed)\b"
)
# The report says the text does not date the event: "did not say when", "at an undisclosed
# date", "не уточняется, когда". (Wire copy once spelled "n-o-t" so that no line noise could
# drop the negation.)
UNDISCLOSED_TIME = re.compile(
    r"\b(?:(?:do|does|did)\s*n(?:-?o-?)?t|(?:has|have|had)\s+not|without)\s+(?:say(?:ing)?"
    r"|specify(?:ing)?|disclos(?:e|ing)|reveal(?:ing)?|indicat(?:e|ing)|giv(?:e|ing))\s+when\b"
    r"|\b(?:at|on|for)\s+an?\s+(?:undisclosed|unspecified|unannounced|unknown)\s+(?:date|time|day)"
    r"|\b(?:the\s+)?(?:date|time)\s+(?:of\s+[\w\s]{1,40}?)?(?:was|were|has|have|is|had)\s+not\s+"
    r"(?:been\s+)?(?:disclosed|announced|specified|given|revealed|made\s+public)"
    r"|\bне\s+(?:уточня\w+|сообща\w+|указыва\w+|называ\w+),?\s+когда"
    r"|\bдата\s+(?:\w+\s+)?не\s+(?:уточня\w+|сообща\w+|называ\w+|объявл\w+)"
    r"|\btarix(?:i)?\s+(?:hələ\s+)?(?:açıqlanmayıb|bildirilməyib|dəqiqləşdirilməyib)",
    re.I,
)
# Before a year or month in a clause that only describes someone or something named in the
# sentence ("the two countries, which established relations in 1992, ..."; "relations
# established in 1992"): that date is background, not the reported event's.
RELATIVE_CLAUSE_BEFORE = re.compile(
    r"(?:,\s*(?:which|who|whose|that|where)\b[^,;()]*"
    r"|\b(?!(?:was|were|is|are|be|been|being|has|have|had|they|he|she|we|it|you|i|who|which"
    r"|that|and|also|then|first)\b)[a-z]+(?<!ly)\s+(?:first\s+)?(?:established|founded|set\s+up"
    r"|formed|created|signed|concluded|adopted|launched|built|opened|agreed|reached|started"
    r"|begun|held)\s+(?:(?:back\s+)?(?:in|on|during)\s*)?)$"
)
# A sentence that reports something happening (or said) rather than a state of things: a
# meeting word, a past-tense event word, or someone quoted, in any of the languages.
REPORTED_EVENT = re.compile(
    MAIN_WORDS.pattern
    + "|"
    + PAST_EVENT.pattern
    + r"|\b(?:quoted|said|told|stated|reported|announced|declared|bildirib|deyib|açılıb"
    r"|başlayıb|сообщил\w*|заявил\w*|рассказал\w*|отметил\w*|состоял\w*|состоится"
    r"|пройд[её]т|прош[её]л|прошл[аои]|открыл\w*|начал\w*)\b",
    re.I,
)
# Times a report may give an event that are not a date: the article's own day is not the
# event's then.
VAGUE_TIME = re.compile(
    r"\b(?:(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|several|a\s+few|few)"
    r"\s+(?:days?|weeks?|months?)\s+ago|last\s+(?:week|weekend)|earlier\s+this\s+"
    r"(?:week|month)|(?:this|next)\s+week|recently|the\s+other\s+day|in\s+recent\s+"
    r"(?:days|weeks)|(?:days|weeks)\s+(?:before|earlier)"
    # Russian and Azerbaijani: "на прошлой неделе", "на днях", "недавно", "3 дня назад";
    # "keçən həftə", "bu yaxınlarda", "bir neçə gün əvvəl".
    r"|на\s+(?:прошлой|этой|минувшей)\s+неделе|на\s+днях|недавно|(?:\d+|несколько)\s+"
    r"(?:дн(?:я|ей)|недел[иь]|месяц(?:а|ев))\s+назад|(?:keçən|ötən|bu)\s+həftə(?:nin|də)?"
    r"|bu\s+yaxınlarda|(?:\d+|bir\s+neçə)\s+(?:gün|həftə|ay)\s+(?:əvvəl|öncə))(?![^\W\d_])",
    re.I,
)
# Words before a date that make it a background or a limit ("since 1991", "by 2025"), not
# when the reported event happened.
BACKGROUND_PREPOSITIONS = frozenset(
    [
        "since",
        "by",
        "until",
        "till",
        "before",
        "after",
        "to",
        "through",
        "of",
        "and",
        "between",
        "from",
    ]
)


# -- Tense: whether a clause reports the past or announces the future ---------------------

_TENSE = vocabulary("temporal")


class Tense(StrEnum):
    """What a verb says of when: done, or to come."""

    PAST = "past"
    FUTURE = "future"


def _alternatives(words: list[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


_IRREGULAR_PAST = frozenset(_TENSE["irregular_past"] + _TENSE["past_words"])
_NOT_PAST_ED = frozenset(_TENSE["not_past_ed"])
# English: a past form of the list, or a lower-case word in -ed that is not an adjective of the
# stop list and does not follow "is"/"be" (a present passive) or an article (an adjective).
_LATIN_WORD = re.compile(r"[A-Za-z]+(?:['’-][A-Za-z]+)*")
_NOT_BEFORE_ED = frozenset(("is", "are", "am", "be", "being", "a", "an", "the", "this", "these"))
# Russian past: -л, -ла, -ло, -ли after a vowel (not "о": "посол", "школа", "доли").
_RU_PAST = re.compile(r"(?<![\w-])([а-яё]+[аяиеыуё]л(?:[аои]|ся|ась|ось|ись)?)(?![\w-])")
_NOT_PAST_RU = frozenset(_TENSE["not_past_ru"])
# Azerbaijani past: definite -dı/-di/-du/-dü, reported -ıb/-ib/-ub/-üb, -mış/-miş/-muş/-müş.
_AZ_PAST = re.compile(
    r"(?<![\w-])([a-zəıöüşçğ]{2,}(?:(?:dı|di|du|dü)(?:lar|lər|m|n|q|k|z)?"
    r"|(?:ıb|ib|ub|üb)(?:dır|dir|dur|dür|lar|lər)?|(?:mış|miş|muş|müş)(?:dır|dir|dur|dür)?))"
    r"(?![\w-])"
)
_NOT_PAST_AZ = frozenset(_TENSE["not_past_az"])
_CYRILLIC = re.compile(r"[а-яёА-ЯЁ]")
_AZ_LETTER = re.compile(r"[əƏ]")


def _future(words: list[str]) -> re.Pattern:
    return re.compile(r"\b(?:" + "|".join(words) + r")(?![\w-])", re.I)


_FUTURE_EN, _FUTURE_RU, _FUTURE_AZ = (
    _future(_TENSE[f"future_{language}"]) for language in ("en", "ru", "az")
)
# Where a clause ends: punctuation, or a word that starts another clause.
_CLAUSE_EDGE = re.compile(
    r"[,;:()\[\]«»“”\"]|\s[-–—]\s|(?<![\w-])(?:that|which|who|whom|whose|and|but|while|whereas"
    r"|although|though|because|что|который|которая|которое|которые|где|когда|но|и|ki|və)(?![\w-])",
    re.I,
)


_RECENT = re.compile(r"\b(?:recent|recently)\b|(?<![^\W\d_])недавн[^\W\d_]*", re.I)


@lru_cache(maxsize=256)
def tense_markers(sentence: str) -> tuple[tuple[int, Tense], ...]:
    """Where a sentence's verbs say past or future, in order."""
    found = [(m.start(), Tense.FUTURE) for m in _FUTURE_EN.finditer(sentence)]
    # "after the recent meeting (on 16 October)": what is recent has happened.
    found += [(m.start(), Tense.PAST) for m in _RECENT.finditer(sentence)]
    previous = ""
    for m in _LATIN_WORD.finditer(sentence):
        word = m.group(0)
        lower = word.lower()
        if lower in _IRREGULAR_PAST or (
            lower.endswith("ed")
            and word.islower()
            and len(word) >= 4
            and word not in _NOT_PAST_ED
            and previous not in _NOT_BEFORE_ED
        ):
            found.append((m.start(), Tense.PAST))
        previous = lower
    if _CYRILLIC.search(sentence):
        found += [(m.start(), Tense.FUTURE) for m in _FUTURE_RU.finditer(sentence)]
        found += [
            (m.start(), Tense.PAST) for m in _RU_PAST.finditer(sentence) if m[1] not in _NOT_PAST_RU
        ]
    if _AZ_LETTER.search(sentence):
        found += [(m.start(), Tense.FUTURE) for m in _FUTURE_AZ.finditer(sentence)]
        found += [
            (m.start(), Tense.PAST) for m in _AZ_PAST.finditer(sentence) if m[1] not in _NOT_PAST_AZ
        ]
    found.sort()
    # "will be held", "is expected to be signed": a participle after a future is the future's.
    futures = [p for p, t in found if t == Tense.FUTURE]
    return tuple(
        (p, t)
        for p, t in found
        if t == Tense.FUTURE or not any(_same_verb(sentence, q, p) for q in futures)
    )


def _same_verb(sentence: str, future: int, past: int) -> bool:
    if not future < past:
        return False
    between = sentence[future:past]
    return len(between.split()) <= 4 and not _CLAUSE_EDGE.search(between, 1)


def reports_past(sentence: str) -> bool:
    """Whether a sentence has a verb in the past: English, Russian or Azerbaijani."""
    return any(t == Tense.PAST for _, t in tense_markers(sentence))


def tense_at(
    sentence: str, pos: int, markers: list[tuple[int, Tense]] | None = None
) -> Tense | None:
    """The tense a date at ``sentence[pos]`` is told in: that of its own clause's nearest verb
    before it (else the first after it), failing which the sentence's; None if no verb says."""
    markers = tense_markers(sentence) if markers is None else markers
    if not markers:
        return None
    start, end = 0, len(sentence)
    for edge in _CLAUSE_EDGE.finditer(sentence):
        if edge.end() <= pos:
            start = edge.end()
        elif edge.start() > pos:
            end = edge.start()
            break
    for low, high in ((start, end), (0, len(sentence))):
        before = [t for p, t in markers if low <= p < pos]
        after = [t for p, t in markers if pos <= p < high]
        if before or after:
            return before[-1] if before else after[0]
    return None


_CONTENT_WORD = re.compile(r"[^\W\d_]{5,}")


def stems(text: str) -> set[str]:
    """The content words of a text by their first five letters, so that a headline and a
    sentence telling the same thing share them ("Withdrawal" and "withdrew")."""
    return {w[:5].lower() for w in _CONTENT_WORD.findall(text)}

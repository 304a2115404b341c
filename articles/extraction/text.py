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
            word = re.search(r"([\w.]+)[.!?…]*[\"'”’»)]*\s*$", text[cursor : m.end()])
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


@lru_cache(maxsize=256)
def tense_markers(sentence: str) -> tuple[tuple[int, Tense], ...]:
    """Where a sentence's verbs say past or future, in order."""
    found = [(m.start(), Tense.FUTURE) for m in _FUTURE_EN.finditer(sentence)]
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

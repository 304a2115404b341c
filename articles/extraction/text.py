"""Sentences with their offsets, and the small vocabularies events are recognised by."""

from __future__ import annotations

import re

_BOUNDARY = re.compile(r"""[.!?…]+["'”’»)]*\s+(?=["'“‘«(\[–—-]?\s*[A-Z0-9А-Я])""")
_ABBREVIATIONS = {
    "st",
    "mr",
    "mrs",
    "ms",
    "dr",
    "gen",
    "lt",
    "col",
    "no",
    "vs",
    "jr",
    "sr",
    "prof",
    "gov",
    "sen",
    "rep",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "inc",
    "ltd",
    "co",
    "corp",
    "mt",
    "ft",
    "approx",
    "est",
    "dept",
    "univ",
    "adm",
    "capt",
    "maj",
    "sgt",
    "u.s",
    "e.g",
    "i.e",
    "etc",
    "al",
}


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
    flat = " ".join(text.split())
    flat = flat.lstrip("-–— ")
    if len(flat) <= limit:
        return flat
    cut = flat[:limit].rsplit(" ", 1)[0]
    return cut + "…"


EVENT_VERBS = re.compile(
    r"\b(?:sign(?:ed|ing)?|met|meet(?:ing|s)?|held|hold(?:s|ing)?|visit(?:ed|s|ing)?|arriv(?:ed|al)"
    r"|adopt(?:ed|ion)|declar(?:ed|ation)|erupt(?:ed)?|regist(?:ered|ration)|launch(?:ed)?"
    r"|open(?:ed|ing)|began|begun|start(?:ed)|took\s+place|kill(?:ed)?|attack(?:ed)?|agreed"
    r"|announc(?:ed|ement)|establish(?:ed|ment)|deploy(?:ed|ment)|elect(?:ed|ion)|appoint(?:ed)"
    r"|ratif(?:ied|ication)|conclud(?:ed)|host(?:ed)|receiv(?:ed)|talks|summit|negotiat(?:ed|ions)"
    r"|call(?:ed)?|conversation|decided|withdr(?:ew|awn|awal)|invad(?:ed)|invasion|occurr(?:ed)"
    r"|crash(?:ed)?|shot\s+down|became|recogni[sz](?:ed|ing)|handed\s+over|ceasefire|clash(?:es)?"
    r"|war|battle|fighting|independence|collapse|dissol(?:ved|ution)|inaugurat(?:ed|ion)"
    r"|celebrat(?:ed|ion)|founded|created|formed|liberat(?:ed|ion)|seceded|secession|died|born"
    r"|resign(?:ed)?|sworn|exercise|drills?|truce|treaty|agreement|accord|memorandum)\b",
    re.I,
)
# Past-tense reports of something happening: what a relative date ("in October",
# "last year", "on Friday") must be attached to before it becomes an event of its own.
PAST_EVENT = re.compile(
    r"\b(?:signed|met|held|visited|arrived|adopted|declared|erupted|registered|launched|opened"
    r"|began|begun|started|took\s+place|killed|attacked|agreed|announced|established|deployed"
    r"|elected|appointed|ratified|concluded|hosted|received|decided|withdrew|invaded|occurred"
    r"|crashed|recogni[sz]ed|handed\s+over|founded|created|formed|liberated|died|resigned"
    r"|talked|spoke|discussed|called|phoned|travell?ed|came|went|approved|accepted"
    r"|(?:signing|adoption|conclusion|opening|establishment)\s+of)\b",
    re.I,
)

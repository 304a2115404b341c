"""From one article's raw text to its dated events: the extraction pipeline."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace

from articles.extraction import dates as d
from articles.extraction import inference as inf
from articles.extraction.actors import NameHit, Registry
from articles.extraction.kinds import event_kind
from articles.extraction.layout import Layout, _lines_of, analyse
from articles.extraction.places import place_in_dateline, place_of
from articles.extraction.text import (
    EVENT_VERBS,
    PAST_EVENT,
    one_line,
    sentences,
)
from articles.extraction.types import (
    DAY,
    MONTH,
    UNKNOWN,
    YEAR,
    DateClaim,
    ExtractedArticle,
    ExtractedEvent,
    KnownEvent,
    NewActor,
)

_MAIN_WORDS = re.compile(
    r"\b(?:met|meet(?:ing|s)?|talks|negotiations|received|receives|visit(?:ed|s|ing)?|arrived"
    r"|(?:phone|telephone)\s+(?:call|conversation)|spoke|signed|summit|held|hosted|discussed"
    r"|conversation)\b",
    re.I,
)
_DEADLINE = re.compile(r"\b(?:by|until|till|before|through|to)\s*$", re.I)
_DATELINE_CITY = re.compile(r"^\s*[A-Z][A-Za-z' -]{1,40}(?:,|\.(?=\s+\d))\s*")
_SIGNING = re.compile(
    r"\b(?:sign(?:ed|ing)|adopt(?:ed|ion)|conclu(?:ded|sion)|ratif(?:ied|ication)"
    r"|agreed|approved)\b",
    re.I,
)
_NEW_PERSON = re.compile(
    r"\b(?P<office>(?:(?:Russian|Azerbaijani|Armenian|Turkish|Iranian|Georgian|Kazakh|Belarusian"
    r"|Ukrainian|Kremlin|US|EU)\s+)?(?:(?:First\s+)?Deputy\s+Prime\s+Minister|Prime\s+Minister"
    r"|(?:Deputy\s+)?Foreign\s+Minister|(?:Deputy\s+)?Defen[cs]e\s+Minister|Minister\s+of\s+[A-Z]\w+"
    r"(?:\s+(?:and\s+)?[A-Z]\w+)?|[Pp]residential\s+[Aa]ide|[Aa]ide\s+to\s+the\s+[Pp]resident"
    r"|[Ss]pokes(?:man|woman|person)|[Aa]mbassador(?:\s+to\s+[A-Z]\w+)?|Speaker|Chairman"
    r"|[Ee]nvoy|Secretary\s+of\s+the\s+Security\s+Council|Security\s+Council\s+[Ss]ecretary))"
    r",?\s+(?P<name>[A-Z][a-zà-ÿəğışçöü'’-]+(?:\s+[A-Z][a-zà-ÿəğışçöü'’-]+){1,2})\b"
)


MAX_BODY_CHARS = 200_000
# Date expressions that can date the main event, most specific first.
_MAIN_DATE_KINDS = (
    "full",
    "day_month",
    "relative_day",
    "weekday",
    "month_year",
    "month",
    "relative_month",
    "numeric_ambiguous",
    "year",
    "relative_year",
)
# Day-level expressions first, then month, then year; within a level, the first one.
_DATE_LEVEL = {
    "full": 0,
    "day_month": 0,
    "relative_day": 0,
    "weekday": 0,
    "month_year": 1,
    "month": 1,
    "relative_month": 1,
    "numeric_ambiguous": 2,
    "year": 2,
    "relative_year": 2,
}
# Times a report may give an event that are not a date: the article's own day is not the
# event's then.
_VAGUE_TIME = re.compile(
    r"\b(?:(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|several|a\s+few|few)"
    r"\s+(?:days?|weeks?|months?)\s+ago|last\s+(?:week|weekend)|earlier\s+this\s+"
    r"(?:week|month)|(?:this|next)\s+week|recently|the\s+other\s+day|in\s+recent\s+"
    r"(?:days|weeks)|(?:days|weeks)\s+(?:before|earlier))\b",
    re.I,
)
_UPDATED = re.compile(r"\b(?:updated|modified|edited|last\s+changed)\b", re.I)
_BACKGROUND_PREPOSITIONS = {
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
}
# Words by which an undated article can be dated from a document another article dates.
_CLUE_WORDS = re.compile(
    r"\b(?:this|last|previous|current)\s+year\b|\banniversary\b"
    r"|\b(?:passed|elapsed|gone\s+by)\s+since\b",
    re.I,
)


@dataclass
class Context:
    """What the rest of the timeline knows, for dating articles that do not state their year."""

    registry: Registry
    known_events: inf.KnownIndex
    history: list[inf.HistoryEvent]
    today: dt.date


def extract_one(text: str, ctx: Context) -> ExtractedArticle:
    layout = analyse(text, is_dateline=_looks_like_dateline)
    body_spans = _body_spans(text, layout)
    # A news article is a few thousand characters; past this, text is not read for events.
    limit = layout.body_start + MAX_BODY_CHARS
    body_spans = [(s, min(e, limit)) for s, e in body_spans if s < limit]
    sents = sentences(text, body_spans)
    if body_spans:
        first, last = body_spans[0][0], body_spans[-1][1]
        starts = [s for s, _ in body_spans]

        def inside(pos: int) -> bool:
            i = bisect_right(starts, pos) - 1
            return i >= 0 and pos < body_spans[i][1]

        mentions = [
            m
            for m in d.find_mentions(text, first, last, ctx.today)
            if inside(m.start) and inside(m.end - 1)
        ]
        hits = [h for h in ctx.registry.find(text, first, last) if inside(h.start)]
    else:
        mentions, hits = [], []
    ref, dateline = _reference_date(text, layout, sents, mentions, hits, ctx)

    main_sentence = _main_sentence(text, sents)
    main = _main_event(text, layout, sents, main_sentence, mentions, hits, ref, ctx)
    if main and not main.place and dateline and main.kind in ("meeting", "visit", "agreement"):
        # Where the report was filed, for an event that happens in one place.
        line_start = text.rfind("\n", 0, dateline.start) + 1
        line_end = text.find("\n", dateline.end)
        main.place = place_in_dateline(text[line_start : line_end if line_end >= 0 else None])
    events = [main] if main else []
    # Relative dates in the body count from the best-dated point the article has: its own
    # date, or the main event's when that is more precise ("today" in an undated report).
    anchor = ref
    if main and main.date.known and _rank(main.date) > _rank(ref):
        anchor = main.date
    events += _mentioned_events(text, sents, mentions, hits, anchor, main, ctx)
    events = _one_event_per_document(events)
    _make_keys_unique(events)
    return ExtractedArticle(
        title=layout.title,
        body_start=layout.body_start,
        body_end=layout.body_end,
        published=ref,
        events=events,
        boilerplate=layout.boilerplate,
        new_actors=_new_actors(text, sents, ctx.registry),
    )


def _one_event_per_document(events: list[ExtractedEvent]) -> list[ExtractedEvent]:
    """A document's signing told twice ("signed in February 2022", "signed last year") is one
    mentioned event: the most precise telling is kept when the two agree."""
    groups: list[list[ExtractedEvent]] = []
    for event in events:
        if event.main or not event.label or not event.date.known:
            continue
        group = next((g for g in groups if inf.labels_match(g[0].label, event.label)), None)
        if group is None:
            groups.append([event])
        else:
            group.append(event)
    drop = set()
    for group in groups:
        keeper = max(group, key=lambda e: _rank(e.date))
        for event in group:
            if event is not keeper and keeper.date.iso().startswith(event.date.iso()):
                drop.add(id(event))
    return [e for e in events if id(e) not in drop]


def _make_keys_unique(events: list[ExtractedEvent]) -> None:
    """A sentence repeated in an article gives the same key twice: number the repeats."""
    seen: dict[str, int] = {}
    for event in events:
        count = seen.get(event.key, 0)
        seen[event.key] = count + 1
        if count:
            event.key = f"{event.key}#{count + 1}"


def _rank(claim: DateClaim) -> int:
    return {DAY: 3, MONTH: 2, YEAR: 1}.get(claim.precision, 0) if claim.known else 0


def _body_spans(text: str, layout: Layout) -> list[tuple[int, int]]:
    """Body paragraphs minus interface lines inside them."""
    inside = [
        (s, e) for s, e in layout.boilerplate if s >= layout.body_start and e <= layout.body_end
    ]
    spans = []
    for block in layout.body:
        for line in _lines_of(block):
            if any(s <= line.start and line.end <= e for s, e in inside):
                continue
            if (
                spans
                and text[spans[-1][1] : line.start].count("\n") <= 1
                and spans[-1][1] >= block.start
            ):
                spans[-1] = (spans[-1][0], line.end)
            else:
                spans.append((line.start, line.end))
    return spans


def _looks_like_dateline(line: str) -> bool:
    words = line.split()
    if len(words) > 12:
        return False
    found = d.find_mentions(line)
    return any(m.kind in ("full", "day_month", "month_year", "numeric_ambiguous") for m in found)


def _dateline(text: str, layout: Layout, today: dt.date) -> d.Mention | None:
    """The article's own date: a short header line with a date, or 'CITY, date (Agency) -'."""
    lines = [line for block in layout.header for line in _lines_of(block)]
    dated = []
    for position, line in enumerate(lines):
        if len(line.text.split()) > 12:
            continue
        for m in d.find_mentions(text, line.start, line.end, today):
            if m.kind in ("full", "day_month", "month_year", "numeric_ambiguous"):
                dated.append((position, m))
                break
    if len(dated) <= 2:
        if dated:
            # "Published 26 November ... Updated 27 November": the publication is the date.
            preferred = [m for pos, m in dated if not _UPDATED.search(lines[pos].text)]
            return (preferred or [dated[0][1]])[0]
    else:
        # Many dated lines above the body are a list of other stories with their timestamps
        # (a sidebar scraped first): only a date between the title and the body can be the
        # article's own.
        mention = dated[-1][1]
        if mention.start > layout.title_start:
            return mention
    if layout.body:
        first = layout.body[0]
        lead = text[first.start : min(first.end, first.start + 120)]
        city = _DATELINE_CITY.match(lead)
        if city:
            rest = first.start + city.end()
            for m in d.find_mentions(text, rest, min(first.end, rest + 40), today):
                if m.start - rest <= 2 and m.kind in ("full", "day_month", "month_year"):
                    tail = text[m.end : m.end + 40]
                    if re.match(
                        r"\s*(?:\([^)]{1,40}\)|/[^/]{1,20}/|,\s*[A-Z][\w.-]{1,20}|[.,])?"
                        r"\s*[-–—.:/]",
                        tail,
                    ):
                        return m
    return None


def _reference_date(text: str, layout: Layout, sents, mentions, hits, ctx: Context):
    """The article's own date (publication), at the precision the text supports."""
    dateline = _dateline(text, layout, ctx.today)
    clues = _year_clues(text, sents, mentions, ctx)
    if dateline is not None and dateline.kind in ("full", "month_year", "numeric_ambiguous"):
        claim = d.claim_from_mention(dateline, derivation="dateline")
        if claim.known and claim.interval()[0] <= ctx.today:
            against = [c for c in clues if c.year != claim.year]
            if against:  # two clues disagree: keep the dateline, but say so and ask for review
                claim = replace(
                    claim,
                    needs_review=True,
                    derivation="dateline; but "
                    + "; ".join(f"{c.reason} points to {c.year}" for c in against),
                )
            return claim, dateline
    low, high = _office_bounds(text, hits, ctx.today)
    clues = [c for c in clues if low.year <= c.year <= high.year]
    years = {c.year for c in clues}
    if dateline is not None and dateline.kind == "day_month":
        base = {
            "evidence": dateline.text,
            "evidence_start": dateline.start,
            "evidence_end": dateline.end,
        }
        if len(years) == 1:
            clue = clues[0]
            year = clue.year
            return DateClaim(
                DAY,
                year,
                dateline.month,
                dateline.day,
                **base,
                derivation=f"dateline day and month; year {year} from {clue.reason}",
                needs_review=True,
            ), dateline
        if not years:
            weekday = _weekday_year(text, sents, mentions, dateline, low, high)
            if weekday:
                return replace(weekday, **base), dateline
        reason = (
            "clues disagree: " + "; ".join(f"{c.year} from {c.reason}" for c in clues)
            if years
            else "nothing in the text fixes the year"
        )
        return DateClaim(
            UNKNOWN,
            None,
            None,
            None,
            **base,
            derivation=f"dateline '{dateline.text}' has no year; {reason}",
            needs_review=True,
        ), dateline
    if len(years) == 1:
        clue = clues[0]
        return DateClaim(
            YEAR,
            clue.year,
            evidence=text[clue.evidence_start : clue.evidence_end],
            evidence_start=clue.evidence_start,
            evidence_end=clue.evidence_end,
            derivation=f"year {clue.year} from {clue.reason} (no dateline)",
            needs_review=True,
        ), None
    if len(years) > 1:
        return DateClaim(
            UNKNOWN,
            derivation="no dateline; clues disagree: "
            + "; ".join(f"{c.year} from {c.reason}" for c in clues),
            needs_review=True,
        ), None
    return DateClaim(
        UNKNOWN, derivation="no dateline and nothing in the text fixes the year", needs_review=True
    ), None


def _year_clues(text, sents, mentions, ctx: Context) -> list[inf.YearClue]:
    explicit = [m for m in mentions if m.kind in ("full", "month_year", "year")]
    return (
        inf.anniversary_clues(text, sents, ctx.known_events, ctx.history, explicit)
        + inf.this_year_clues(text, sents, mentions, ctx.known_events, ctx.history)
        + inf.span_clues(text, sents, ctx.known_events, ctx.history)
    )


def _office_bounds(text: str, hits: list[NameHit], today: dt.date) -> tuple[dt.date, dt.date]:
    """The window in which every titled person held the office the text gives them."""
    low, high = dt.date(1900, 1, 1), today
    for hit in hits:
        titled = inf.title_of(text, hit)
        if not titled:
            continue
        title, country, former = titled
        if former:
            continue
        intervals = inf.office_intervals(hit, title, country)
        if not intervals:
            continue
        # The union of the terms; as a window, from the first start to the last end.
        low = max(low, min(s for s, _ in intervals))
        high = min(high, max(e for _, e in intervals))
    return low, high


def _weekday_year(
    text, sents, mentions, dateline: d.Mention, low: dt.date, high: dt.date
) -> DateClaim | None:
    """A day and month with no year, and a weekday the text gives: the years that fit."""
    if low.year <= 1900:
        return None  # without an office window the weekday alone fits too many years
    weekdays = [
        m for m in mentions if m.kind == "weekday" and m.offset == 0 and m.preposition in ("on", "")
    ]
    for m in weekdays:
        sentence = _sentence_of(m.start, sents)
        if sentence is None:
            continue
        others = [
            x
            for x in mentions
            if sentence[0] <= x.start < sentence[1]
            and x is not m
            and x.kind in ("full", "day_month", "relative_day", "weekday")
        ]
        if others:
            continue
        years = inf.weekday_years(dateline.month, dateline.day, m.weekday, low, high)
        if len(years) == 1:
            year = years[0]
            return DateClaim(
                DAY,
                year,
                dateline.month,
                dateline.day,
                derivation=(
                    f"dateline day and month; year {year} is the only year from "
                    f"{low.year} to {high.year} (while the people named held the offices "
                    f"the text gives them) in which {dateline.day} "
                    f"{d.calendar.month_name[dateline.month]} was a "
                    f"{inf.weekday_name(m.weekday)} ('{m.text}')"
                ),
                needs_review=True,
            )
    return None


def _main_sentence(text: str, sents: list[tuple[int, int]]) -> tuple[int, int] | None:
    if not sents:
        return None
    for span in sents[:4]:
        if _MAIN_WORDS.search(text[span[0] : span[1]]):
            return span
    return sents[0]


def _sentence_of(pos: int, sents) -> tuple[int, int] | None:
    i = bisect_right(sents, (pos, float("inf"))) - 1
    if i >= 0 and sents[i][0] <= pos < sents[i][1]:
        return sents[i]
    return None


def _main_event(
    text, layout, sents, main_span, mentions, hits, ref: DateClaim, ctx: Context
) -> ExtractedEvent | None:
    if main_span is None:
        return None
    lead = [sents[0], main_span] if sents else []
    date: DateClaim | None = None
    # The sentence that reports the event dates it if it has a date at all; only when it has
    # none does the first sentence, and only then the article's own date.
    for span in dict.fromkeys([main_span, sents[0]]):
        sentence = text[span[0] : span[1]]
        future = bool(d.FUTURE.search(sentence))
        found = [
            m
            for m in mentions
            if span[0] <= m.start < span[1]
            and m.kind in _MAIN_DATE_KINDS
            and m.preposition not in _BACKGROUND_PREPOSITIONS
            and not _DEADLINE.search(text[max(0, m.start - 12) : m.start])
            and not (m.kind == "relative_year" and "ago" in m.text.lower())
            # "... met and prepared for the anniversary next year": a later year in a
            # sentence that reports the past is the date of something else.
            and not (m.kind in ("relative_year", "relative_month") and m.offset > 0 and not future)
        ]
        if not found:
            continue
        best = min(found, key=lambda m: (_DATE_LEVEL[m.kind], m.start))
        resolved = d.resolve(best, ref, future=future)
        if resolved is None or not resolved.known:
            date = DateClaim(
                UNKNOWN,
                evidence=best.text,
                evidence_start=best.start,
                evidence_end=best.end,
                derivation=f"the report dates the event '{best.text.strip()}', but the text "
                "does not fix its year",
                needs_review=True,
            )
        else:
            date = _check_against_dateline(resolved, ref, future=future)
        break
    if date is None:
        vague = next(
            (
                m
                for span in dict.fromkeys([main_span, sents[0]])
                for m in [_VAGUE_TIME.search(text, span[0], span[1])]
                if m
            ),
            None,
        )
        if vague is not None and ref.known:
            # "Ten days ago", "last week": not the article's own day, and no day of its own.
            date = DateClaim(
                YEAR,
                ref.year,
                evidence=vague.group(0),
                evidence_start=vague.start(),
                evidence_end=vague.end(),
                derivation=f"the report dates the event only as '{vague.group(0)}'; the year "
                f"is the article's ({ref.derivation})",
                needs_review=True,
            )
        elif ref.known:
            date = replace(
                ref,
                derivation=f"the article's own date: {ref.derivation}; the "
                "report gives the event no other date",
            )
        else:
            date = replace(ref)
    people_spans = list(dict.fromkeys(lead))
    participants = _people_in(hits, people_spans, text)
    participants += [
        n for n in _office_holders(text, people_spans, date, ctx) if n not in participants
    ]
    main_names = set(participants)
    mentioned = [h.actor.name for h in hits if h.actor.name not in main_names]
    # Organisations named around the main event (the EAEU summit, the OSCE Minsk Group).
    mentioned += [
        h.actor.name
        for s, e in people_spans
        for h in ctx.registry.find(text, s, e, kinds=("organisation",))
    ]
    main_text = text[main_span[0] : main_span[1]]
    summary = layout.title or one_line(main_text)
    return ExtractedEvent(
        key="main",
        main=True,
        summary=one_line(summary),
        date=date,
        evidence_start=main_span[0],
        evidence_end=main_span[1],
        kind=event_kind(main_text + " " + (layout.title or "")),
        place=place_of(main_text) or place_of(text[sents[0][0] : sents[0][1]]),
        participants=participants,
        mentioned=list(dict.fromkeys(mentioned)),
        label=_document_label(main_text),
    )


def _office_holders(text: str, spans, date: DateClaim, ctx: Context) -> list[str]:
    """People named only by office ("the Russian President"), resolved against who held the
    office over the whole of the event's date interval."""
    first, last = date.interval()
    if first is None:
        return []
    names = []
    for s, e in spans:
        for title, country, _, _ in inf.standalone_titles(text, s, e):
            person = inf.holder(ctx.registry.people(), title, country, first, last)
            if person is not None:
                names.append(person.name)
    return list(dict.fromkeys(names))


def _check_against_dateline(claim: DateClaim, ref: DateClaim, *, future: bool = False) -> DateClaim:
    """A lead date well after the article's own date (unless announced) is suspicious."""
    if ref.precision == DAY and claim.precision == DAY and ref.known:
        lead_day = dt.date(claim.year, claim.month, claim.day)
        ref_day = dt.date(ref.year, ref.month, ref.day)
        ahead = dt.timedelta(days=400 if future else 7)
        if lead_day > ref_day + ahead or lead_day < ref_day - dt.timedelta(days=366):
            return replace(
                claim,
                needs_review=True,
                derivation=claim.derivation + "; far from the article's own date",
            )
    return claim


_NOT_TAKING_PART_BEFORE = re.compile(
    r"\b(?:late|memory\s+of|anniversary\s+of|named\s+after|according\s+to|quoting|quoted"
    r"|spokes(?:man|woman|person)(?:\s+for\s+the\s+\w+(?:\s+of\s+the\s+\w+(?:\s+\w+)?)?)?"
    r"|press\s+secretary|birth\s+of|death\s+of|legacy\s+of|founder|national\s+leader)"
    r"[\s,]+(?:\w+\s+){0,2}$",
    re.I,
)
_REPORTER_AFTER = re.compile(
    r"^\W{0,3}(?:\w+\W+){0,3}?(?:told|said\s+to|informed)\s+(?:reporters|journalists|the\s+press"
    r"|media)",
    re.I,
)


def _people_in(hits: list[NameHit], spans, text: str) -> list[str]:
    """People who take part in what the sentences report: not the dead being remembered, not
    the spokesman quoted about it."""
    names = []
    for hit in hits:
        if any(s <= hit.start < e for s, e in spans):
            before = text[max(0, hit.start - 80) : hit.start]
            if _NOT_TAKING_PART_BEFORE.search(before):
                continue
            if _REPORTER_AFTER.match(text[hit.end : hit.end + 60]):
                continue
            names.append(hit.actor.name)
    return list(dict.fromkeys(names))


def _mentioned_events(
    text, sents, mentions, hits, ref: DateClaim, main: ExtractedEvent | None, ctx: Context
) -> list[ExtractedEvent]:
    events: list[ExtractedEvent] = []
    seen: set[tuple[int, str]] = set()
    main_span = (main.evidence_start, main.evidence_end) if main else None
    main_date = main.date.iso() if main else None
    for m in mentions:
        span = _sentence_of(m.start, sents)
        if span is None or span == main_span:
            continue  # the main event's own sentence dates the main event
        sentence = text[span[0] : span[1]]
        has_event = bool(EVENT_VERBS.search(sentence))
        before = text[max(span[0], m.start - 14) : m.start]
        if _DEADLINE.search(before) or m.preposition in (
            "by",
            "until",
            "till",
            "before",
            "to",
            "through",
            "of",
            "and",
            "between",
        ):
            continue
        if m.kind in ("full", "month_year", "numeric_ambiguous"):
            claim = d.resolve(m, ref)
        elif m.kind == "year":
            if not has_event:
                continue
            claim = d.resolve(m, ref)
        else:
            if not PAST_EVENT.search(sentence) or m.kind == "relative_month":
                continue
            if m.kind == "relative_year" and "ago" in m.text.lower():
                continue
            claim = d.resolve(m, ref, future=bool(d.FUTURE.search(sentence)))
        if claim is None or not claim.known:
            continue
        if claim.interval()[0] > ctx.today + dt.timedelta(days=3650):
            continue
        iso = claim.iso()
        if (span[0], iso) in seen:
            continue
        seen.add((span[0], iso))
        # Everyone named in the sentence: a spokesman's announcement is his own event.
        people = list(dict.fromkeys(h.actor.name for h in hits if span[0] <= h.start < span[1]))
        if iso == main_date and claim.precision == DAY and set(people) <= set(main.participants):
            continue  # the main event told again ("Today, the minister arrived ...")
        label = _document_label(sentence)
        digest = hashlib.sha1(" ".join(sentence.split()).encode()).hexdigest()[:10]
        events.append(
            ExtractedEvent(
                key=f"m:{digest}:{m.text.lower()}",
                main=False,
                summary=one_line(sentence),
                date=claim,
                evidence_start=span[0],
                evidence_end=span[1],
                kind=event_kind(sentence),
                place=place_of(sentence),
                participants=people,
                mentioned=[],
                label=label,
            )
        )
    return events


def _document_label(sentence: str) -> str:
    """The document a sentence reports signed or adopted, so other articles can be dated by it."""
    if not _SIGNING.search(sentence):
        return ""
    names = inf._document_names(sentence)
    return names[0] if names else ""


def _new_actors(text: str, sents, registry: Registry) -> list[NewActor]:
    found: dict[str, NewActor] = {}
    for s, e in sents:
        for m in _NEW_PERSON.finditer(text, s, e):
            name = m.group("name")
            if registry.find(name) or name in found:
                continue
            if any(w.lower() in {"the", "of", "and"} for w in name.split()):
                continue
            found[name] = NewActor(
                name=name,
                office=" ".join(m.group("office").split()),
                evidence=one_line(text[s:e], 200),
            )
    return list(found.values())


def may_need_second_pass(result: ExtractedArticle, text: str) -> bool:
    """Whether another article of the batch could date this one: its main event has no
    stated date, and it names a document with words like "this year" or "anniversary"."""
    main = next((e for e in result.events if e.main), None)
    if main is None or (main.date.known and not main.date.needs_review):
        return False
    body = text[result.body_start : result.body_end]
    # The clues that use other articles tie a document and such words in one sentence.
    return any(
        inf._DOC_NAME.search(body, max(0, m.start() - 200), m.end() + 200)
        for m in _CLUE_WORDS.finditer(body)
    )


def second_pass_plan(
    items: Sequence[tuple[str, str]],
    first: list[ExtractedArticle],
) -> list[tuple[int, list[KnownEvent]]]:
    """Which articles to extract again, and with which documents the rest of the batch dates.

    Only articles whose main date is not stated and that name a document are redone.
    """
    batch_known: list[tuple[int, KnownEvent]] = []
    for index, (result, (name, _)) in enumerate(zip(first, items, strict=True)):
        for event in result.events:
            if (
                event.label
                and event.date.known
                and event.date.precision in (DAY, MONTH)
                and not event.date.needs_review
            ):
                batch_known.append((index, KnownEvent(event.label, event.date, source=name)))
    if not batch_known:
        return []
    # One date per document name; a name the batch dates differently is left out.
    by_label: dict[frozenset, list[tuple[int, KnownEvent]]] = {}
    for index, known in batch_known:
        by_label.setdefault(inf.label_key(known.label), []).append((index, known))
    by_word: dict[tuple[str, str], set[frozenset]] = {}
    for key, entries in by_label.items():
        words = inf._label_words(entries[0][1].label)
        for word in set(words[1:]) or {""}:
            by_word.setdefault((words[0], word), set()).add(key)
    plan = []
    for index, (result, (_, text)) in enumerate(zip(first, items, strict=True)):
        if not may_need_second_pass(result, text):
            continue
        names = inf._document_names(text[result.body_start : result.body_end])
        keys = set()
        for name in names:
            words = inf._label_words(name)
            if words:
                for word in set(words[1:]) or {""}:
                    keys |= by_word.get((words[0], word), set())
        others = []
        for key in keys:
            entries = by_label[key]
            candidates = [k for i, k in entries if i != index]
            if not candidates or not any(inf.labels_match(n, candidates[0].label) for n in names):
                continue
            best = min(candidates, key=lambda k: {DAY: 0, MONTH: 1}.get(k.date.precision, 2))
            if all(k.date.year == best.date.year for k in candidates):
                others.append(best)
        if others:
            others.sort(key=lambda k: {DAY: 0, MONTH: 1}.get(k.date.precision, 2))
            plan.append((index, others))
    return plan

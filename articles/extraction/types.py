"""The dataclasses extraction produces: plain values, no Django."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from functools import cached_property

from articles.extraction.datevalue import DateValue, Precision
from articles.extraction.kinds import EventKind

DAY, MONTH, YEAR, UNKNOWN = Precision.DAY, Precision.MONTH, Precision.YEAR, Precision.UNKNOWN


@dataclass(frozen=True)
class DateClaim:
    """A date at the precision its text supports, with why we believe it."""

    precision: str  # day | month | year | unknown
    year: int | None = None
    month: int | None = None
    day: int | None = None
    evidence: str = ""
    evidence_start: int | None = None
    evidence_end: int | None = None
    derivation: str = ""
    needs_review: bool = False

    @cached_property
    def value(self) -> DateValue:
        """The date itself, without why we believe it (kept: steps ask for it again and again)."""
        return DateValue(Precision(self.precision), self.year, self.month, self.day)

    @property
    def known(self) -> bool:
        """Whether there is a date at all."""
        return self.value.known

    @property
    def specificity(self) -> int:
        """How much of the date is known: 3 for a day, 2 a month, 1 a year, 0 nothing."""
        return self.value.specificity

    def iso(self) -> str | None:
        """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; None if unknown."""
        return self.value.iso()

    def interval(self) -> tuple[dt.date | None, dt.date | None]:
        """First and last day this date can mean."""
        return self.value.interval()


UNKNOWN_DATE = DateClaim(UNKNOWN, derivation="no date found in the text", needs_review=True)


@dataclass(frozen=True)
class KnownActor:
    """An actor the registry knows, as extraction needs it."""

    name: str
    kind: str = "person"
    aliases: tuple[str, ...] = ()
    offices: tuple[dict, ...] = ()  # {"title": ..., "country": ..., "from": 2000, "to": 2008}


@dataclass(frozen=True)
class KnownEvent:
    """A dated event already known (from the database or the same import batch)."""

    label: str
    date: DateClaim
    source: str = ""  # where the date came from, for the derivation text


@dataclass
class ExtractedEvent:
    """A dated event an article reports: the main one, or one it mentions."""

    key: str
    main: bool
    summary: str
    date: DateClaim
    evidence_start: int
    evidence_end: int
    kind: EventKind = EventKind.OTHER
    place: str | None = None
    participants: list[str] = field(default_factory=list)
    mentioned: list[str] = field(default_factory=list)
    label: str = ""  # a name the event is known by ("Declaration on Allied Interaction")


@dataclass(frozen=True)
class TimeExpression:
    """A date expression of the article's text, with what it means (a TIMEX3 value: see
    ``timex``) and how that was found ("explicit", "relative to the article's date", ...)."""

    start: int
    end: int
    text: str
    value: str | None  # 2021-11-26, 2021-11, 2021, 2021-W47, 2021-SU, 199, 19, PRESENT_REF
    resolution: str
    mod: str | None = None  # START, MID or END: "early 2021", "mid-2021", "the end of 2021"


@dataclass
class NewActor:
    """A person the text introduces with an office who is not in the registry yet."""

    name: str
    office: str
    evidence: str
    country: str = ""  # the country the office is of, where the office names one
    organisation: str = ""  # the known organisation or ministry the office is of


@dataclass
class ExtractedArticle:
    """What extraction finds in one article: layout, its own date, events, new actors."""

    title: str
    body_start: int
    body_end: int
    published: DateClaim
    events: list[ExtractedEvent] = field(default_factory=list)
    new_actors: list[NewActor] = field(default_factory=list)
    dates: list[TimeExpression] = field(default_factory=list)
    language: str = "en"  # ru | az | en (articles.extraction.language)

    def to_json(self, file: str) -> dict:
        """The stable `extract --json` shape."""
        return {
            "file": file,
            "title": self.title,
            "language": self.language,
            "body": {"start": self.body_start, "end": self.body_end},
            "published": {
                "date": self.published.iso(),
                "precision": self.published.precision,
                "evidence": self.published.evidence,
                "derivation": self.published.derivation,
            },
            "events": [
                {
                    "main": event.main,
                    "date": event.date.iso(),
                    "precision": event.date.precision,
                    "date_evidence": event.date.evidence,
                    "date_derivation": event.date.derivation,
                    "needs_review": event.date.needs_review,
                    "summary": event.summary,
                    "kind": event.kind,
                    "place": event.place,
                    "participants": event.participants,
                    "mentioned": event.mentioned,
                    "evidence": {"start": event.evidence_start, "end": event.evidence_end},
                }
                for event in self.events
            ],
            "new_actors": [asdict(actor) for actor in self.new_actors],
            "dates": self.dates_json(),
        }

    def dates_json(self) -> list[dict]:
        """Every date expression as ``extract --json`` lists it and ``Article.dates`` stores it."""
        return [asdict(expression) for expression in self.dates]

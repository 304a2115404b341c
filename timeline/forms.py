"""Admin forms: how an editor types a date, and how the form turns it into an interval."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from django import forms
from django.core.exceptions import ValidationError

from articles.extraction.dates import parse_date_entry as read_typed_date
from timeline.models import PRECISION_RANK, DatePrecision, Event, interval_for

MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_MONTHS = {name.lower(): n for n, name in enumerate(MONTH_NAMES, start=1)}
_MONTHS |= {name[:3].lower(): n for name, n in list(_MONTHS.items())} | {"sept": 9}
_UNKNOWN_WORDS = {"unknown", "date unknown", "?"}

_ISO = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d{1,2})(?:-(?P<day>\d{1,2}))?)?")
_DAY_MONTH_YEAR = re.compile(r"(?P<day>\d{1,2})\s+(?P<month>[a-z]+)\.?,?\s+(?P<year>\d{4})")
_MONTH_DAY_YEAR = re.compile(r"(?P<month>[a-z]+)\.?\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})")
_MONTH_YEAR = re.compile(r"(?P<month>[a-z]+)\.?,?\s+(?P<year>\d{4})")

DATE_HELP = (
    '"2021-05-11" or "11 May 2021" for a day, "May 2021" or "2021-05" for a month, '
    '"2021" for a year, or "unknown".'
)


def parse_date_entry(text: str) -> tuple[str, dt.date | None]:
    """An editor's date as (precision, first day it can mean); ValidationError says why not."""
    entry = " ".join(text.replace("\xa0", " ").split()).lower()
    if not entry:
        raise ValidationError(f"Enter a date: {DATE_HELP}")
    if entry in _UNKNOWN_WORDS:
        return DatePrecision.UNKNOWN, None
    for pattern in (_ISO, _DAY_MONTH_YEAR, _MONTH_DAY_YEAR, _MONTH_YEAR):
        match = pattern.fullmatch(entry)
        if match:
            break
    else:
        # Other spellings and languages ("Nov. 26th, 2021", "26 ноября 2021"): dateparser,
        # through the extractor's reading of a typed date.
        claim = read_typed_date(text)
        if claim is None or claim.precision == DatePrecision.UNKNOWN:
            raise ValidationError(
                f"“{text.strip()}” is not a date this form understands: {DATE_HELP}"
            )
        return claim.precision, claim.interval()[0]
    parts = match.groupdict()
    year = int(parts["year"])
    month = parts.get("month")
    if month is not None and not month.isdigit():
        if month not in _MONTHS:
            raise ValidationError(f"“{text.strip()}”: “{month}” is not the name of a month.")
        month = _MONTHS[month]
    month = int(month) if month is not None else None
    day = int(parts["day"]) if parts.get("day") else None
    if year < 1000:
        raise ValidationError(f"“{text.strip()}”: give the year in four digits.")
    if month is not None and not 1 <= month <= 12:
        raise ValidationError(f"“{text.strip()}” is not a date: there is no month {month}.")
    if day is not None:
        last = calendar.monthrange(year, month)[1]
        if not 1 <= day <= last:
            raise ValidationError(
                f"“{text.strip()}” is not a date: {MONTH_NAMES[month - 1]} {year} has {last} days."
            )
        return DatePrecision.DAY, dt.date(year, month, day)
    if month is not None:
        return DatePrecision.MONTH, dt.date(year, month, 1)
    return DatePrecision.YEAR, dt.date(year, 1, 1)


def date_entry(precision: str, start: dt.date | None) -> str:
    """How the form shows a stored date; ``parse_date_entry`` reads it back."""
    if start is None or precision == DatePrecision.UNKNOWN:
        return "unknown"
    if precision == DatePrecision.YEAR:
        return str(start.year)
    if precision == DatePrecision.MONTH:
        return f"{MONTH_NAMES[start.month - 1]} {start.year}"
    return f"{start.day} {MONTH_NAMES[start.month - 1]} {start.year}"


_DATE_PARTS = ("date_precision", "date_start", "date_end")


class EventAdminForm(forms.ModelForm):
    """One text box for the date; precision, first and last day follow from it.

    The exact-interval fields are for the rare date the text box cannot say ("spring 2021":
    year precision, March to May). They start blank unless the event already has such an
    interval, and a newly typed date replaces an old interval the editor did not touch.
    """

    date = forms.CharField(max_length=60, help_text=DATE_HELP)

    class Meta:
        model = Event
        fields = [
            "summary",
            "kind",
            "place",
            "label",
            "date",
            "date_evidence",
            "date_derivation",
            "needs_review",
            *_DATE_PARTS,
        ]
        labels = {"date_precision": "Precision", "date_start": "First day", "date_end": "Last day"}
        widgets = {
            "summary": forms.TextInput(attrs={"size": 100}),
            "label": forms.TextInput(attrs={"size": 60}),
            "date_evidence": forms.Textarea(attrs={"rows": 2, "cols": 80}),
            "date_derivation": forms.TextInput(attrs={"size": 100}),
        }
        help_texts = {
            "date_precision": "Only to override the precision the date above implies.",
            "date_start": "Only for an interval the date above cannot express.",
            "date_end": "Only for an interval the date above cannot express.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "date_precision" in self.fields:  # absent for someone who may only view
            precision = self.fields["date_precision"]
            precision.required = False
            precision.choices = [("", "as the date says"), *DatePrecision.choices]
        event = self.instance
        self.initial["date"] = date_entry(event.date_precision, event.date_start)
        self.initial["date_precision"] = ""
        if (event.date_start, event.date_end) == interval_for(
            event.date_precision, event.date_start
        ):
            self.initial["date_start"] = self.initial["date_end"] = None

    def clean_date(self) -> tuple[str, dt.date | None]:
        return parse_date_entry(self.cleaned_data["date"])

    def clean(self) -> dict:
        cleaned = super().clean()
        if "date" not in cleaned:
            return cleaned
        typed, first = cleaned["date"]
        overrides = [cleaned.get(name) for name in _DATE_PARTS]
        if "date" in self.changed_data and not set(_DATE_PARTS) & set(self.changed_data):
            overrides = [None, None, None]  # a new date replaces an interval left untouched
        precision_override, start, end = overrides
        precision = precision_override or typed
        if start or end:
            if precision == DatePrecision.DAY and start and not end:
                end = start
            lo, hi = interval_for(typed, first)
            if not precision_override and lo and start and end and not (lo <= start and end <= hi):
                self.add_error(
                    "date_start",
                    "The interval must lie within the date "
                    f"“{self.data.get(self.add_prefix('date'))}”, "
                    f"from {lo} to {hi}.",
                )
        elif PRECISION_RANK[precision] > PRECISION_RANK[typed] or (
            typed == DatePrecision.UNKNOWN and precision != typed
        ):
            missing = {"day": "day", "month": "month", "year": "year"}[precision]
            self.add_error(
                "date_precision",
                f"A {precision}-precision date needs a {missing}: "
                "type it in the date, or give the first and last "
                "day.",
            )
            return cleaned
        else:
            start, end = interval_for(precision, first)
        cleaned.update(date_precision=precision, date_start=start, date_end=end)
        return cleaned


class MergeForm(forms.Form):
    """The intermediate page of a merge action: which of the selected records survives."""

    keep = forms.TypedChoiceField(coerce=int, widget=forms.RadioSelect, label="Keep")

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["keep"].choices = choices

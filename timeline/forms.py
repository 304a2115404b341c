"""Admin forms: how an editor types a date, and how the form turns it into an interval."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.core.exceptions import ValidationError

from articles.extraction.datevalue import ENTRY_HELP, DateValue, EntryError, parse_entry
from timeline.models import DatePrecision, Event, interval_for

_DATE_PARTS = ("date_precision", "date_start", "date_end")


class EventAdminForm(forms.ModelForm):
    """One text box for the date; precision, first and last day follow from it.

    The exact-interval fields are for the rare date the text box cannot say ("spring 2021":
    year precision, March to May). They start blank unless the event already has such an
    interval, and a newly typed date replaces an old interval the editor did not touch.
    """

    date = forms.CharField(max_length=60, help_text=ENTRY_HELP)

    class Meta:
        model = Event
        fields = [
            "title",
            "summary",
            "kind",
            "place",
            "label",
            "planned",
            "date",
            "date_evidence",
            "date_derivation",
            "needs_review",
            *_DATE_PARTS,
        ]
        labels = {"date_precision": "Precision", "date_start": "First day", "date_end": "Last day"}
        widgets = {
            "title": forms.TextInput(attrs={"size": 100}),
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
        self.initial["date"] = event.date.entry
        self.initial["date_precision"] = ""
        if (event.date_start, event.date_end) == interval_for(
            event.date_precision, event.date_start
        ):
            self.initial["date_start"] = self.initial["date_end"] = None

    def clean_date(self) -> tuple[str, dt.date | None]:
        try:
            value = parse_entry(self.cleaned_data["date"])
        except EntryError as exc:
            raise ValidationError(str(exc)) from exc
        return value.precision, value.first

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
        elif DateValue(precision).rank > DateValue(typed).rank or (
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

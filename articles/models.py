"""Stored articles: the raw text exactly as imported, and where its body lies."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from articles.extraction.datevalue import DateValue, Precision
from articles.extraction.language import NAMES as LANGUAGE_NAMES

LANGUAGE_CHOICES = list(LANGUAGE_NAMES.items())

PRECISION_CHOICES = [(p.value, p.value) for p in Precision]


class Article(models.Model):
    file_name = models.CharField(max_length=255)
    content_hash = models.CharField(
        max_length=64,
        unique=True,
        editable=False,
        help_text="SHA-256 of the raw text; importing the same text again changes nothing.",
    )
    raw_text = models.TextField(help_text="The text as imported, never altered.")
    title = models.CharField(max_length=500, blank=True)
    body_start = models.PositiveIntegerField(default=0)
    body_end = models.PositiveIntegerField(default=0)
    published_date = models.DateField(null=True, blank=True)
    published_precision = models.CharField(
        max_length=8, choices=PRECISION_CHOICES, default=Precision.UNKNOWN
    )
    published_evidence = models.CharField(max_length=300, blank=True)
    published_derivation = models.CharField(
        max_length=500, blank=True, help_text="How the article's date was read, and from what."
    )
    published_needs_review = models.BooleanField(
        default=False,
        help_text="The article's date is inferred, or its sources disagree: an editor should look.",
    )
    url = models.URLField(
        max_length=2000, blank=True, help_text="Where the article was published, from its feed."
    )
    outlet = models.CharField(max_length=200, blank=True, help_text="Who published it.")
    feed_published = models.CharField(
        max_length=100,
        blank=True,
        help_text="The feed's published value as given (evidence for the article's date).",
    )
    language = models.CharField(
        max_length=2,
        choices=LANGUAGE_CHOICES,
        default="en",
        help_text="The language of the text, as extraction reads it from its letters and words.",
    )
    previous_version = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="newer_versions",
        help_text="The earlier import of the same file name, when this text replaced it.",
    )
    dates = models.JSONField(
        default=list,
        blank=True,
        help_text="Every date expression of the text as extraction found it: start and end "
        'offsets, text, TIMEX3 value, resolution and mod (extract --json\'s "dates").',
    )
    imported_at = models.DateTimeField(auto_now_add=True)
    extracted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-imported_at", "-id"]
        indexes = [models.Index(fields=["file_name"], name="article_file_name_idx")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(body_end__gte=models.F("body_start")),
                name="article_body_span_ordered",
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(published_precision="unknown", published_date__isnull=True)
                    | (
                        ~models.Q(published_precision="unknown")
                        & models.Q(published_date__isnull=False)
                    )
                ),
                name="article_published_date_matches_precision",
            ),
        ]

    def __str__(self) -> str:
        return self.title or self.file_name

    def get_absolute_url(self) -> str:
        return reverse("article_detail", args=[self.pk])

    def clean(self) -> None:
        if self.body_end < self.body_start:
            raise ValidationError("The body cannot end before it starts.")
        if (self.published_precision == Precision.UNKNOWN) != (self.published_date is None):
            raise ValidationError(
                "A publication date needs a precision, and an unknown precision has no date."
            )

    @property
    def published(self) -> DateValue:
        """The publication date at its precision."""
        return DateValue.from_start(self.published_precision, self.published_date)

    @property
    def body(self) -> str:
        return self.raw_text[self.body_start : self.body_end]

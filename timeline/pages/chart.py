"""The events-per-year bar chart's geometry; chronology.html draws it as SVG."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from timeline.filter_kinds import Years
from timeline.filters import EventFilters

CHART_PLOT = 64
CHART_TOP = 14
CHART_BOTTOM = 18
CHART_SPAN = 640


@dataclass
class Bar:
    year: int
    count: int
    x: int
    y: int
    height: int
    center: float
    query: str
    href: str
    selected: bool
    labelled: bool
    label: str = field(init=False)
    count_y: int = field(init=False)  # where the count is written, just above the bar

    def __post_init__(self) -> None:
        self.label = f"{self.year}: {self.count} event{'' if self.count == 1 else 's'}"
        self.count_y = self.y - 3


@dataclass
class YearChart:
    bars: list[Bar]
    width: int
    height: int
    bar_width: int
    baseline: int
    plot_top: int
    plot_height: int
    show_counts: bool
    undated: int
    total: int

    @property
    def label_y(self) -> int:
        return self.height - 4


def year_chart(
    counts: Sequence[tuple[int | None, int]], filters: EventFilters, *, path: str = ""
) -> YearChart | None:
    """Bars for every year from the first to the last event (empty years stay visible); each
    links to `path` filtered to its year."""
    by_year = {year: n for year, n in counts if year is not None}
    if not by_year:
        return None
    years = range(min(by_year), max(by_year) + 1)
    pitch = max(8, min(28, CHART_SPAN // len(years)))
    bar_width = max(6, pitch - 4)
    step = 1 if len(years) <= 15 else 5 if len(years) <= 60 else 10 if len(years) <= 150 else 50
    tallest = max(by_year.values())
    first, last = filters.first_year, filters.last_year
    bars = []
    for i, year in enumerate(years):
        n = by_year.get(year, 0)
        height = round(CHART_PLOT * n / tallest) if n else 0
        query = filters.query(years=Years(year=year), page=1, format="")
        bars.append(
            Bar(
                year=year,
                count=n,
                x=2 + i * pitch,
                y=CHART_TOP + CHART_PLOT - height,
                height=height,
                center=2 + i * pitch + bar_width / 2,
                query=query,
                href=f"{path}?{query}",
                selected=(first is not None or last is not None)
                and (first or year) <= year <= (last or year),
                labelled=year % step == 0 or len(years) == 1,
            )
        )
    return YearChart(
        bars=bars,
        width=4 + len(years) * pitch,
        bar_width=bar_width,
        height=CHART_TOP + CHART_PLOT + CHART_BOTTOM,
        baseline=CHART_TOP + CHART_PLOT,
        plot_top=CHART_TOP,
        plot_height=CHART_PLOT,
        show_counts=pitch >= 18,
        undated=sum(n for year, n in counts if year is None),
        total=sum(n for _, n in counts),
    )

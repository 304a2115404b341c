"""What the tests of the public pages share: reading a response, and a cast of events."""

import datetime as dt
import re

from tests.factories import make_actor, make_event

HTMX = {"HTTP_HX_REQUEST": "true"}


def text_of(response) -> str:
    return response.content.decode()


def event_ids(html: str) -> list[int]:
    """Events on a page, in the order shown."""
    return [int(n) for n in re.findall(r'id="summary-(\d+)"', html)]


def make_cast() -> dict:
    """Two presidents, a foreign minister, and events between them."""
    aliyev = make_actor("Ilham Aliyev", aliases=["Aliyev"])
    putin = make_actor("Vladimir Putin")
    lavrov = make_actor("Sergey Lavrov")
    events = {
        "sochi": make_event(
            summary="Aliyev and Putin meet in Sochi",
            date=dt.date(2021, 11, 26),
            kind="meeting",
            place="Sochi",
            participants=[aliyev, putin],
        ),
        "call": make_event(
            summary="Aliyev and Putin discuss gas by phone",
            date=dt.date(2021, 5, 1),
            precision="month",
            kind="call",
            participants=[aliyev, putin],
        ),
        "visit": make_event(
            summary="Lavrov visits Baku",
            date=dt.date(2019, 3, 2),
            kind="visit",
            place="Baku",
            participants=[lavrov, aliyev],
        ),
        "declaration": make_event(
            summary="Declaration on Allied Interaction signed",
            date=dt.date(2022, 1, 1),
            precision="year",
            kind="agreement",
            participants=[aliyev, putin],
            mentioned=[lavrov],
            needs_review=True,
            date_derivation="'last year' relative to the article's date",
        ),
        "undated": make_event(
            summary="Aliyev recalls an earlier visit",
            date=None,
            precision="unknown",
            participants=[aliyev],
        ),
    }
    return {"aliyev": aliyev, "putin": putin, "lavrov": lavrov, **events}

"""Where the article is inside a raw scrape: title, header, body, and the boilerplate around it.

Scrapes carry site chrome: repeated titles, "Rate it", share strings, view
counters, interface lines in another script, and "Latest news" / "Read also"
lists of other stories with their own timestamps. Only the body may yield
events, dates or participants; everything else is kept as boilerplate spans so
pages can show it set apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from articles.extraction.dateline import crawler_line_end, lead_dateline, looks_like_dateline
from articles.extraction.text import sentences, stems

# Lines that end the article body: lists of other stories, comment boxes, subscription prompts.
_END_MARKERS = re.compile(
    r"""^(?:
        latest\s+news|read\s+(?:also|more)|also\s+read|all\s+news|top\s+(?:stories|news)
      | more\s+(?:news|stories)(?:\s+from\s+.*)?|related(?:\s+(?:news|stories|articles|content))?
      | most\s+(?:read|popular|viewed)|popular(?:\s+news)?|see\s+also|recommended(?:\s+for\s+you)?
      | news\s+feed|other\s+news|you\s+may\s+also\s+like|trending(?:\s+now)?
      | add\s+(?:a\s+)?comment|comments?(?:\s*\(\d+\))?|leave\s+a\s+(?:comment|reply)
      | subscribe\b.*|follow\s+us\b.*|join\s+us\s+on\b.*|sign\s+up\b.*
      | tags?\s*:.*|share(?:\s+this(?:\s+article)?)?\s*:?|print\s*:?
      | \d[\d\s,.]*\s*(?:views?|reads?|comments?)
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
# Interface strings that may stand anywhere and are never article text.
_UI_LINE = re.compile(
    r"""^(?:
        rate\s+it|share|print(?:\s+version)?|send|copy\s+link|advertisement|ad|photo|video
      | \(?(?:video|photo|updated|exclusive|live)(?:\s*,\s*(?:video|photo|updated))*\)?
      | [*\s]+|[-–—_=\s]+|\d[\d\s,.]*\s*(?:views?|reads?|comments?)
      | (?:facebook|twitter|telegram|whatsapp|vk|linkedin|email)(?:\s*[|/,]\s*\w+)*
      | accessibility\s+links|skip\s+to\s+(?:main\s+)?(?:content|navigation|search)
      | (?:[^\W\d_]+\s+){0,3}read\s+more|последнее\s+обновление.*|[a-z0-9]+(?:_[a-z0-9]+){2,}
      | \(?\d+\s+(?:минут[уы]?|час(?:а|ов)?|секунд[уы]?|minutes?|hours?|seconds?|dəqiqə|saat)
        \s+(?:назад|ago|əvvəl)\)?
      | [a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:az|ru|com|net|org|info|news)
      | (?:main\s+)?(?:menu|navigation)|breaking\s+news|search|home|log\s*in|sign\s+in
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_SENTENCE_END = re.compile(r"""[.!?…]["'”’»)]*\s*$""")
_INNER_SENTENCE_END = re.compile(r"""[a-z0-9,;)"'”’][.!?]["'”’»]?\s+["'“‘«]?[A-Z]""")


@dataclass(frozen=True)
class Block:
    """A paragraph: lines between blank lines, with its span in the raw text."""

    start: int
    end: int
    text: str

    @property
    def words(self) -> int:
        """How many words the paragraph has."""
        return len(_WORD.findall(self.text))

    def lines(self) -> tuple[Block, ...]:
        """The paragraph's non-blank lines, stripped, with their own offsets."""
        return self._lines

    @cached_property
    def _lines(self) -> tuple[Block, ...]:  # read once: layout rules ask again and again
        out = []
        offset = self.start
        for line in self.text.split("\n"):
            stripped = line.strip()
            if stripped:
                start = offset + line.index(stripped[0])
                out.append(Block(start, start + len(stripped), stripped))
            offset += len(line) + 1
        return tuple(out)


@dataclass
class Layout:
    """Where the title, header, body and boilerplate of a raw article text are."""

    title: str
    title_start: int
    title_end: int
    body_start: int
    body_end: int
    header: list[Block] = field(default_factory=list)
    body: list[Block] = field(default_factory=list)
    boilerplate: list[tuple[int, int]] = field(default_factory=list)
    # Where the lead's own words begin after a "CITY, date (Agency) -" opening (0: no such).
    lead_start: int = 0


_BLOCK = re.compile(r"\S(?:.*\S)?(?:\n[ \t\u00a0]*\S.*)*")


def blocks(text: str, start: int = 0) -> list[Block]:
    """Paragraphs (from ``start`` on) with the exact offsets of their stripped text."""
    out = []
    for match in _BLOCK.finditer(text, start):
        raw = match.group(0)
        start = match.start()
        end = start + len(raw.rstrip())
        out.append(Block(start, end, raw.rstrip()))
    return out


# Bytes that are no ASCII letter; Cyrillic letters (U+0400-U+04FF) begin with these in UTF-8.
_NOT_LATIN = bytes(b for b in range(256) if not (65 <= b <= 90 or 97 <= b <= 122))
_CYRILLIC_LEADS = (b"\xd0", b"\xd1", b"\xd2", b"\xd3")


def _script_counts(text: str) -> tuple[int, int]:
    """How many Latin (ASCII) and Cyrillic letters a text has, counted in its UTF-8 bytes
    (no other character's bytes look like either)."""
    raw = text.encode("utf-8", "surrogatepass")
    return len(raw.translate(None, _NOT_LATIN)), sum(map(raw.count, _CYRILLIC_LEADS))


def _is_foreign_script(line: str, latin_article: bool) -> bool:
    if not latin_article or not _CYRILLIC.search(line):
        return False
    latin, cyrillic = _script_counts(line)
    return cyrillic >= latin


def is_ui_line(line: str, latin_article: bool = True) -> bool:
    """Whether a line is site interface (share, views, "Read also"), never article text."""
    stripped = line.strip()
    return bool(
        _UI_LINE.match(stripped)
        or _END_MARKERS.match(stripped)
        or _is_foreign_script(stripped, latin_article)
    )


def _is_prose(block: Block) -> bool:
    text = " ".join(block.text.split())
    if block.words < 8:
        return False
    lower = sum(1 for w in _WORD.findall(text) if w[0].islower())
    if lower < 3:
        return False
    return bool(_SENTENCE_END.search(text) or _INNER_SENTENCE_END.search(text))


_TITLE_TAGS = re.compile(
    r"\s*[(\[](?:video|photo|photos|updated|exclusive|live|infographics?|interview)"
    r"(?:\s*[,/]\s*(?:video|photo|photos|updated|exclusive|live|infographics?|interview))*"
    r"[)\]]\s*$|\s+(?:VIDEO|PHOTOS?|UPDATED)$",
    re.IGNORECASE,
)


def _clean_title(line: str) -> str:
    title = _TITLE_TAGS.sub("", " ".join(line.split()))
    for sep in (" / ", " | ", " :: "):
        if sep in title:
            parts = [p.strip() for p in title.split(sep) if p.strip()]
            title = (
                max(parts[:1] + [p for p in parts[1:] if len(p) > 40], key=len) if parts else title
            )
    return title.strip()


# A line the lead may not continue after a date line: it would be one sentence wrapped.
_RUNS_ON = re.compile(r"(?:[,;:]|\b(?:on|of|in|since|by|from|until|till|to|and|dated))\s*$", re.I)
_STARTS_SENTENCE = re.compile(r"""["'“‘«(]?[A-ZА-ЯЁ0-9]""")
# A line that reads as (the end of) a sentence, not a date line: "... met in Baku on 5 May."
_SENTENCE_LIKE = re.compile(r"(?:[^\W\d_]{2}[.!?]|,)[\"'”’»)]*$")
_TIME_LINE = re.compile(r"[|\s]*\d{1,2}:\d\d(?::\d\d)?[|\s]*")


# A headline is one line of a few words; a line of forty words, or a long one of two
# sentences, is the lead.
_TITLE_MAX_WORDS = 35
_TITLE_MAX_WORDS_TWO_SENTENCES = 15


def _headline_shaped(line: str) -> bool:
    words = len(_WORD.findall(line))
    if words > _TITLE_MAX_WORDS:
        return False
    return words <= _TITLE_MAX_WORDS_TWO_SENTENCES or not _INNER_SENTENCE_END.search(line)


def _headline_like(line: str) -> bool:
    """A short line that does not end as a sentence: what a headline looks like."""
    return len(_WORD.findall(line)) <= 20 and not re.search(r"[.:]\s*$", line)


def _title_lines(blocks: list[Block], latin_article: bool) -> list[Block]:
    return [
        line
        for block in blocks
        for line in block.lines()
        if not (is_ui_line(line.text, latin_article) or looks_like_dateline(line.text))
        and len(_WORD.findall(line.text)) >= 2
        and _headline_shaped(line.text)
    ]


def _article_start(text: str) -> int:
    """Where the article starts: after a crawler's " date YYYY-MM-DD" line at the top, and
    after the site name or counter the crawler printed on that line."""
    start = crawler_line_end(text)
    if start:
        line_end = text.find("\n", start)
        line_end = len(text) if line_end < 0 else line_end
        if len(_WORD.findall(text[start:line_end])) <= 3:
            start = line_end
    return start


# How far down a paragraph a date line may end the header: a page scraped one line per
# paragraph gives the title, a pull quote, the section and the agency before its date line.
_DATE_LINE_WITHIN = 6


def _split_date_line(text: str, block: Block) -> list[Block] | None:
    """A title, a date line and the lead in one paragraph (no blank line between them): the
    lines up to the date line are header, the rest a paragraph of its own (None: no date
    line among the paragraph's first lines)."""
    lines = block.lines()
    for k, line in enumerate(lines[:_DATE_LINE_WITHIN]):
        lead = lead_dateline(line.text, 0, len(line.text))
        if k and lead and len(_WORD.findall(line.text[lead[1] :])) >= 2:
            # "Baku/12/23/23/Agency: On December 22, ..." under the title, no blank line
            # between: the lead begins there, the lines above are header.
            head = Block(block.start, lines[k - 1].end, text[block.start : lines[k - 1].end])
            return [head, Block(line.start, block.end, text[line.start : block.end])]
        if not looks_like_dateline(line.text) or _SENTENCE_LIKE.search(line.text):
            continue
        if lead and len(_WORD.findall(line.text[lead[1] :])) >= 2:
            continue  # "BAKU, 5 May (Agency) - The ministers met": the lead itself
        if k and _RUNS_ON.search(lines[k - 1].text):
            continue
        if k + 1 < len(lines) and not _STARTS_SENTENCE.match(lines[k + 1].text):
            continue
        while k + 1 < len(lines) and _TIME_LINE.fullmatch(lines[k + 1].text):
            k += 1  # "13:28" under the date belongs with it
        head = Block(block.start, lines[k].end, text[block.start : lines[k].end])
        if k + 1 == len(lines):
            return [head]
        rest = lines[k + 1]
        return [head, Block(rest.start, block.end, text[rest.start : block.end])]
    return None


def analyse(text: str) -> Layout:
    """Find title, body span and boilerplate of a raw article text."""
    original = blocks(text, _article_start(text))
    all_blocks = list(original)
    latin, cyrillic = _script_counts(text)
    latin_article = latin >= cyrillic
    if not all_blocks:
        return Layout("", 0, 0, 0, 0)

    # The body starts at the first paragraph of prose; a date line ends the header even
    # inside a paragraph.
    first_prose = None
    for i, b in enumerate(all_blocks):
        parts = _split_date_line(text, b)
        if parts:
            all_blocks[i : i + 1] = parts
        elif _is_prose(b) and not is_ui_line(b.text, latin_article):
            first_prose = i
            break
    if first_prose is None:
        all_blocks, first_prose = original, 0
    header = all_blocks[:first_prose]

    # Title: the first header line that is neither interface nor a dateline; the last one when
    # a list of other stories ("Latest news") was scraped above the article.
    candidates = _title_lines(header, latin_article) or _title_lines(original[:1], latin_article)
    sidebar_above = any(
        _END_MARKERS.match(line.text.strip()) for block in header for line in block.lines()
    )
    title, title_start, title_end = "", 0, 0
    if candidates:
        # A short line that shares few words with the lead is a site or section name ("Country
        # Listing", "Night mode") over the headline, which shares more.
        ordered = candidates[::-1] if sidebar_above else candidates
        lead = stems(all_blocks[first_prose].text) if first_prose < len(all_blocks) else set()
        shared = [len(stems(c.text) & lead) if _headline_like(c.text) else 0 for c in ordered]
        best = max(range(len(ordered)), key=shared.__getitem__)
        default_shared = len(stems(ordered[0].text) & lead)
        site_name = len(_WORD.findall(ordered[0].text)) <= 4
        chosen = ordered[best] if site_name and shared[best] >= default_shared + 2 else ordered[0]
        title, title_start, title_end = _clean_title(chosen.text), chosen.start, chosen.end

    # The body ends before the first end marker (or trailing interface lines). Each line is
    # judged once: the steps below ask again for the same ones.
    ui_lines: dict[tuple[int, int], list[bool]] = {}

    def ui(block: Block) -> list[bool]:
        key = (block.start, block.end)
        if key not in ui_lines:
            ui_lines[key] = [is_ui_line(ln.text, latin_article) for ln in block.lines()]
        return ui_lines[key]

    body: list[Block] = []
    for block in all_blocks[first_prose:]:
        lines = block.lines()
        marker_at = next(
            (j for j, line in enumerate(lines) if _END_MARKERS.match(line.text.strip())), None
        )
        if marker_at is not None:
            before = [ln for ln in lines[:marker_at] if not is_ui_line(ln.text, latin_article)]
            if before:
                body.append(
                    Block(before[0].start, before[-1].end, text[before[0].start : before[-1].end])
                )
            break
        body.append(block)
    while body and all(ui(body[-1])):
        body.pop()
    body = [b for b in body if not all(ui(b))]
    if not body:
        return Layout(
            title,
            title_start,
            title_end,
            0,
            0,
            header=header,
            boilerplate=[(0, len(text))] if text else [],
        )
    body_start, body_end = body[0].start, body[-1].end
    # A "CITY, date (Agency) -" that runs into the lead's first sentence is cut from it (one
    # that ends in a full stop is a sentence of its own already).
    lead = lead_dateline(text, body_start, body[0].end)
    if lead and sentences(text, [(body_start, body[0].end)])[0][1] <= lead[1]:
        lead = None

    boilerplate = []
    if body_start > 0:
        boilerplate.append((0, body_start))
    for block in body:
        for line, is_ui in zip(block.lines(), ui(block), strict=True):
            if is_ui:
                boilerplate.append((line.start, line.end))
    if body_end < len(text) and text[body_end:].strip():
        boilerplate.append((body_end, len(text)))
    return Layout(
        title,
        title_start,
        title_end,
        body_start,
        body_end,
        header=header,
        body=body,
        boilerplate=boilerplate,
        lead_start=lead[1] if lead else 0,
    )


def body_spans(text: str, layout: Layout) -> list[tuple[int, int]]:
    """Body paragraphs minus interface lines inside them, consecutive lines joined."""
    inside = [
        (s, e) for s, e in layout.boilerplate if s >= layout.body_start and e <= layout.body_end
    ]
    spans = []
    for block in layout.body:
        for line in block.lines():
            if any(s <= line.start and line.end <= e for s, e in inside):
                continue
            if line.start < layout.lead_start < line.end:
                # "BAKU, 5 May (Agency) -": the dateline dates the article, not the sentence.
                line = Block(layout.lead_start, line.end, text[layout.lead_start : line.end])
            if (
                spans
                and text[spans[-1][1] : line.start].count("\n") <= 1
                and spans[-1][1] >= block.start
            ):
                spans[-1] = (spans[-1][0], line.end)
            else:
                spans.append((line.start, line.end))
    return spans

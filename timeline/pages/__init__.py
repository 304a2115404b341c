"""What the public pages show, worked out in plain Python for their templates.

`pagination` (pages of events), `cards` (an event as the chronology lists it, under date
headings), `chart` (the events-per-year chart's geometry), `actor_filter` (which actors the
filter form offers), `article_text` (an article's text cut into pieces at its passages).
"""

"""One colour per stop (and per trip), the same on the map, the timeline and the cards.

Okabe & Ito's palette ("Color Universal Design", 2008) stays distinguishable with the common
colour-vision deficiencies. Black is left out (invisible on the dark theme) and yellow comes
last (faint on the light theme); when a trip has more stops than colours they repeat, and the
stop's order number, shown beside it everywhere, tells them apart.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

OKABE_ITO = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#D55E00",  # vermillion
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#F0E442",  # yellow
)
NEUTRAL = "#8C8C8C"


def palette_color(n: int) -> str:
    return OKABE_ITO[n % len(OKABE_ITO)]


def stop_colors(itinerary: pd.DataFrame) -> dict[str, str]:
    """stop_id -> hex colour by travel order within its trip.

    Pass the unfiltered itinerary so a stop keeps its colour when filters hide others.
    """
    return {
        str(stop_id): palette_color(int(index))
        for stop_id, index in zip(itinerary["stop_id"], itinerary["stop_index"], strict=True)
    }


def trip_colors(trip_ids: Iterable[str]) -> dict[str, str]:
    """trip_id -> hex colour, in the order given (the trips table's order)."""
    return {str(trip_id): palette_color(n) for n, trip_id in enumerate(dict.fromkeys(trip_ids))}


def hex_to_rgb(color: str, alpha: int | None = None) -> list[int]:
    """"#0072B2" -> [0, 114, 178] (plus alpha when given), the form pydeck wants."""
    value = color.lstrip("#")
    if len(value) != 6:
        raise ValueError(f"not a #RRGGBB colour: {color!r}")
    rgb = [int(value[i:i + 2], 16) for i in (0, 2, 4)]
    return [*rgb, alpha] if alpha is not None else rgb


def text_color_on(color: str) -> str:
    """Black or white, whichever reads better on `color` (WCAG relative luminance)."""
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in hex_to_rgb(color))
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return "#000000" if luminance > 0.179 else "#FFFFFF"

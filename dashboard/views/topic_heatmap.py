"""The Topics page's heatmap: a `TopicMatrix` (see `topic_matrix.py`) as a plotly figure,
topics down, stops across in travel order, counts in the cells, grouped by trip.

Split from `topic_matrix.py`, which builds the counts as tables; this module only draws them.
"""

from __future__ import annotations

import html

import plotly.graph_objects as go

from dashboard.views.topic_matrix import TopicMatrix

# A single-hue ramp (light -> dark blue) encodes the count in lightness only, so it reads the
# same with any colour-vision deficiency and in greyscale; the counts are also printed.
COLOR_SCALE = "Blues"
# The darkest blue is reached at this many sentences or more, so a matrix of ones stays a
# light tint instead of every cell shouting at full strength.
SATURATION_COUNT = 4


def topic_heatmap(matrix: TopicMatrix) -> go.Figure:
    """A heatmap of the matrix: topics down, stops across in travel order, counts in cells.

    Zero cells are left blank rather than coloured, so the eye goes to where topics arise.
    With several trips the columns are grouped under each trip's label. Hover
    gives the count and an example phrase. Every label is HTML-escaped: plotly renders a
    subset of HTML in labels and hover text, and these words come from articles.
    """
    counts = matrix.counts
    z = counts.where(counts > 0).to_numpy(dtype=float)
    text = counts.map(lambda n: str(n) if n else "").to_numpy()
    rows = [_plotly_text(matrix.labels.get(slug, slug)) for slug in counts.index]
    columns = [_plotly_text(label) for label in counts.columns]  # unique: the x values
    stops = [_plotly_text(label) for label in (matrix.column_stops or counts.columns)]
    trips = [_plotly_text(label) for label in matrix.column_trips] or [""] * len(stops)
    grouped = len(set(trips)) > 1
    where = [f"{t} · {s}" if grouped else s for t, s in zip(trips, stops, strict=True)]
    hover = [
        [
            f"<b>{topic}</b><br>{where[j]}<br>{n} sentence(s)"
            + (f"<br>e.g. “{_plotly_text(example)}”" if example else "")
            for j, (n, example) in enumerate(zip(count_row, example_row, strict=True))
        ]
        for topic, count_row, example_row in zip(
            rows, counts.to_numpy(), matrix.examples.to_numpy(), strict=True
        )
    ]
    top = int(counts.to_numpy().max(initial=0))
    figure = go.Figure(
        go.Heatmap(
            z=z,
            x=columns,
            y=rows,
            text=text,
            hovertext=hover,
            texttemplate="%{text}",
            textfont={"size": 15},
            colorscale=COLOR_SCALE,
            zmin=0,
            zmax=max(top, SATURATION_COUNT),
            xgap=2,
            ygap=2,
            hoverongaps=False,
            # each cell prints its count, so a colour bar would only repeat it
            showscale=False,
            hovertemplate="%{hovertext}<extra></extra>",
        )
    )
    tick_font = {"size": 14}
    figure.update_layout(
        height=max(260, 70 + 40 * len(rows) + (40 if grouped else 0)),
        margin={"l": 8, "r": 8, "t": 8, "b": 40 if grouped else 8},
        xaxis={
            "side": "top",
            "type": "category",
            # the values stay unique per column; the ticks show just the stop ("1 Colombia")
            "tickmode": "array",
            "tickvals": columns,
            "ticktext": stops,
            "automargin": True,
            "showgrid": False,
            "tickfont": tick_font,
        },
        yaxis={
            "autorange": "reversed",
            "type": "category",
            "automargin": True,
            "showgrid": False,
            "tickfont": tick_font,
        },
    )
    if grouped:
        _label_trip_groups(figure, trips)
    return figure


def _label_trip_groups(figure: go.Figure, trips: list[str]) -> None:
    """Name each trip under its run of columns and draw a line between trips.

    (Plotly's two-level "multicategory" axis misplaces heatmap cells, so the grouping is
    drawn with annotations and lines on a plain category axis.)
    """
    start = 0
    for n in range(1, len(trips) + 1):
        if n == len(trips) or trips[n] != trips[start]:
            figure.add_annotation(
                x=(start + n - 1) / 2,
                y=0,
                xref="x",
                yref="paper",
                yanchor="top",
                yshift=-6,
                text=f"<b>{trips[start]}</b>",
                showarrow=False,
                font={"size": 13},
            )
            if n < len(trips):
                figure.add_vline(x=n - 0.5, line_width=1, line_dash="dot", opacity=0.6)
            start = n


def _plotly_text(value: object) -> str:
    return html.escape(str(value), quote=False)

"""The yardstick of `scripts/bench_app.py`: a bare Streamlit page with the dashboard's
widgets (trip, country, topic, dates in the sidebar), a pydeck map and a plotly chart of the
seed's three stops, and nothing else. The dashboard's costs are reported as ratios to this
page measured in the same run, so a loaded machine moves both alike.

    streamlit run scripts/bench_bare_app.py
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import plotly.graph_objects as go
import pydeck as pdk
import streamlit as st

STOPS = pd.DataFrame({
    "country": ["Colombia", "Chile", "Peru"], "code": ["CO", "CL", "PE"],
    "city": ["Bogotá", "Santiago", "Lima"], "lat": [4.61, -33.46, -12.05],
    "lon": [-74.08, -70.65, -77.04],
    "start": pd.to_datetime(["2022-10-03", "2022-10-05", "2022-10-06"]),
    "end": pd.to_datetime(["2022-10-04", "2022-10-06", "2022-10-08"]),
})

st.set_page_config(page_title="Bare page", layout="wide")
sidebar = st.sidebar
sidebar.selectbox("Trip", ["All trips (1)", "Blinken in Latin America"])
countries = sidebar.multiselect("Country", list(STOPS["country"]), placeholder="All countries")
sidebar.multiselect("Topic", ["Democracy", "Migration", "Drug trafficking"],
                    placeholder="All topics")
sidebar.date_input("Dates", value=(date(2022, 10, 3), date(2022, 10, 7)))

stops = STOPS[STOPS["country"].isin(countries)] if countries else STOPS
st.header("Overview")
left, right = st.columns(2)
records = stops.assign(position=[[lon, lat] for lon, lat in zip(stops["lon"], stops["lat"],
                                                                 strict=True)])
records = records[["city", "position"]].to_dict("records")
left.pydeck_chart(pdk.Deck(
    layers=[pdk.Layer("ScatterplotLayer", data=records, id="stops", get_position="position",
                      get_radius=9, radius_units='"pixels"', get_fill_color=[0, 114, 178],
                      pickable=True)],
    initial_view_state=pdk.ViewState(latitude=-15, longitude=-72, zoom=2.5),
    map_provider=None, tooltip={"text": "{city}"},
), height=460)
figure = go.Figure(go.Bar(orientation="h", y=list(stops["city"]), base=list(stops["start"]),
                          x=[(e - s) / pd.Timedelta(milliseconds=1)
                             for s, e in zip(stops["start"], stops["end"], strict=True)]))
figure.update_xaxes(type="date")
right.plotly_chart(figure)

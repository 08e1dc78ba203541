"""A two-page Streamlit app that shows the share link, for test_share_link.py.

The dashboard's own pages call the same `share_link`; this app isolates it so the test can
serve it under a path prefix (as behind a reverse proxy) and check what the browser gets.
"""

import streamlit as st

from dashboard.components.share import share_link
from dashboard.filters import Selection


def _page(name: str) -> None:
    st.header(name)
    share_link(Selection(countries=tuple(st.query_params.get_all("country"))))


page = st.navigation([
    st.Page(lambda: _page("First page"), title="First", url_path="first", default=True),
    st.Page(lambda: _page("Second page"), title="Second", url_path="second"),
])
page.run()

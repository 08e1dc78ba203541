"""Streamlit UI helpers shared by the pages (thin: logic lives in plain modules)."""

"""Trip-timeline dashboard: articles -> extraction -> tables -> filters -> views."""

__version__ = "0.1.0"

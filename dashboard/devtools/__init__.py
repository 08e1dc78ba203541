"""Developer tools: helpers for the browser tests and the screenshot script, not used by the app."""

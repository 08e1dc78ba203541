"""The official travel record (U.S. Office of the Historian): read, check, group, download."""

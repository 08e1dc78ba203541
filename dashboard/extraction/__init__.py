"""Article text -> Trip. Implemented in the modules of this package."""

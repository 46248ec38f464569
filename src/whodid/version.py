"""whodid's version: one place that pyproject.toml (its dynamic version) and the code read, at the
bottom of the house so that stages and exports can name it without importing the package's top."""

__version__ = "0.1.0"

"""whodid serve: the REST API and web app over a whodid database (see app.py)."""

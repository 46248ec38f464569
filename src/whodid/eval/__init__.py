"""eval: scoring whodid against hand-annotated corpora (``whodid.eval.quotes``: PolNeAR)."""

"""Language identification with py3langid (offline, ships its own model).

whodid codes English; other languages are reported and skipped rather than run
through an English parser that would produce confident nonsense.
"""

from __future__ import annotations

from functools import lru_cache

# A thousand characters identify a language reliably and keep this step cheap
# next to parsing (about 0.5 ms an article).
SAMPLE_CHARS = 1000
MIN_CONFIDENCE = 0.9


@lru_cache(maxsize=1)
def _identifier():
    from py3langid import langid

    return langid.LanguageIdentifier.from_modelpath(langid.MODEL_DIR / langid.MODEL_FILE, norm_probs=True)


def detect(text: str) -> tuple[str | None, float]:
    """Return ``(ISO 639-1 code, probability)``; the code is None when unsure."""
    lang, prob = _identifier().classify(text[:SAMPLE_CHARS])
    prob = float(prob)
    return (lang if prob >= MIN_CONFIDENCE else None), prob

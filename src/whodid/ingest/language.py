"""Language identification with py3langid (offline, ships its own model).

whodid codes English; other languages are reported and skipped rather than run
through an English parser that would produce confident nonsense.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

# A thousand characters identify a language reliably and keep this step cheap
# next to parsing (about 0.5 ms an article).
SAMPLE_CHARS = 1000
MIN_CONFIDENCE = 0.9


@lru_cache(maxsize=1)
def _identifier():
    from py3langid import langid

    return langid.LanguageIdentifier.from_modelpath(langid.MODEL_DIR / langid.MODEL_FILE, norm_probs=True)


# English is written in Latin letters: text whose letters are mostly of another
# script (Arabic, Chinese, Cyrillic...) is never English, however unsure the
# identifier is; its confidence is lowest exactly on those scripts.
MIN_LATIN_SHARE = 0.5


def detect(text: str) -> tuple[str | None, float]:
    """Return ``(ISO 639-1 code, probability)``; the code is None when unsure."""
    sample = text[:SAMPLE_CHARS]
    identifier = _identifier()
    lang, prob = identifier.classify(sample)
    prob = float(prob)
    if latin_share(sample) < MIN_LATIN_SHARE:
        if lang == "en" or prob < MIN_CONFIDENCE:
            # the most likely language other than English, whatever its probability
            lang, prob = next((code, float(p)) for code, p in identifier.rank(sample) if code != "en")
        return lang, prob
    return (lang if prob >= MIN_CONFIDENCE else None), prob


def latin_share(sample: str) -> float:
    """Share of the letters in ``sample`` that are Latin (1.0 when it has no letters)."""
    letters = [ch for ch in sample if ch.isalpha()]
    if not letters:
        return 1.0
    latin = sum(1 for ch in letters if ch < "\u0250" or unicodedata.name(ch, "").startswith("LATIN"))
    return latin / len(letters)

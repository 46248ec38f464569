"""Near-miss names against transliteration variants.

The actors stage flags a name that is close to, but not the same as, a known
person's ("Manuel Macron" for Emmanuel Macron) as ``name_mismatch``. Names
transliterated from Cyrillic, Georgian, Arabic and other scripts have several
accepted spellings ("Sergei"/"Sergey" Lavrov, "Zourabichvili"/"Zurabishvili"):
such a difference is no error for an editor to fix. Only people of countries
that write in a non-Latin script are given this latitude ("Rishi Sounak" stays
a misspelling). This module turns those
into an info check ``name_variant``; a real misspelling ("Puttin",
"Stoltenburg") stays a warning.
"""

from __future__ import annotations

import re
import unicodedata

from whodid.model import Analysis, Check

# spelling conventions of romanisation systems (English, French, German, scholarly), applied in order
_VARIANTS = [
    ("sch", "sh"), ("tch", "ch"), ("ch", "sh"), ("kh", "h"), ("gh", "g"), ("zh", "j"), ("dj", "j"),
    ("ou", "u"), ("oo", "u"), ("iy", "i"), ("yi", "i"), ("ii", "i"), ("y", "i"), ("w", "v"), ("ph", "f"),
    ("tz", "ts"), ("q", "k"), ("'", ""), ("’", ""), ("-", " "),
]


def romanisation_key(name: str) -> str:
    """A spelling that two romanisations of one name share ("Sergei" and "Sergey" -> "sergei")."""
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    s = re.sub(r"\s+", " ", s).strip()
    for a, b in _VARIANTS:
        s = s.replace(a, b)
    return s


# countries whose names are written in a non-Latin script (Cyrillic, Georgian, Armenian, Greek, Hebrew,
# Arabic, Persian, Indic, Ethiopic, East and Southeast Asian): only their people's names are transliterated
NON_LATIN = set("""RUS UKR BLR KAZ KGZ TJK UZB MNG SRB BGR MKD MNE GEO ARM GRC CYP ISR EGY SAU ARE QAT KWT BHR OMN
YEM IRQ SYR JOR LBN PSE LBY SDN IRN AFG PAK IND BGD NPL LKA MMR THA KHM LAO ETH ERI CHN TWN HKG JPN KOR PRK
DZA MAR TUN MRT""".split())


def _same_words(a: str, b: str) -> bool:
    """Word by word equal after romanisation, allowing a missing first name on one side and words
    written together or apart ("Amir-Abdollahian", "Amirabdollahian")."""
    wa, wb = romanisation_key(a).split(), romanisation_key(b).split()
    if "".join(wa) == "".join(wb):
        return bool(wa)
    if len(wa) != len(wb):
        n = min(len(wa), len(wb))
        wa, wb = wa[-n:], wb[-n:]
    return bool(wa) and wa == wb


def relabel_variants(analysis: Analysis) -> None:
    """Turn ``name_mismatch`` checks whose name is a transliteration variant into info checks."""
    known = {(m.start, m.end): a for a in analysis.actors for m in a.mentions}
    for i, c in enumerate(analysis.checks):
        if c.kind != "name_mismatch" or c.start is None or c.end is None:
            continue
        actor = known.get((c.start, c.end))
        if actor is None:
            # the mention may have grown a title since ("US President Vladimir Puttin")
            actor = next((a for (s, e), a in known.items() if s <= c.start and c.end <= e), None)
        text = analysis.article.text[c.start:c.end]
        if actor is not None and actor.country in NON_LATIN and _same_words(text, actor.name):
            analysis.checks[i] = Check(
                kind="name_variant", severity="info", start=c.start, end=c.end,
                message=f"“{text}” is a transliteration variant of {actor.name}, the knowledge base's spelling")

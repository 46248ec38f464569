"""knowledge: what whodid knows before it reads an article, built once per process.

- ``kb``: the dated knowledge base (people and their roles, organisations,
  countries, demonyms, role nouns); ``user_kb``: the user's YAML/CSV/TSV files and
  PETRARCH actor dictionaries on top of it; ``titles``: office titles on names and
  what they say about dates;
- ``gazetteer``: GeoNames places;
- ``cues``: the verbs and nouns that attribute speech (``data/quotes/cues.yaml``);
- ``lexicon``: the event triggers (``data/events/lexicon.yaml`` plus user files);
- ``confidence``: the trained event-confidence model (``data/events/confidence.json``);
- ``party_model``: the events stage's trained party chooser (``data/events/party_model.json``).

Every stage is handed one ``Resources`` built from the user's options (``--kb``,
``--lexicon``, plugins), so a user's knowledge reaches every stage and the web app
alike. ``Resources`` pickles as its options: a worker process or Ray actor that
unpickles it builds the same knowledge once and reuses it.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path

from whodid.knowledge import confidence as _confidence
from whodid.knowledge import cues as _cues
from whodid.knowledge import gazetteer as _gazetteer
from whodid.knowledge import party_model as _party_model
from whodid.knowledge.kb import KnowledgeBase, load_kb
from whodid.knowledge.lexicon import Lexicon
from whodid.knowledge.user_kb import KBFormatError, extend_kb

__all__ = ["Resources", "KnowledgeBase", "KBFormatError", "Lexicon", "kept"]

_BUILT: dict[tuple[tuple[str, ...], tuple[str, ...]], Resources] = {}


# whether a ``kept(once=True)`` caller (a Pipeline's stages) has frozen the collector already
_FROZEN_ONCE = False


@contextmanager
def kept(freeze: bool = True, once: bool = False) -> Iterator[None]:
    """Build what the process keeps to its end (the knowledge, the stages) with the cyclic
    garbage collector off, then move every object the process holds to
    the collector's permanent generation (``gc.freeze``). The knowledge is about a million
    objects that are never freed: each full collection walked them all again, while they were
    built (half of a pipeline's construction) and then on every article (a tenth of the
    stages' time). Objects are still freed when no longer referenced; only cyclic garbage
    that already exists at that point is never collected, so a caller that builds again and
    again (a Pipeline's stages) freezes once in the process (``once``); ``freeze=False`` does not
    freeze at all."""
    global _FROZEN_ONCE
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
    if once:  # (a build that failed has not frozen: the next one does)
        freeze, _FROZEN_ONCE = freeze and not _FROZEN_ONCE, True
    if freeze:
        gc.freeze()


class Resources:
    """The knowledge base, gazetteer, quote cues and event lexicon for one set of options.

    ``kb_files`` extend the built-in knowledge base (YAML/CSV/TSV or PETRARCH actor
    dictionaries), ``lexicon_files`` the built-in event lexicon, in order; the
    plugins' sources (``whodid.plugins``) come first. A bad file raises
    ``KBFormatError`` or ``ValueError`` naming the file, line and problem.
    The gazetteer is opened on first use: only the places stage and the events
    conventions need it.
    """

    def __init__(self, kb: KnowledgeBase, lexicon: Lexicon, kb_files: Iterable[str] = (),
                 lexicon_files: Iterable[str] = ()) -> None:
        self.kb = kb
        self.lexicon = lexicon
        self.cues = _cues.load()
        self.kb_files = tuple(kb_files)
        self.lexicon_files = tuple(lexicon_files)

    @classmethod
    def build(cls, kb_files: Iterable[str | Path] = (), lexicon_files: Iterable[str | Path] = (),
              plugins: bool = True) -> Resources:
        """The Resources for these options, built on the first call in a process and reused after."""
        from whodid import plugins as plugin_hooks

        extra_kb, extra_lexicons = plugin_hooks.knowledge_files() if plugins else ((), ())
        key = (tuple(str(p) for p in (*extra_kb, *kb_files)), tuple(str(p) for p in (*extra_lexicons, *lexicon_files)))
        if key not in _BUILT:
            with kept():
                kb = load_kb()
                for path in key[0]:
                    kb = extend_kb(path, kb)
                _BUILT[key] = cls(kb, Lexicon.load(*key[1]), kb_files=key[0], lexicon_files=key[1])
        return _BUILT[key]

    @cached_property
    def gazetteer(self) -> _gazetteer.Gazetteer:
        return _gazetteer.load()

    @cached_property
    def event_confidence(self) -> _confidence.ConfidenceModel | None:
        """The event-confidence model (None when the package ships none)."""
        return _confidence.ConfidenceModel.load()

    @cached_property
    def party_model(self) -> _party_model.PartyModel | None:
        """The events stage's party chooser (None when the package ships none)."""
        return _party_model.PartyModel.load()

    def __reduce__(self):
        # the plugins' files are already in the key: rebuild without asking the plugins again
        return (_rebuild, (self.kb_files, self.lexicon_files))

    def __repr__(self) -> str:
        return f"Resources(kb_files={list(self.kb_files)}, lexicon_files={list(self.lexicon_files)})"


def _rebuild(kb_files: tuple[str, ...], lexicon_files: tuple[str, ...]) -> Resources:
    """Unpickling: the same knowledge, built once in this process."""
    return Resources.build(kb_files, lexicon_files, plugins=False)

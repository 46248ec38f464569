"""events: PLOVER/CAMEO event coding from the dependency parse, with modality,
the reporting speaker and evidence offsets.

    from whodid.events import EventsStage, Lexicon
"""

from whodid.events.lexicon import Lexicon
from whodid.events.stage import EventsStage

__all__ = ["EventsStage", "Lexicon"]

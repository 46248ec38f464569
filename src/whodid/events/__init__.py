"""events: PLOVER/CAMEO event coding from the dependency parse, with modality,
the reporting speaker and evidence offsets. The trigger lexicon it reads lives in
``whodid.knowledge.lexicon``.

    from whodid.events import EventsStage
"""

from whodid.events.stage import EventsStage

__all__ = ["EventsStage"]

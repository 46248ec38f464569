"""actors: a dated knowledge base and mention -> actor resolution.

    from whodid.actors import ActorsStage, load_kb, load_user_kb, import_petrarch

    stage = ActorsStage()                                   # built-in knowledge base
    stage = ActorsStage(kb=load_user_kb("extra.yaml"))      # plus a user file
    stage = ActorsStage(kb=import_petrarch("Phoenix.Countries.actors.txt"))
"""

from whodid.actors.extend import KBFormatError, import_petrarch, load_user_kb
from whodid.actors.kb import KnowledgeBase, code_for, load_kb, normalize_date
from whodid.actors.stage import ActorsStage, reference_date

__all__ = ["ActorsStage", "KnowledgeBase", "KBFormatError", "load_kb", "load_user_kb", "import_petrarch",
           "code_for", "normalize_date", "reference_date"]

"""actors: the actors stage, mention -> actor resolution at the article's date.

The knowledge base it reads (and the user files that extend it) lives in
``whodid.knowledge``; the stage is handed one ``Resources`` object.

    from whodid.actors import ActorsStage
    from whodid.knowledge import Resources

    stage = ActorsStage(Resources.build())                          # built-in knowledge base
    stage = ActorsStage(Resources.build(kb_files=["extra.yaml"]))   # plus a user file
"""

from whodid.actors.stage import ActorsStage, reference_date

__all__ = ["ActorsStage", "reference_date"]

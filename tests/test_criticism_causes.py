"""scripts/criticism_causes.py: the cause it gives a false event of the statement rules."""

import importlib.util
from pathlib import Path

from whodid.eval.news import Emitted, GoldArticle, GoldEvent, Party

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "criticism_causes.py"
spec = importlib.util.spec_from_file_location("criticism_causes", SCRIPT)
causes = importlib.util.module_from_spec(spec)
spec.loader.exec_module(causes)

TORIES, LABOUR, UNION = Party("the Tories", "GBROPP"), Party("Labour", "GBRGOV"), Party("Unison", "GBRLAB")


def _article(*events: GoldEvent) -> GoldArticle:
    return GoldArticle(corpus="bbc", id="x", text="A. " * 40, events=list(events))


def _ours(type_: str, actor: Party, recipient: Party, start: int = 5) -> Emitted:
    return Emitted(type=type_, start=start, sentence=(0, 20), actor=[actor], recipient=[recipient])


def test_no_gold_event_in_the_sentence():
    article = _article(GoldEvent("ACCUSE", [(30, 40)], [TORIES], [LABOUR]))
    o = _ours("ACCUSE", TORIES, LABOUR)
    assert causes.cause(article, [o], o) == "no gold event in its sentence"


def test_the_gold_coded_another_type():
    article = _article(GoldEvent("REJECT", [(0, 20)], [TORIES], [LABOUR]))
    o = _ours("ACCUSE", TORIES, LABOUR)
    assert causes.cause(article, [o], o) == "the gold coded another type"


def test_a_duplicate_and_another_actor():
    article = _article(GoldEvent("ACCUSE", [(0, 20)], [TORIES], [LABOUR]))
    first, second = _ours("ACCUSE", TORIES, LABOUR, 3), _ours("ACCUSE", TORIES, LABOUR, 9)
    assert causes.cause(article, [first, second], second) == "duplicate of a matched gold event"
    # the scorer compares parties by country: a party of another country is another actor
    abroad = _ours("ACCUSE", Party("Paris", "FRAGOV"), LABOUR)
    assert causes.cause(article, [abroad], abroad) == "another actor"

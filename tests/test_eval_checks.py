"""The checks test set: it loads, its edits apply, and the checks meet the precision target on it."""

import pytest

from whodid.eval import checks as checks_eval
from whodid.model import Analysis, Article, Check, Offsets


def test_edits_apply_to_their_articles():
    items = checks_eval.load_items()
    clean = [i for i in items if i.base is None]
    edits = [i for i in items if i.base is not None]
    assert len(clean) >= 15 and len(edits) >= 30
    for e in edits:
        assert e.expect and all(e.text[s:t] for s, t in e.spans), e.id


def test_a_broken_edit_is_refused_with_its_name(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("articles:\n  - {id: a, published: '2022-01-01', text: 'Some text.'}\n"
                   "edits:\n  - {id: e1, base: a, replace: [[nothing, x]], expect: [name_mismatch]}\n")
    with pytest.raises(ValueError, match="edit e1: 'nothing' occurs 0 times"):
        checks_eval.load_items(bad)


def test_scoring_counts_span_overlap_and_clean_flags():
    items = [checks_eval.Item("c", "Head\nBody.", "2022-01-01", []),
             checks_eval.Item("e", "Head\nBody X.", "2022-01-01", ["name_mismatch"], "edit", "c", [(10, 11)])]
    a_clean = Analysis(Article(text=items[0].text), checks=[Check("date_mismatch", "m", "warning", 5, 9),
                                                            Check("published_inferred", "m", "info")])
    a_edit = Analysis(Article(text=items[1].text), checks=[Check("name_mismatch", "m", "warning", 0, 2,
                                                                 spans=[Offsets(10, 11)])])
    r = checks_eval.score_analyses(items, [a_clean, a_edit])
    assert r.tp["name_mismatch"] == 1 and r.fp["date_mismatch"] == 1 and not r.fn
    assert r.clean_flagged == ["c"]


def test_precision_per_kind_on_the_bundled_set():
    r = checks_eval.score()
    assert r.clean_flagged == []
    for kind in set(r.tp) | set(r.fp) | set(r.fn):
        assert r.tp[kind] > 0, (kind, "expected on the test set but never raised")
        assert r.tp[kind] / (r.tp[kind] + r.fp[kind]) >= 0.9, (kind, r.false)
    assert sum(r.tp.values()) / (sum(r.tp.values()) + sum(r.fn.values())) >= 0.8

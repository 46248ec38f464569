"""Toponym detection and resolution against LGL and TR-News (../shared/eval/geo), and the
places of events on world news (../shared/eval/news-events dev gold plus the packed tune gold).

    whodid eval geo [--corpus lgl|tr-news|news] [--limit N]

News (``news``): for each gold event that whodid codes an event for in one of the gold
event's sentences (of the same type when there is one), whether whodid's event place
agrees with the gold's ``place`` as ``whodid eval news`` compares places (both empty, or
one name contains the other word for word); the share right over those events, and
over those whose gold names a place. The held-aside gold is never read here.

Detection: gold toponym spans against whodid's place mentions, matched one to
one by character overlap; precision, recall, F1. Resolution, over the gold
toponyms that carry a GeoNames entry and were detected (as in Gritta et al.'s
"Pragmatic Guide to Geoparsing Evaluation"): the share whodid puts within 161 km
(100 miles) of the gold coordinates or resolves to the gold's own GeoNames id
(``accuracy_161km``), the same by coordinates alone (``accuracy_161km_points``),
and the share with the same GeoNames id. The id rule matters for countries:
whodid places a country at its mledoze/countries centre, the gold at GeoNames'
own point for it (the two are 235 km apart for the United States), and the same
entity is not a wrong answer. A detected toponym that whodid leaves without
coordinates counts as wrong.

Gold offsets that do not match their phrase (19 TR-News articles drift by a few
characters) are re-anchored to the nearest occurrence of the phrase within 50
characters, as the corpus README advises.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from whodid.eval import shared_eval

CORPORA = {"lgl": "lgl.xml", "tr-news": "TR-News.xml"}
SETS = (*CORPORA, "news")
NEWS_PARTS = (None, "shared", "tune")  # never the held-aside gold
KM = 161.0
ANCHOR_WINDOW = 50


@dataclass
class GoldToponym:
    start: int
    end: int
    geonames_id: int | None
    lat: float | None
    lon: float | None


@dataclass
class GoldArticle:
    id: str
    text: str
    published: str | None
    toponyms: list[GoldToponym]
    source: str | None = None  # the paper's domain: whodid learns a paper's home from its earlier articles


def load(path: Path, limit: int | None = None) -> list[GoldArticle]:
    articles = []
    for node in ET.parse(path).getroot().iter("article"):
        toponyms = []
        text = node.findtext("text") or ""
        for t in node.iter("toponym"):
            tag = t.find("gaztag")
            start, end = _anchor(text, int(t.findtext("start")), int(t.findtext("end")), t.findtext("phrase"))
            toponyms.append(GoldToponym(
                start, end,
                int(tag.get("geonameid")) if tag is not None and tag.get("geonameid") else None,
                float(tag.findtext("lat")) if tag is not None and tag.findtext("lat") else None,
                float(tag.findtext("lon")) if tag is not None and tag.findtext("lon") else None))
        dltime = (node.findtext("dltime") or "").strip()
        articles.append(GoldArticle(node.get("docid"), text,
                                    dltime[:10] or None, toponyms, (node.findtext("domain") or "").strip() or None))
        if limit and len(articles) >= limit:
            break
    return articles


def _anchor(text: str, start: int, end: int, phrase: str | None) -> tuple[int, int]:
    """The gold span, moved onto its phrase when the offsets drifted."""
    if not phrase or text[start:end] == phrase:
        return start, end
    lo = max(0, start - ANCHOR_WINDOW)
    hits = [lo + i for i in range(len(text[lo:start + ANCHOR_WINDOW + len(phrase)]))
            if text.startswith(phrase, lo + i)]
    if not hits:
        return start, end
    best = min(hits, key=lambda h: abs(h - start))
    return best, best + len(phrase)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def score(articles: list[GoldArticle], progress: Callable[[int, int], None] | None = None,
          misses: list[dict] | None = None, homes_first: bool = True) -> dict:
    """The figures; ``misses`` (when given) receives one record per missed, spurious or
    misplaced toponym, for reading the errors one by one. ``homes_first`` (the default): a first
    pass over the articles (texts and sources only, no gold) learns each paper's home from all its
    stories, as a batch import does, and the figures are the second pass's; without it no story
    uses a home."""
    from whodid.actors import ActorsStage
    from whodid.knowledge import Resources
    from whodid.model import Article
    from whodid.pipeline import Pipeline, checked, learn_homes
    from whodid.places import PlacesStage
    from whodid.places.source_home import SourceHomes

    def texts():
        return (Article(text=a.text, id=a.id, published=a.published, source=a.source) for a in articles)

    knowledge = Resources.build()
    homes = learn_homes((checked(a) for a in texts()), resources=knowledge) if homes_first else SourceHomes()
    analyses = Pipeline(stages=[ActorsStage(knowledge), PlacesStage(knowledge, homes=homes)]).analyze_many(texts())
    return score_analyses(articles, analyses, progress, misses)


def score_analyses(articles: list[GoldArticle], analyses, progress: Callable[[int, int], None] | None = None,
                   misses: list[dict] | None = None) -> dict:
    """The figures of whodid's ``analyses`` (one per gold article, in order)."""
    gold_n = pred_n = matched = resolvable = within = within_points = exact = 0
    for n, (gold, analysis) in enumerate(zip(articles, analyses), start=1):
        predicted = [(m.start, m.end, p) for p in analysis.places for m in p.mentions]
        gold_n += len(gold.toponyms)
        pred_n += len(predicted)
        used: set[int] = set()
        for g in gold.toponyms:
            hit = next((i for i, (s, e, _) in enumerate(predicted)
                        if i not in used and s < g.end and g.start < e), None)
            if hit is None:
                if misses is not None:
                    misses.append(_miss("undetected", gold, g.start, g.end, g))
                continue
            used.add(hit)
            matched += 1
            if g.lat is None:
                continue
            resolvable += 1
            place = predicted[hit][2]
            same_id = place.geonames_id is not None and place.geonames_id == g.geonames_id
            near = place.lat is not None and distance_km(g.lat, g.lon, place.lat, place.lon) <= KM
            within += near or same_id
            within_points += near
            exact += same_id
            if misses is not None and not (near or same_id):
                misses.append(_miss("misplaced", gold, g.start, g.end, g, place))
        if misses is not None:
            misses.extend(_miss("spurious", gold, s, e, None, p) for i, (s, e, p) in enumerate(predicted)
                          if i not in used and not any(s < g.end and g.start < e for g in gold.toponyms))
        if progress:
            progress(n, len(articles))
    precision, recall = matched / max(pred_n, 1), matched / max(gold_n, 1)
    return {
        "articles": len(articles), "gold_toponyms": gold_n, "predicted": pred_n, "detected": matched,
        "precision": precision, "recall": recall,
        "f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        "resolvable_detected": resolvable,
        "accuracy_161km": within / max(resolvable, 1), "accuracy_161km_points": within_points / max(resolvable, 1),
        "exact_id": exact / max(resolvable, 1),
    }


def _miss(kind: str, article: GoldArticle, start: int, end: int, gold: GoldToponym | None,
          place=None) -> dict:
    record = {"kind": kind, "article": article.id, "text": article.text[start:end], "start": start,
              "context": article.text[max(0, start - 80):end + 80].replace("\n", " ")}
    if gold is not None:
        record.update(gold_id=gold.geonames_id, gold_lat=gold.lat, gold_lon=gold.lon)
    if place is not None:
        record.update(ours=place.name, ours_id=place.geonames_id, ours_country=place.country,
                      ours_admin1=place.admin1, ours_lat=place.lat, ours_lon=place.lon, ours_feature=place.feature)
        if gold is not None and gold.lat is not None and place.lat is not None:
            record["km"] = round(distance_km(gold.lat, gold.lon, place.lat, place.lon))
    return record


def run(corpus: str, root: Path | None = None, limit: int | None = None,
        progress: Callable[[int, int], None] | None = None, misses: list[dict] | None = None,
        homes_first: bool = True, part: str | None = None) -> dict:
    if corpus == "news":
        return run_news(None, limit, progress, misses, part)
    path = (root or shared_eval("geo")) / CORPORA[corpus]
    if not path.exists():
        raise FileNotFoundError(f"{path}: no such gold file")
    return score(load(path, limit), progress, misses, homes_first)


def run_news(shared: Path | None = None, limit: int | None = None,
             progress: Callable[[int, int], None] | None = None, misses: list[dict] | None = None,
             part: str | None = None) -> dict:
    """Event places on the development news gold (shared dev plus packed tune, never held aside);
    ``part``: only one of them, "shared" or "tune" (read the cases of one, check a rule on the other)."""
    from whodid.eval import news

    if part not in NEWS_PARTS:
        raise ValueError(f"--part {part!r}: choose {' or '.join(p for p in NEWS_PARTS if p)}")
    try:
        articles = news.load_gold(news.gold_files(part, shared), news.shared_root(shared) / "corpora", limit)
    except news.GoldError as exc:
        raise FileNotFoundError(str(exc)) from None
    return score_news(articles, news.run_pipeline(articles), progress, misses)


def score_news(articles: list, analyses, progress: Callable[[int, int], None] | None = None,
               misses: list[dict] | None = None) -> dict:
    from whodid.eval import news

    events = coded = right = placed = placed_right = 0
    for n, (article, analysis) in enumerate(zip(articles, analyses), start=1):
        emitted = news.emitted_events(analysis)
        for gold in article.events:
            events += 1
            ours = [e for e in emitted if any(s <= e.start < end for s, end in gold.spans)]
            ours = [e for e in ours if e.type == gold.type] or ours
            if not ours:
                continue
            coded += 1
            ok = news.same_place(gold.place, ours[0].place)
            right += ok
            if misses is not None and not ok:
                start, end = gold.spans[0]
                misses.append({"kind": "event place", "article": article.id, "type": gold.type,
                               "gold": gold.place, "ours": ours[0].place, "trigger": ours[0].trigger,
                               "sentence": article.text[start:end].replace("\n", " ")})
            if gold.place:
                placed += 1
                placed_right += ok
        if progress:
            progress(n, len(articles))
    return {"articles": len(articles), "events": events, "coded": coded,
            "place_right": right / max(coded, 1), "gold_placed": placed,
            "gold_placed_right": placed_right / max(placed, 1)}


def format_miss(record: dict) -> str:
    """One line of ``--show``: a wrong event place, or a missed, spurious or misplaced toponym."""
    if record["kind"] == "event place":
        return (f"{record['article']}\t{record['type']}\tgold {record['gold']!s}\tours {record['ours']!s}\t"
                f"{record['trigger']}\t{record['sentence']}")
    km = f", {record['km']} km off" if "km" in record else ""
    ours = f"\tours {record['ours']} ({record.get('ours_country')}{km})" if "ours" in record else ""
    return f"{record['article']}\t{record['kind']}\t{record['text']}{ours}\t{record['context']}"


def format_report(results: dict[str, dict]) -> str:
    lines = [f"{'corpus':8} {'articles':>8} {'gold':>6} {'pred':>6} {'P':>6} {'R':>6} {'F1':>6} "
             f"{'n':>6} {'acc@161km':>10} {'(points)':>9} {'exact id':>9}"]
    for name, r in results.items():
        if name == "news":
            continue
        lines.append(f"{name:8} {r['articles']:8d} {r['gold_toponyms']:6d} {r['predicted']:6d} {r['precision']:6.3f} "
                     f"{r['recall']:6.3f} {r['f1']:6.3f} {r['resolvable_detected']:6d} {r['accuracy_161km']:10.3f} "
                     f"{r['accuracy_161km_points']:9.3f} {r['exact_id']:9.3f}")
    lines.append("P/R/F1: toponym detection (overlap, one to one); n: detected gold toponyms with a GeoNames "
                 "entry; acc@161km (within 161 km or the gold's GeoNames id), the same by coordinates alone "
                 "(points), and exact id, over n (target acc@161km >= 0.90, recall >= 0.85)")
    if "news" in results:
        r = results["news"]
        lines.append(f"news: {r['articles']} articles, {r['events']} gold events, {r['coded']} with a whodid event "
                     f"in their sentence: event place right {r['place_right']:.3f} (target >= 0.85); "
                     f"where the gold names a place ({r['gold_placed']}): {r['gold_placed_right']:.3f}")
    return "\n".join(lines)

import gzip
import json

from whodid import ingest
from whodid.ingest import Record, Rejected

ENGLISH = ("The foreign ministers of France and Germany met in Berlin on Tuesday to discuss "
           "sanctions, and said they would present a joint proposal to the European Union next week.")
GERMAN = ("Die Außenminister Frankreichs und Deutschlands trafen sich am Dienstag in Berlin, um über "
          "Sanktionen zu beraten, und kündigten einen gemeinsamen Vorschlag an die Europäische Union an.")


def read_all(*paths):
    return list(ingest.read([str(p) for p in paths]))


def test_plain_text_file(tmp_path):
    path = tmp_path / "talks.txt"
    path.write_text(ENGLISH, encoding="utf-8")
    (item,) = read_all(path)
    assert isinstance(item, Record)
    assert item.article.text == ENGLISH and item.article.id == "talks" and item.article.language == "en"
    assert item.origin == str(path)


def test_empty_binary_and_undecodable_files_are_rejected_by_name(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n")
    binary = tmp_path / "junk.txt"
    binary.write_bytes(bytes(range(256)) * 10)
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Ministers met in Bogotá on Friday to discuss the ceasefire.".encode("latin-1"))
    results = read_all(empty, binary, latin)
    assert all(isinstance(r, Rejected) for r in results)
    empty_r, binary_r, latin_r = results
    assert empty_r.origin == str(empty) and "empty" in empty_r.reason
    assert "binary" in binary_r.reason
    assert "not UTF-8" in latin_r.reason and "offset" in latin_r.reason


def test_missing_path_is_reported(tmp_path):
    (item,) = read_all(tmp_path / "nope.txt")
    assert isinstance(item, Rejected) and "no such file" in item.reason


def test_non_english_is_skipped_not_coded(tmp_path):
    path = tmp_path / "de.txt"
    path.write_text(GERMAN, encoding="utf-8")
    (item,) = read_all(path)
    assert isinstance(item, Rejected) and item.kind == "language" and "'de'" in item.reason


def test_jsonl_broken_line_reported_with_number_and_rest_goes_through(tmp_path):
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "a1", "text": ENGLISH, "title": "Talks", "published": "2022-03-01", "extra": 1}),
        '{"id": "a2", "text": "unterminated',
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "a4", "text": ""}),
        "",
        json.dumps({"id": "a6", "text": ENGLISH + " Officials confirmed it.", "published": "last Tuesday-ish"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = read_all(path)
    assert [type(i).__name__ for i in items] == ["Record", "Rejected", "Rejected", "Rejected", "Record"]
    first, broken, array, empty, bad_date = items
    assert first.article.id == "a1" and first.article.title == "Talks" and first.article.published == "2022-03-01"
    assert broken.origin == f"{path}:2" and "line 2 is not valid JSON" in broken.reason
    assert "line 3" in array.reason and "not an object" in array.reason
    assert "no non-empty 'text' or 'html'" in empty.reason
    # a bad date does not lose the article: it is dropped with a note that becomes a check
    assert bad_date.article.published is None
    assert bad_date.notes[0].kind == "bad_published_date" and "last Tuesday-ish" in bad_date.notes[0].message


def test_jsonl_gz_and_rfc2822_dates(tmp_path):
    path = tmp_path / "feed.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "r1", "text": ENGLISH, "published": "Fri, 02 Dec 2022 13:33:00 -0800"}) + "\n")
    (item,) = read_all(path)
    assert item.article.published == "2022-12-02T13:33:00-08:00"


HTML_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Ministers agree sanctions plan</title>
<meta name="author" content="Ana Ruiz"><meta property="article:published_time" content="2022-03-01T08:00:00Z">
</head><body><nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sport">Sport</a></nav>
<div class="cookie">We use cookies to improve your experience. Accept all cookies?</div>
<article><h1>Ministers agree sanctions plan</h1>
<p>The foreign ministers of France and Germany met in Berlin on Tuesday to discuss sanctions against
Russia, and said they would present a joint proposal to the European Union next week.</p>
<p>"We are united," the German foreign minister told reporters after the meeting, adding that the plan
would target banks and energy exports. Her French counterpart said the measures would take effect quickly.</p>
<p>Officials in Moscow dismissed the plan as hostile and warned of a response.</p></article>
<footer>Copyright 2022 Example News. All rights reserved.</footer></body></html>"""


def test_html_main_text_and_metadata(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(HTML_PAGE, encoding="utf-8")
    (item,) = read_all(path)
    article = item.article
    assert "foreign ministers of France and Germany" in article.text
    assert "cookies" not in article.text and "Copyright" not in article.text and "Sport" not in article.text
    assert article.title == "Ministers agree sanctions plan"
    assert article.byline == "Ana Ruiz"
    assert article.published.startswith("2022-03-01")


def test_broken_html_without_text_is_rejected(tmp_path):
    path = tmp_path / "broken.html"
    path.write_text("<html><body><div><nav>Home</nav><script>var x = 1;</script></div>", encoding="utf-8")
    (item,) = read_all(path)
    assert isinstance(item, Rejected) and "no extractable article text" in item.reason


def test_jsonl_html_field(tmp_path):
    path = tmp_path / "pages.jsonl"
    path.write_text(json.dumps({"id": "p1", "html": HTML_PAGE, "url": "https://example.org/p1"}) + "\n")
    (item,) = read_all(path)
    assert item.article.id == "p1" and item.article.url == "https://example.org/p1"
    assert item.article.title == "Ministers agree sanctions plan"


def test_folder_is_read_recursively_in_order_and_counted(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a.txt").write_text(ENGLISH)
    (tmp_path / "b" / "c.jsonl").write_text("\n".join(json.dumps({"text": ENGLISH + f" Item {i}."}) for i in range(3)))
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / ".hidden.txt").write_text(ENGLISH)
    items = read_all(tmp_path)
    assert [i.origin for i in items] == [str(tmp_path / "a.txt")] + [f"{tmp_path / 'b' / 'c.jsonl'}:{n}" for n in (1, 2, 3)]
    assert ingest.count([tmp_path]) == 4

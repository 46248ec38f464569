"""The reader's cutting of a text into marked pieces: nested and overlapping items."""

from whodid.web.markup import segments, speaker_colours


def analysis(text, actors=(), quotes=(), events=(), places=(), dates=()):
    return {"article": {"text": text}, "actors": list(actors), "quotes": list(quotes), "events": list(events),
            "places": list(places), "dates": list(dates)}


def test_nested_items_cut_the_text_without_losing_a_character():
    text = '“Putin will meet Macron in Paris,” Peskov said.'
    quote_end = text.index("”")
    a = analysis(
        text,
        actors=[{"id": "Q7747", "mentions": [{"start": 1, "end": 6}]},
                {"id": "Q1968948", "mentions": [{"start": text.index("Peskov"), "end": text.index("Peskov") + 6}]}],
        quotes=[{"start": 1, "end": quote_end, "speaker": "Q1968948"}],
        events=[{"trigger": {"start": text.index("meet"), "end": text.index("meet") + 4}}],
        places=[{"mentions": [{"start": text.index("Paris"), "end": text.index("Paris") + 5}]}],
    )
    pieces = segments(a)
    assert "".join(p.text for p in pieces) == text
    by_text = {p.text: p for p in pieces}
    assert by_text["Putin"].actors == ["Q7747"] and by_text["Putin"].quotes == [0]
    assert by_text["meet"].events == [0] and by_text["meet"].quotes == [0]
    assert by_text["Paris"].places == [0] and "place" in by_text["Paris"].classes()
    assert by_text["Peskov"].quotes == [] and by_text["Peskov"].actors == ["Q1968948"]
    assert by_text["meet"].classes() == "quote spk0 trigger"
    assert not by_text["“"].marked


def test_offsets_outside_the_text_are_dropped_and_speakers_get_their_own_colours():
    text = "short text"
    a = analysis(text, actors=[{"id": "X", "mentions": [{"start": 5, "end": 99}, {"start": 0, "end": 5}]}],
                 quotes=[{"start": 0, "end": 5, "speaker": "A"}, {"start": 6, "end": 10, "speaker": "B"},
                         {"start": 6, "end": 10, "speaker": "A"}])
    pieces = segments(a)
    assert "".join(p.text for p in pieces) == text
    assert speaker_colours(a) == {"A": 0, "B": 1}

"""A date the text spells out in full is read without dateparser (a speed fix): the value must be
the one dateparser gave, for the days and months of the years the fast path covers."""

import datetime as dt

from whodid.nlp.dates import MONTHS, TimeExpr, _date_text, parse_date, resolve_absolute

_BASE = dt.date(2000, 1, 1)
_DAYS = [(1600, 2, 29), (1700, 3, 1), (1899, 12, 31), (1900, 2, 28), (1969, 7, 20), (2000, 2, 29),
         (2022, 2, 24), (2024, 9, 30), (2038, 1, 19), (2099, 12, 31)]


def test_full_dates_read_as_dateparser_reads_them():
    for y, m, d in _DAYS:
        e = TimeExpr(text="", start=0, end=0, kind="date", year=y, month=m, day=d)
        resolve_absolute(e)
        want, period = parse_date(_date_text(e), _BASE)
        assert (e.value, e.precision, e.resolved_from) == (want.isoformat(), period, "text")


def test_month_and_year_read_as_dateparser_reads_them():
    for y in (1600, 1848, 1999, 2022, 2099):
        for m in range(1, 13):
            e = TimeExpr(text="", start=0, end=0, kind="month_year", year=y, month=m)
            resolve_absolute(e)
            want, _ = parse_date(f"{MONTHS[m - 1].title()} {y}", _BASE)
            assert (e.value, e.precision) == (f"{want.year:04d}-{want.month:02d}", "month")


def test_no_such_day_stays_unresolved():
    e = TimeExpr(text="", start=0, end=0, kind="date", year=2023, month=2, day=29)
    resolve_absolute(e)
    assert e.value is None and e.notes == ["no such day"]

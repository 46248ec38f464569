"""CSV cells that a spreadsheet will not run as formulas (CSV injection).

A text cell starting with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage
return, which some spreadsheets skip before reading one of those) is taken for a
formula by Excel, LibreOffice and Google Sheets; an article sentence such as
"=HYPERLINK(...)" or "-5 degrees" would run or break. Such cells get a leading
apostrophe, which spreadsheets show as text and do not display (OWASP's advice).
Numbers are left alone: only text cells are escaped.
"""

from __future__ import annotations

from typing import Any

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """``value`` with an apostrophe before a formula prefix if it is text."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def safe_sql(column: str) -> str:
    """The same escaping as a DuckDB expression over a VARCHAR column (for ``COPY ... (FORMAT csv)``)."""
    quoted = '"' + column.replace('"', '""') + '"'
    return (f"CASE WHEN left({quoted}, 1) IN ('=', '+', '-', '@', chr(9), chr(13)) "
            f"THEN '''' || {quoted} ELSE {quoted} END AS {quoted}")

"""export: the database in the formats analysts' tools read.

- plain tables as Parquet, CSV or JSON Lines (``tables.py``), Parquet optionally
  partitioned by date, hive style (``date=YYYY-MM-DD/``)
- the GDELT 2.0 event and mentions tables (``gdelt.py``)
- PLOVER JSON Lines, one record per coded event (``plover.py``)

Every file is written beside its target and renamed when complete, so a failed
export never leaves a half-written file behind.
"""

# Events below this confidence are left out of exports and of the web app's events table
# unless asked for (``--min-confidence``, ``min_confidence=``). An event's confidence is the
# calibrated chance that its type, actor and recipient are right (``whodid eval news``
# prints the reliability table it is read from); the README's events section states it.
DEFAULT_MIN_CONFIDENCE = 0.2

"""What went wrong with a file or database, in one line a user can act on.

A full disk, a permission problem or a database locked by another process
surface as ``OSError`` or ``duckdb.Error`` deep in a write; ``explain`` turns
them into one line naming the file and what to do (the traceback is for
``--debug``).
"""

from __future__ import annotations

import errno


def explain(exc: BaseException, path: object = None) -> str | None:
    """One line for a disk-full, permission or lock error, else None."""
    text = str(exc)
    low = text.lower()
    where = str(path or getattr(exc, "filename", None) or _quoted_file(text) or "the database")
    code = getattr(exc, "errno", None)
    if code in (errno.ENOSPC, errno.EDQUOT) or "no space left" in low or "disk quota" in low:
        return (f"{where}: the disk is full; free some space (or write to another disk, e.g. another --db) and "
                "run the same command again: everything stored before is kept")
    if code in (errno.EACCES, errno.EPERM, errno.EROFS) or "permission denied" in low or "read-only file system" in low:
        return (f"{where}: permission denied; make the file and its folder writable by you "
                "(or choose another path, e.g. another --db)")
    if "lock" in low and ("conflicting" in low or "could not set lock" in low or "database is locked" in low):
        return (f"{where}: the database is in use by another process; wait for that run to finish "
                "(or use another --db file)")
    return None


def _quoted_file(text: str) -> str | None:
    import re

    found = re.search(r'file "([^"]+)"', text) or re.search(r"'(/[^']+)'", text)
    return found.group(1) if found else None

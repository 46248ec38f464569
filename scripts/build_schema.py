"""Write ``docs/analysis.schema.json``: the JSON Schema of an Analysis, generated from ``whodid.model``.

``tests/test_model.py`` fails when the file is out of date; run ``python scripts/build_schema.py``.
"""

from __future__ import annotations

import json
from pathlib import Path

from whodid.model import analysis_json_schema

TARGET = Path(__file__).resolve().parents[1] / "docs" / "analysis.schema.json"


def render() -> str:
    return json.dumps(analysis_json_schema(), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    TARGET.write_text(render(), encoding="utf-8")
    print(f"{TARGET}: written")

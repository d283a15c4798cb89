"""The seed article as a frame (MENAFN boilerplate stripped the way the lead's loader does)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd


def seed_frame(path: Path) -> pd.DataFrame:
    raw = path.read_text(encoding="utf-8")
    raw = raw[: raw.index("MENAFN1106")]
    text = "\n".join(line for line in raw.split("\n") if not line.startswith("Also Read |")).strip()
    return pd.DataFrame({"doc_id": ["seed"], "text": [text],
                         "published": [pd.Timestamp("2025-06-11", tz="UTC")]})

"""Build the bundled corpus in ``data/raw/open/`` from ``../shared/corpora/open/`` (``make bundle``).

Only the openly licensed texts are bundled (see ``data/README.md`` for sources,
licences and attribution). Changes made, and nothing else:

* ``published`` is rewritten as ISO 8601 with the UTC offset of the time the site
  displays: en.kremlin.ru shows Moscow time and president.gov.ua Kyiv time, but the
  upstream files give those local times without an offset (the original value stays
  in ``published_raw``);
* each file is gzipped (deterministically, so rebuilding gives identical bytes).
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pandas as pd

from toolkit import config

LOCAL_TIME = {"kremlin": "Europe/Moscow", "president_gov_ua": "Europe/Kyiv"}


def _with_offset(value: str, zone: str | None) -> str:
    stamp = pd.Timestamp(value)
    if stamp.tzinfo is None and zone:
        stamp = stamp.tz_localize(zone)
    return stamp.isoformat()


def bundle(source: Path | None = None, target: Path | None = None) -> list[Path]:
    """Write ``<name>.jsonl.gz`` for every ``*.jsonl`` in the open corpus; returns the paths."""
    source = source or config.shared_path(*config.OPEN_CORPUS)
    target = target or config.RAW_DIR / "open"
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for path in sorted(source.glob("*.jsonl")):
        zone = next((z for prefix, z in LOCAL_TIME.items() if path.name.startswith(prefix)), None)
        lines = []
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            item = json.loads(line)
            item["published"] = _with_offset(item["published"], zone)
            lines.append(json.dumps(item, ensure_ascii=False))
        out = target / f"{path.name}.gz"
        with open(out, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as gz:
            gz.write(("\n".join(lines) + "\n").encode("utf-8"))
        written.append(out)
    return written


if __name__ == "__main__":
    for written in bundle():
        print(f"wrote {written}")

"""``python -m dyadwatch.scale PATH... [--db X | --shards DIR] [--scheduler tcp://...]``.

Without ``--scheduler`` a LocalCluster is started here (and only here, under
``__main__``), with ``--workers`` single-threaded worker processes.
"""

from __future__ import annotations

import argparse
import json
import sys

from ..settings import load_settings
from .run import ScaleStats, connect, distribute


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m dyadwatch.scale", description=__doc__)
    ap.add_argument("paths", nargs="+", help="files, folders or JSONL the workers can read")
    ap.add_argument("--db", help="DuckDB file written by this client (default: settings)")
    ap.add_argument("--shards", help="instead of --db: folder for part-NNNNN.jsonl shards")
    ap.add_argument("--scheduler", help="address of a running scheduler, e.g. tcp://host:8786")
    ap.add_argument("--workers", type=int, default=2, help="LocalCluster workers (no scheduler)")
    ap.add_argument("--partition-size", type=int, default=50, help="documents per partition")
    ap.add_argument("--config", help="settings file")
    args = ap.parse_args(argv)
    settings = load_settings(args.config)

    def report(s: ScaleStats) -> None:
        print(f"partition {s.done}/{s.partitions}: {s.documents} documents", file=sys.stderr)

    with connect(args.scheduler, args.workers) as client:
        stats = distribute(
            client,
            args.paths,
            settings,
            db=args.db,
            shard_dir=args.shards,
            partition_size=args.partition_size,
            progress=report,
        )
    print(json.dumps(stats.as_dict()))
    return 0


if __name__ == "__main__":
    sys.exit(main())

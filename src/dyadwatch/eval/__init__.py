"""Evaluation against public gold data.

Each suite is a module here exposing
``run(path: Path, settings: Settings, sample: int | None = None) -> SuiteResult``:
extraction, time, attribution, events, seed. ``gate`` compares results with
eval/baseline.json.
"""

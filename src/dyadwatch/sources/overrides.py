"""Per-run overrides from settings (CLI --published/--url/--outlet)."""

from __future__ import annotations

from ..records import RawInput
from ..settings import Settings


def apply_overrides(raw: RawInput, settings: Settings) -> RawInput:
    """settings.published/url/outlet win over whatever was detected."""
    given = {k: getattr(settings, k) for k in ("published", "url", "outlet")}
    given = {k: v for k, v in given.items() if v}
    if not given:
        return raw
    notes = [*raw.notes, *(f"{k}:given" for k in given)]
    return raw.model_copy(update={**given, "notes": notes})

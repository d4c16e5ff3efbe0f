"""TimeML value helpers: record coarsening and the normalisation used for scoring."""

from __future__ import annotations

from datetime import date

import pytest

from dyadwatch.time.dates import normalise, parse_dct, to_record

DCT = date(2022, 12, 10)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2022-12-09", ("2022-12-09", "day")),
        ("2022-12-09TNI", ("2022-12-09", "day")),
        ("2022-11", ("2022-11", "month")),
        ("2023", ("2023", "year")),
        ("2022-W48", ("2022-12", "month")),  # Thursday of week 48 is 1 December
        ("2022-W47-WE", ("2022-11", "month")),
        ("2022-Q3", ("2022", "year")),
        ("2021-FA", ("2021", "year")),
        ("PRESENT_REF", ("2022-12-10", "day")),
        ("PAST_REF", (None, None)),
        ("199", (None, None)),
        (None, (None, None)),
    ],
)
def test_to_record(value: str | None, expected: tuple[str | None, str | None]) -> None:
    assert to_record(value, DCT) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1998-01-08T15:00", "1998-01-08"),
        ("2000-W7", "2000-W07"),
        ("1949-XX", "1949"),
        ("199X", "199"),
        ("PAST_REF", "PAST_REF"),
        ("present_ref", "PRESENT_REF"),
    ],
)
def test_normalise(value: str, expected: str) -> None:
    assert normalise(value) == expected


def test_parse_dct() -> None:
    assert parse_dct("2022-12-10T08:30:00Z") == DCT
    assert parse_dct(None) is None
    with pytest.raises(ValueError):
        parse_dct("December 10")

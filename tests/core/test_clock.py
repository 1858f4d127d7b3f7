"""The store's text form of a moment (core/clock.py's iso)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from studyapp.core.clock import iso

ZONES = [UTC, timezone(timedelta(hours=5, minutes=30)), timezone(timedelta(hours=-11)),
         ZoneInfo("Europe/London"), ZoneInfo("Asia/Shanghai"), ZoneInfo("America/St_Johns")]


@given(moment=st.datetimes(min_value=datetime(2, 1, 1), max_value=datetime(9998, 12, 31)),
       zone=st.sampled_from(ZONES))
def test_iso_is_isoformat_in_utc_to_the_second(moment: datetime, zone: timezone) -> None:
    aware = moment.replace(tzinfo=zone)
    assert iso(aware) == aware.astimezone(UTC).isoformat(timespec="seconds")


def test_iso_of_a_naive_moment_reads_it_as_local_time() -> None:
    moment = datetime(2026, 3, 29, 1, 30, 59, 999_999)
    assert iso(moment) == moment.astimezone(UTC).isoformat(timespec="seconds")
    assert iso(datetime(2026, 1, 5, 9, 0, 7, tzinfo=UTC)) == "2026-01-05T09:00:07+00:00"

"""Glue trigger schedules as Databricks (Quartz) schedules: the examples of Glue's documentation, every form Glue
accepts, and errors that name the field."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from g2l_merge.jobs.schedule import QUARTZ_LAST_YEAR, Schedule, ScheduleError, quartz_schedule

CASES = [
    # Glue's own examples (UTC): every day at 10:00, at 12:15, weekdays at 18:00, the 1st at 08:00, every 15
    # minutes, every 10 minutes on weekdays, every 5 minutes 08:00-17:55 on weekdays
    ("cron(0 10 * * ? *)", "0 0 10 * * ?"),
    ("cron(15 12 * * ? *)", "0 15 12 * * ?"),
    ("cron(0 18 ? * MON-FRI *)", "0 0 18 ? * MON-FRI"),
    ("cron(0 8 1 * ? *)", "0 0 8 1 * ?"),
    ("cron(0/15 * * * ? *)", "0 0/15 * * * ?"),
    ("cron(0/10 * ? * MON-FRI *)", "0 0/10 * ? * MON-FRI"),
    ("cron(0/5 8-17 ? * MON-FRI *)", "0 0/5 8-17 ? * MON-FRI"),
    # the last day of the month, the weekday nearest the 15th, the last Friday, the first Monday
    ("cron(0 3 L * ? *)", "0 0 3 L * ?"),
    ("cron(0 9 15W * ? *)", "0 0 9 15W * ?"),
    ("cron(30 2 ? * 6L *)", "0 30 2 ? * 6L"),
    ("cron(0 12 ? JAN,JUL 2#1 *)", "0 0 12 ? JAN,JUL 2#1"),
    ("cron(0 23 ? * L *)", "0 0 23 ? * L"),  # the last day of the week, Saturday, in both
    # a year narrows it: kept; names in either case, spaces around
    ("cron(0 6 1 1 ? 2027)", "0 0 6 1 1 ? 2027"),
    ("  cron(5 4 ? * sun 2026-2030)  ", "0 5 4 ? * sun 2026-2030"),
    ("CRON(0 0 1-15/2 */3 ? *)", "0 0 0 1-15/2 */3 ?"),
]


@pytest.mark.parametrize(("glue", "quartz"), CASES)
def test_a_glue_schedule_becomes_the_same_times_in_quartz_in_utc(glue: str, quartz: str) -> None:
    assert quartz_schedule(glue) == Schedule(quartz, "UTC")


ERRORS = [
    ("rate(5 minutes)", "is not a Glue schedule"),
    ("cron(0 10 * * ?)", "has 6 fields, this one has 5"),
    ("cron(60 10 * * ? *)", "Minutes '60': '60' is outside 0-59"),
    ("cron(0 24 * * ? *)", "Hours '24': '24' is outside 0-23"),
    ("cron(0 10 0 * ? *)", "Day-of-month '0': '0' is outside 1-31"),
    ("cron(0 10 * 13 ? *)", "Month '13': '13' is outside 1-12"),
    ("cron(0 10 ? * 8 *)", "Day-of-week '8': '8' is outside 1-7"),
    ("cron(0 10 ? * FUN *)", "Day-of-week 'FUN': 'FUN' is not a number or a name (1-7 or SUN-SAT)"),
    ("cron(0 10 * * * *)", "exactly one of Day-of-month (*) and Day-of-week (*) must be '?'"),
    ("cron(0 10 ? * ? *)", "exactly one of Day-of-month (?) and Day-of-week (?) must be '?'"),
    ("cron(? 10 * * ? *)", "Minutes cannot be '?'"),
    ("cron(0 10 * * ? 2150)", f"reaches past {QUARTZ_LAST_YEAR}"),
    ("cron(0 10 * * ? 1960)", "Year '1960': '1960' is outside 1970-2199"),
    ("cron(0 10 ? * 2#6 *)", "the week of the month after '#' is 1 to 5"),
    ("cron(0/0 10 * * ? *)", "the increment /0 is outside 1-59"),
    ("cron(30-10 10 * * ? *)", "a range runs from low to high"),
    ("cron(0 10 * JAN-W ? *)", "'W' is not a number or a name"),
    ("cron(0 10 15W * ? *)".replace("15W", "L,,2"), "'' is not a value, a range or an increment"),
    ("cron(0 10 * *-3 ? *)", "'*' takes no range"),
    ("cron(0 10W * * ? *)", "Hours '10W'"),
    ("cron(0 10 32W * ? *)", "Day-of-month '32W': '32' is outside 1-31"),
]


@pytest.mark.parametrize(("glue", "message"), ERRORS)
def test_a_schedule_glue_would_refuse_or_quartz_cannot_say_is_an_error_naming_the_field(
    glue: str, message: str
) -> None:
    with pytest.raises(ScheduleError) as raised:
        quartz_schedule(glue)
    assert message in str(raised.value)
    assert repr(glue) in str(raised.value)


def _item(low: int, high: int, names: tuple[str, ...]) -> st.SearchStrategy[str]:
    """One item Glue's documentation allows in a field: a value (a number or a name), a range, an increment."""
    value = st.integers(low, high).map(str)
    if names:
        value = value | st.sampled_from(names)
    ordered = st.tuples(st.integers(low, high), st.integers(low, high)).map(sorted)
    span = ordered.map(lambda pair: f"{pair[0]}-{pair[1]}")
    step = st.integers(1, high).map(str)
    return st.one_of(
        value,
        span,
        st.tuples(value, step).map("/".join),
        st.tuples(span, step).map("/".join),
        step.map(lambda s: f"*/{s}"),
    )


def _field(low: int, high: int, names: tuple[str, ...] = ()) -> st.SearchStrategy[str]:
    return st.just("*") | st.lists(_item(low, high, names), min_size=1, max_size=3).map(",".join)


MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")
DAYS = ("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT")
DAY_OF_MONTH = _field(1, 31) | st.sampled_from(["L", "1W", "15W", "31W"])
DAY_OF_WEEK = _field(1, 7, DAYS) | st.sampled_from(["L", "6L", "FRIL", "2#1", "MON#5"])


@given(
    minutes=_field(0, 59),
    hours=_field(0, 23),
    days=st.one_of(st.tuples(DAY_OF_MONTH, st.just("?")), st.tuples(st.just("?"), DAY_OF_WEEK)),
    month=_field(1, 12, MONTHS),
    year=_field(1970, QUARTZ_LAST_YEAR),
)
def test_every_schedule_glue_documents_is_taken_and_keeps_its_fields(
    minutes: str, hours: str, days: tuple[str, str], month: str, year: str
) -> None:
    """Glue and Quartz read these fields alike (Day-of-week 1 is Sunday in both): each keeps its text, the seconds
    are 0, and the year goes only when it is '*'."""
    fields = [minutes, hours, days[0], month, days[1], year]
    found = quartz_schedule(f"cron({' '.join(fields)})")
    assert found.timezone_id == "UTC"
    assert found.quartz_cron_expression.split() == ["0", *fields[:5], *([year] if year != "*" else [])]

"""A Glue trigger's schedule as a Databricks job's: Glue's `cron(...)` to a Quartz cron expression.

Glue schedules are `cron(Minutes Hours Day-of-month Month Day-of-week Year)`, in UTC. A Databricks job schedule
is a Quartz cron expression (`Seconds Minutes Hours Day-of-month Month Day-of-week [Year]`) with a time zone.
The two agree on what each field holds: the same wildcards (`, - * / ?`, `L` and `W` in Day-of-month, `L` and
`#` in Day-of-week), the same names (JAN-DEC, SUN-SAT) and the same numbering (Day-of-week 1 is Sunday in
both). So the conversion checks every field against Glue's rules, puts a zero in front for the seconds, keeps
the year only when it narrows anything, and sets the time zone to UTC. What Quartz cannot say (a year named past
2099; `*` runs to 2099 there, to 2199 in Glue) is an error that names the field, not a schedule that fires at
other times.
"""

from __future__ import annotations

import re
from typing import NamedTuple

MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")
DAYS = ("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT")
QUARTZ_LAST_YEAR = 2099


class Schedule(NamedTuple):
    """A Databricks job schedule: `quartz_cron_expression` and `timezone_id`."""

    quartz_cron_expression: str
    timezone_id: str


class ScheduleError(ValueError):
    """A Glue schedule that is not valid, or that Quartz cannot express; the message names the field."""


class _Field(NamedTuple):
    name: str
    low: int
    high: int
    names: tuple[str, ...] = ()  # names for low, low + 1, ... (months, days)
    question: bool = False  # `?` allowed (no specific value)


_FIELDS = (
    _Field("Minutes", 0, 59),
    _Field("Hours", 0, 23),
    _Field("Day-of-month", 1, 31, question=True),
    _Field("Month", 1, 12, MONTHS),
    _Field("Day-of-week", 1, 7, DAYS, question=True),
    _Field("Year", 1970, 2199),
)
_CRON = re.compile(r"\s*cron\((?P<fields>[^()]*)\)\s*", re.IGNORECASE)
_RANGE = re.compile(r"(?P<start>\*|[0-9A-Za-z]+)(?:-(?P<end>[0-9A-Za-z]+))?(?:/(?P<step>[0-9]+))?")


def quartz_schedule(glue: str) -> Schedule:
    """The Databricks schedule of a Glue trigger's `Schedule`; ScheduleError when it is not one Glue accepts
    or Quartz cannot express."""
    found = _CRON.fullmatch(glue)
    if found is None:
        expected = "cron(Minutes Hours Day-of-month Month Day-of-week Year)"
        raise ScheduleError(f"{glue!r} is not a Glue schedule: expected {expected}")
    fields = found["fields"].split()
    if len(fields) != len(_FIELDS):
        raise ScheduleError(f"{glue!r}: a Glue cron expression has 6 fields, this one has {len(fields)}")
    for field, text in zip(_FIELDS, fields, strict=True):
        _check_field(glue, field, text)
    day_of_month, day_of_week = fields[2], fields[4]
    if (day_of_month == "?") == (day_of_week == "?"):
        raise ScheduleError(
            f"{glue!r}: exactly one of Day-of-month ({day_of_month}) and Day-of-week ({day_of_week}) must be '?'"
        )
    year = fields[5]
    named = [int(n) for item in year.split(",") for n in re.findall(r"[0-9]+", item.split("/")[0])]
    if max(named, default=0) > QUARTZ_LAST_YEAR:  # `*` reaches 2199 in Glue, but fires alike up to 2099
        raise ScheduleError(f"{glue!r}: Year {year} reaches past {QUARTZ_LAST_YEAR}, the last year Quartz cron knows")
    quartz = ["0", *fields[:5]] + ([year] if year != "*" else [])
    return Schedule(" ".join(quartz), "UTC")


def _check_field(glue: str, field: _Field, text: str) -> None:
    """Every comma-separated item of one field is one Glue accepts there."""
    if text == "?":
        if not field.question:
            raise ScheduleError(f"{glue!r}: {field.name} cannot be '?' (only Day-of-month and Day-of-week can)")
        return
    for item in text.split(","):
        problem = _item_problem(field, item)
        if problem:
            raise ScheduleError(f"{glue!r}: {field.name} {text!r}: {problem}")


def _item_problem(field: _Field, item: str) -> str | None:
    """Why one item of a field is not valid there (None: it is)."""
    if field.name == "Day-of-month" and (item == "L" or re.fullmatch(r"[0-9]+W", item)):
        return _value_problem(field, item.rstrip("W")) if item != "L" else None
    if field.name == "Day-of-week":
        if item == "L":
            return None
        last = re.fullmatch(r"(?P<day>[0-9A-Za-z]+)L", item)
        nth = re.fullmatch(r"(?P<day>[0-9A-Za-z]+)#(?P<n>[0-9]+)", item)
        if last or nth:
            day = (last or nth)["day"]  # type: ignore[index]
            if nth and not 1 <= int(nth["n"]) <= 5:
                return f"'{item}': the week of the month after '#' is 1 to 5"
            return _value_problem(field, day)
    parts = _RANGE.fullmatch(item)
    if parts is None:
        return f"'{item}' is not a value, a range or an increment"
    if parts["start"] == "*":
        return "'*' takes no range" if parts["end"] else _step_problem(field, parts["step"])
    for value in (parts["start"], parts["end"]):
        problem = _value_problem(field, value) if value is not None else None
        if problem:
            return problem
    if parts["end"] is not None and _number(field, parts["start"]) > _number(field, parts["end"]):
        return f"'{item}': a range runs from low to high"
    return _step_problem(field, parts["step"])


def _value_problem(field: _Field, value: str) -> str | None:
    number = _number(field, value)
    if number < 0:
        names = f" or {field.names[0]}-{field.names[-1]}" if field.names else ""
        return f"'{value}' is not a number{' or a name' if field.names else ''} ({field.low}-{field.high}{names})"
    if not field.low <= number <= field.high:
        return f"'{value}' is outside {field.low}-{field.high}"
    return None


def _step_problem(field: _Field, step: str | None) -> str | None:
    if step is not None and not 1 <= int(step) <= field.high:
        return f"the increment /{step} is outside 1-{field.high}"
    return None


def _number(field: _Field, value: str) -> int:
    """A field's value as a number (a name counted from the field's low end); -1 for neither."""
    if value.isdigit():
        return int(value)
    upper = value.upper()
    return field.low + field.names.index(upper) if upper in field.names else -1

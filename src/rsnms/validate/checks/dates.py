"""Dates are real days, and a period does not end before it starts."""

from __future__ import annotations

from datetime import date
from typing import Iterator

from ...model.units import walk_values
from .context import Context


def _date_paths(data: dict) -> Iterator[tuple[tuple, str]]:
    for path, value in walk_values(data):
        if not path or not isinstance(value, str):
            continue
        last = path[-1]
        if last == "date" and len(path) >= 2 and path[0] == "acts":
            yield path, value
        elif last in ("start", "end") and "period" in path:
            yield path, value


def dates_and_periods(c: Context) -> None:
    for path, value in _date_paths(c.data):
        try:
            date.fromisoformat(value)
        except ValueError:
            c.error(path, f"несуществующая дата «{value}»: проверьте день и месяц")
    for path, value in walk_values(c.data):
        if path and path[-1] == "period" and isinstance(value, dict):
            try:
                if date.fromisoformat(value["start"]) > date.fromisoformat(value["end"]):
                    c.error(path, f"начало периода {value['start']} позже окончания {value['end']}")
            except (ValueError, KeyError):
                pass  # reported above

"""Deadlines as written → periods."""

from __future__ import annotations

import pytest

from rsnms.lang.periods import parse_deadline

SPAN = {"start": "2022-01-01", "end": "2022-12-31"}


@pytest.mark.parametrize("text, period", [
    ("Октябрь 2022 года", ("2022-10-01", "2022-10-31")),
    ("Октябрь – ноябрь 2022 года", ("2022-10-01", "2022-11-30")),
    ("февраль 2024 года", ("2024-02-01", "2024-02-29")),
    ("IV квартал 2023 г.", ("2023-10-01", "2023-12-31")),
    ("I-II кварталы 2023 года", ("2023-01-01", "2023-06-30")),
    ("25 июля 2021 года", ("2021-07-25", "2021-07-25")),
    ("1 августа\n2021 года", ("2021-08-01", "2021-08-01")),
    ("до 1 сентября 2022 года", ("2022-01-01", "2022-09-01")),
    ("2023-2024 гг.", ("2023-01-01", "2024-12-31")),
    ("В течение 2023 года", ("2023-01-01", "2023-12-31")),
    ("сентябрь 2022 – май 2023 года", ("2022-09-01", "2023-05-31")),
    ("до 31.12.2023", ("2022-01-01", "2023-12-31")),
    ("По отдельному графику", ("2022-01-01", "2022-12-31")),
    ("На постоянной основе", ("2022-01-01", "2022-12-31")),
])
def test_deadlines(text, period):
    result = parse_deadline(text, SPAN)
    assert (result["start"], result["end"]) == period


@pytest.mark.parametrize("text, recurrence", [
    ("Ежеквартально", "quarterly"), ("Ежемесячно", "monthly"), ("2 раза в месяц", "twice-monthly"),
    ("ежегодно, декабрь 2023", "yearly"), ("1 раз в полгода", "half-yearly"),
])
def test_recurring_deadlines(text, recurrence):
    assert parse_deadline(text, SPAN)["recurrence"] == recurrence


@pytest.mark.parametrize("text, period", [
    ("февраль, 2023 год, 2024 год", ("2023-02-01", "2024-02-29")),
    ("апрель – сентябрь 2023 год, 2024 год", ("2023-04-01", "2024-09-30")),
    ("январь – март, 2023 год, 2024 год", ("2023-01-01", "2024-03-31")),
])
def test_same_months_in_each_listed_year(text, period):
    result = parse_deadline(text, SPAN)
    assert (result["start"], result["end"], result["recurrence"]) == (*period, "yearly")


def test_unknown_or_unanchored_deadlines_give_none():
    assert parse_deadline("Декабрь", SPAN) is None
    assert parse_deadline("Ежеквартально", None) is None
    assert parse_deadline("понимая задачу", SPAN) is None
    assert parse_deadline("30 февраля 2023 года", SPAN) is None

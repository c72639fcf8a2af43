"""The profile is who its file says, a region has its order, every id is used once."""

from __future__ import annotations

from ...diagnostics import format_path
from ...model.units import walk_values
from .context import Context


def name_and_order(c: Context) -> None:
    if c.is_model:
        return
    if c.data["id"] != c.file.stem:
        c.error(("id",), f"идентификатор «{c.data['id']}» не совпадает с именем файла «{c.file.stem}»: "
                         f"переименуйте файл в {c.data['id']}.yaml или исправьте id")
    if "order" not in c.data.get("acts", {}):
        c.error(("acts",), "нет приказа (acts.order): опишите акт, которым утверждается положение "
                           "(для проекта — status: draft)")


def unique_ids(c: Context) -> None:
    seen: dict[str, tuple] = {}
    for path, value in walk_values(c.data):
        if path and path[-1] == "id" and len(path) > 1 and isinstance(value, str):
            if value in seen:
                c.error(path, f"идентификатор «{value}» уже использован ({format_path(seen[value])}): "
                              "идентификаторы должны быть уникальны")
            else:
                seen[value] = path

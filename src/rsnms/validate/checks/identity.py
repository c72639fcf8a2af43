"""The profile is who its file says, a region has its order, every id is used once."""

from __future__ import annotations

import re

from ...diagnostics import format_path
from ...model.profile import MODEL_ID
from ...model.units import walk_values
from .context import Context

MAX_ID = 64     # an id is a file name (build/acts/<id>/…, regions/<id>.yaml) and an anchor
# names Windows gives to devices: a file «con.yaml» cannot be created there
RESERVED = re.compile(r"(con|prn|aux|nul|com[0-9]|lpt[0-9])", re.I)


def id_problem(value: str) -> str | None:
    """Why a region id cannot be used (the federal model's id, a device name, too long), or None."""
    if value == MODEL_ID:
        return (f"идентификатор «{MODEL_ID}» занят примерным положением (build/acts/{MODEL_ID}/): "
                "выберите другой, например по названию региона")
    if RESERVED.fullmatch(value):
        return f"«{value}» не может быть именем файла (в Windows это имя устройства): выберите другой"
    if len(value) > MAX_ID:
        return f"идентификатор длиннее {MAX_ID} символов ({len(value)}): он станет именем файла — сократите его"
    return None


def name_and_order(c: Context) -> None:
    if c.is_model:
        return
    problem = id_problem(c.data["id"])
    if problem:
        c.error(("id",), problem)
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
            if len(value) > MAX_ID:
                c.error(path, f"идентификатор длиннее {MAX_ID} символов ({len(value)}): сократите его")
            if value in seen:
                c.error(path, f"идентификатор «{value}» уже использован ({format_path(seen[value])}): "
                              "идентификаторы должны быть уникальны")
            else:
                seen[value] = path

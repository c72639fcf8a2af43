"""Facts still to supply: ``[[…]]`` left in a region's profile, deadlines not understood."""

from __future__ import annotations

from ...model.profile import normalize
from ...model.units import PLACEHOLDER, iter_roadmap, walk_values
from .context import Context


def placeholders(c: Context) -> None:
    if c.is_model:
        return
    for path, value in walk_values(c.data):
        if isinstance(value, str):
            for match in PLACEHOLDER.finditer(value):
                c.warning(path, f"не заполнено: {match.group(1)}")


def coordinator(c: Context) -> None:
    """A region whose network-interaction regulation rsnms drafts needs its coordinator."""
    network = c.data.get("acts", {}).get("network_regulation", {})
    if c.is_model or c.data["system"].get("coordinator") or network.get("status") == "adopted":
        return
    c.warning(("system",), "не указан координатор сетевого взаимодействия (system.coordinator: subject — "
                           "идентификатор субъекта, basis — акт, которым он определен): в проекте регламента "
                           "на его месте будет незаполненное место")


def deadlines(c: Context) -> None:
    if "normalized" not in c.cache:
        c.cache["normalized"] = normalize(c.data)
    normalized = c.cache["normalized"]
    for path, item, _d, _g in iter_roadmap(normalized.get("roadmap", {})):
        if "deadline" in item and "period" not in item and not PLACEHOLDER.search(item["deadline"]):
            c.warning(path + ("deadline",), f"срок «{item['deadline']}» не распознан как период: "
                                            "добавьте period: {start: ГГГГ-ММ-ДД, end: ГГГГ-ММ-ДД}")

"""Indicators: a region's page, and the model's indicators beside the regions' closest ones."""

from __future__ import annotations

from rapidfuzz import fuzz

from ..model.units import is_group, iter_leaves
from .markdown import cell, profile_cell, table


def indicators_page(src, region) -> str:
    """The region's indicators as tables, one per group: the names of their fields (the
    columns of the act's table) once in the header, each indicator linked to its clause."""
    page = f"regions/{region.id}/indicators.md"
    out = [f"# Показатели эффективности: {cell(region.name)}\n"]
    counter = [0]

    def leaves_table(entries: list) -> None:
        fields = list(dict.fromkeys(k for e in entries for k in (e.get("fields") or {})))
        targets = any(e.get("targets") for e in entries)
        header = ["№", "Показатель"] + [cell(f) for f in fields] + (["Целевые значения"] if targets else [])
        rows = []
        for entry in entries:
            counter[0] += 1
            number = src.links.link(region.id, entry.get("id", ""), page, str(counter[0]), "Пункт акта")
            row = [number, cell(entry["text"])] + [cell((entry.get("fields") or {}).get(f, "")) for f in fields]
            if targets:
                row.append(cell("; ".join(f"{k}: {v}" for k, v in (entry.get("targets") or {}).items())))
            rows.append(row)
        out.append(table(header, rows) + "\n")

    def walk(entries: list, depth: int) -> None:
        leaves: list = []
        for entry in entries:
            if is_group(entry):
                if leaves:
                    leaves_table(leaves)
                    leaves = []
                out.append(f"\n{'#' * min(depth + 2, 6)} {cell(entry['group'])}\n")
                walk(entry["items"], depth + 1)
            else:
                leaves.append(entry)
        if leaves:
            leaves_table(leaves)

    walk(region.data["system"]["indicators"], 0)
    return "\n".join(out) + "\n"


def indicators_side_by_side(model: dict, regions: list[tuple[str, dict]]) -> str:
    """Each model indicator in a row, with the closest indicator of every region beside it;
    then each region's indicators that the model does not have."""
    indicators = list(iter_leaves(model["system"].get("indicators", [])))
    own = {rid: list(iter_leaves(data["system"].get("indicators", []))) for rid, data in regions}
    used: dict[str, set[int]] = {rid: set() for rid, _d in regions}
    rows = []
    for indicator in indicators:
        row = [profile_cell(model, indicator["text"])]
        for rid, _data in regions:
            scored = [(fuzz.token_set_ratio(indicator["text"].lower(), e["text"].lower()), i)
                      for i, e in enumerate(own[rid])]
            score, best = max(scored, default=(0, -1))
            if score >= 60:
                used[rid].add(best)
                entry = own[rid][best]
                targets = "; ".join(f"{k}: {v}" for k, v in (entry.get("targets") or {}).items())
                row.append(cell(entry["text"]) + (f"<br>*{cell(targets)}*" if targets else ""))
            else:
                row.append("—")
        rows.append(row)
    header = ["Показатель примерного положения"] + [cell(d["region"]["name"]) for _r, d in regions]
    parts = ["# Показатели по регионам\n",
             "Показатели примерного положения и самые близкие к ним по тексту показатели регионов "
             "(сходство слов не ниже 60 %), с целевыми значениями, где они есть.\n",
             table(header, rows), "\n## Собственные показатели регионов\n"]
    for rid, data in regions:
        rest = [f"- {cell(e['text'])}" for i, e in enumerate(own[rid]) if i not in used[rid]]
        parts.append(f"### {cell(data['region']['name'])}\n\n" + ("\n".join(rest) or "Все показатели — в таблице выше.") + "\n")
    return "\n".join(parts)

"""The home page: what a regional system is, the regions and their acts, the sections."""

from __future__ import annotations

from ..compose import ACT_KINDS
from ..lang import words
from ..lang.formats import requisites
from .markdown import cell, profile_cell, table
from .sources import Pages, Sources


def home(src: Sources, pages: Pages) -> None:
    goal = " ".join(src.model["system"].get("goal", []))
    rows = []
    for region in src.regions:
        cells = [f"[{cell(region.name)}](regions/{region.id}/index.md)", cell(region.data["authority"]["name"])]
        for key, kind in ACT_KINDS.items():
            act = region.acts[key]
            status = words.ACT_STATUS[act.get("status", "draft")]
            req = requisites(act) if key == "order" and act.get("status") == "adopted" else ""
            cells.append(f"[{status}](regions/{region.id}/{kind.slug}.md)" + (f" {cell(req)}" if req else ""))
        rows.append(cells)
    pages.add("index.md", f"""# Региональные системы научно-методического сопровождения

Региональная система научно-методического сопровождения педагогических работников и
управленческих кадров (РСНМС) — часть единой федеральной системы: органы власти,
организации и профессиональные сообщества региона, которые помогают учителям и
руководителям школ расти профессионально. По примерному положению:

> {profile_cell(src.model, goal)}

Каждая региональная система описана здесь по её актам: положению, дорожной карте,
регламенту сетевого взаимодействия и приказу, которым они утверждены. Акт со статусом
«принят» воспроизводит принятый текст; «проект» составлен по данным региона и примерному
положению, незаполненные места в нём выделены.

## Регионы {{#regions}}

{table(["Регион", "Орган управления образованием", "Приказ", "Положение", "Дорожная карта",
        "Регламент"], rows)}

## Разделы {{#sections}}

- [Примерное положение](model/index.md), его [глоссарий](model/glossary.md) и
  [типовая дорожная карта](model/roadmap.md);
- сравнение регионов: [сводная таблица](compare/matrix.md), [субъекты и функции](compare/subjects.md),
  [показатели](compare/indicators.md), [глоссарий](compare/glossary.md),
  [федеральные акты](compare/federal-acts.md);
- [как добавить регион](how-to.md).
""", "Главная")

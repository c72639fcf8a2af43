"""The model regulation's pages: its text, its glossary, its roadmap template."""

from __future__ import annotations

from ..model.units import iter_roadmap
from .markdown import cell, table
from .region import act_markdown
from .sources import Pages, Sources, download_links


def model_pages(src: Sources, pages: Pages) -> None:
    model = src.model
    pages.add("model/index.md", f"""# Примерное положение

Примерное положение о создании и функционировании региональной системы
научно-методического сопровождения педагогических работников и управленческих кадров —
приложение № 3 к методическим рекомендациям Академии Минпросвещения России. Места, которые
регион заполняет сам, выделены квадратными скобками. {download_links(src.model_regulation,
                                                                    "../files/model/regulation")}

---

{act_markdown(src.model_regulation)}
""")
    terms = [f"**{cell(e['term'])}** — {cell(e['definition'])}\n" for e in model["system"].get("glossary", [])]
    pages.add("model/glossary.md", "# Глоссарий примерного положения\n\n" + "\n".join(terms))
    rows = [[str(item.get("num") or ""), cell(item["activity"]), cell(", ".join(item.get("responsible", []))),
             cell(item.get("result", "")), cell(item.get("deadline", ""))]
            for _p, item, _d, _g in iter_roadmap(model.get("roadmap", {}))]
    pages.add("model/roadmap.md", "# Типовая дорожная карта\n\nКомплекс мер из примерного положения "
              "(сроки — федеральные, 2021 года).\n\n"
              + table(["№", "Мероприятие", "Ответственный", "Результат", "Срок"], rows) + "\n")

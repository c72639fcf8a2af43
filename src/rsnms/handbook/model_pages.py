"""The model regulation's pages: its text, its glossary, its roadmap template — rendered
from the composed documents, with the anchors the comparison pages link to."""

from __future__ import annotations

from ..writers.act_json import to_json
from .acts import act_markdown
from .links import MODEL, model_page
from .markdown import cell, profile_cell
from .sources import Pages, Sources, download_links

GLOSSARY = "model/glossary.md"


def model_pages(src: Sources, pages: Pages) -> None:
    regulation, roadmap = src.model_documents[0], src.model_documents[1]
    pages.files["files/model/regulation.json"] = to_json(regulation)
    pages.files["files/model/roadmap.json"] = to_json(roadmap)
    links = download_links(src.model_regulation, "../files/model/regulation", "[JSON](../files/model/regulation.json)")
    pages.add(model_page(regulation), f"""# Примерное положение

Примерное положение о создании и функционировании региональной системы
научно-методического сопровождения педагогических работников и управленческих кадров —
приложение № 3 к методическим рекомендациям Академии Минпросвещения России. Места, которые
регион заполняет сам, выделены квадратными скобками. {links}

---

{act_markdown(regulation)}""", "Примерное положение — текст")
    terms = []
    for entry in src.model["system"].get("glossary", []):
        term = src.links.link(MODEL, entry.get("id", ""), GLOSSARY, cell(entry["term"]), "Термин в тексте положения")
        terms.append(f"**{term}** — {profile_cell(src.model, entry['definition'])}\n")
    pages.add(GLOSSARY, "# Глоссарий примерного положения\n\n" + "\n".join(terms), "Примерное положение — глоссарий")
    pages.add(model_page(roadmap), "# Типовая дорожная карта\n\nКомплекс мер из примерного положения "
              "(сроки — федеральные, 2021 года). [JSON](../files/model/roadmap.json)\n\n---\n\n"
              + act_markdown(roadmap), "Примерное положение — типовая дорожная карта")

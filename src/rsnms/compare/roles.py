"""Which role of the model each subject of a region plays, and how sure that is.

A subject takes a role of the model when it is the same kind of body on the same level and
does what the role does:

* the profile decides first: a subject's ``model_ref`` names its role, ``model_ref: none``
  says it plays none; a subject whose id is a role's id (as ``rsnms new`` writes them) and the
  body that issues the acts (the model's executive authority) are taken as they are;
* a *composite* subject — a name that lists several bodies («ГКУ «ЦПРК», ГАУ ЦППМиСП,
  профессиональные образовательные организации, …», «команды; советы; объединения») — plays
  no role of its own: its members do;
* the kind of body is read from the first noun of the name (:data:`KINDS`: an authority,
  an organisation, a collective); a subject of one kind never takes a role of another
  (a methodological asset or a regional association is not an institute);
* among the roles left, the score weighs what the subject does (:data:`DOES`) over its name:
  how alike its functions are to the role's — the mean best similarity over its functions, or
  over the role's, whichever is higher (a body may do more than the role, or part of it).

Every decision keeps its confidence and a reason a reader understands.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lang.morph import best_parse
from ..model.units import is_group, iter_leaves, iter_subjects
from .similarity import Vocabulary, content_lemmas, normalized

NO_ROLE = "none"             # ``model_ref: none``: the region says the subject plays no role of the model
THRESHOLD = 0.4              # a role from this score of what the subject does and of names
DOES = 0.8                   # the weight of what it does (names of bodies differ more than their duties)

# the kind of a body by the first noun of its name
KINDS = {
    "authority": {"орган", "министерство", "департамент", "комитет", "управление", "агентство", "администрация"},
    "organisation": {"организация", "учреждение", "центр", "институт", "университет", "академия", "колледж",
                     "дворец", "школа", "служба", "отдел", "кафедра", "подразделение", "лаборатория"},
    "collective": {"объединение", "сообщество", "ассоциация", "совет", "актив", "команда", "пара", "клуб",
                   "сеть", "группа", "партнер", "коллектив", "консорциум"},
}


@dataclass(frozen=True)
class Role:
    """The role a subject plays (or None), with the confidence and the reason."""

    role: str | None
    score: float
    reason: str        # profile, id, authority, composite, kind, names, none


def kind_of(name: str) -> str | None:
    """authority, organisation, collective — by the first noun of the name; None if unknown."""
    for word in re.findall(r"\w+", name):
        parse = best_parse(word.lower())
        if parse.tag.POS == "NOUN":
            lemma = parse.normal_form.replace("ё", "е")
            return next((k for k, nouns in KINDS.items() if lemma in nouns), None)
    return None


def parts_of(name: str) -> list[str]:
    """The bodies a name lists: split at «;», «,» and «. » outside quotes and brackets."""
    parts, current, depth, quoted = [], "", 0, False
    for i, char in enumerate(name):
        if char == '"':
            quoted = not quoted
        elif char in "«(":
            depth += 1
        elif char in "»)":
            depth = max(depth - 1, 0)
        sentence = char == "." and name[i + 1:i + 2] == " " and len(re.findall(r"\w+", current)[-1:][0]) > 2 \
            if re.findall(r"\w+", current) else False      # «В.П. Поляничко» is a name, not two bodies
        if not quoted and depth == 0 and (char in ";," or sentence):
            parts.append(current)
            current = ""
        else:
            current += char
    parts.append(current)
    return [p.strip() for p in parts if p.strip()]


def composite(name: str) -> bool:
    """A name listing several bodies: three or more parts, or parts separated by «;»."""
    return len(parts_of(name)) >= 3 or ";" in name


def functions_of(subject: dict) -> list[str]:
    return [f if isinstance(f, str) else f.get("text", "") for f in iter_leaves(subject.get("functions", []))
            if not is_group(f)]


def match_subjects(model: dict, region: dict) -> dict[str, Role]:
    """Region subject id → :class:`Role`."""
    roles = {s["id"]: (level, s) for level, _p, s in iter_subjects(model["system"])}
    vocabulary = Vocabulary(model, region, {})
    texts = {}
    for data in (model, region):
        for _l, _p, s in iter_subjects(data["system"]):
            texts[(data["id"], s["id"])] = ([vocabulary.terms(f) for f in functions_of(s)],
                                            content_lemmas(" ".join(x for x in (s.get("name"), s.get("short")) if x)))
    vocabulary.fit([t for functions, name in texts.values() for t in functions + [name]])
    authority = (normalized(region.get("authority", {}).get("name", "")), authority_role(model))
    out = {}
    for level, _p, subject in iter_subjects(region["system"]):
        out[subject["id"]] = _role(subject, level, roles, authority, vocabulary, texts, model["id"], region["id"])
    return out


def authority_role(model: dict) -> str | None:
    """The model's role of the body that issues the acts (the subject its authority's short name refers to)."""
    short = model.get("authority", {}).get("short")
    return next((a.get("refers_to") for a in model.get("abbreviations", []) if short and a["abbr"] == short), None)


def _role(subject, level, roles, authority, vocabulary, texts, model_id, region_id) -> Role:
    sid, ref = subject["id"], subject.get("model_ref")
    if ref == NO_ROLE:
        return Role(None, 1.0, "profile")
    if ref in roles:
        return Role(ref, 1.0, "profile")
    if sid in roles:
        return Role(sid, 1.0, "id")
    if authority[0] and authority[1] in roles and normalized(subject.get("name", "")) == authority[0]:
        return Role(authority[1], 1.0, "authority")
    if composite(subject.get("name", "")):
        return Role(None, 0.0, "composite")
    kind = kind_of(subject.get("name", ""))
    functions, name = texts[(region_id, sid)]
    best = Role(None, 0.0, "none")
    for rid, (role_level, role) in roles.items():
        role_kind = kind_of(role.get("name", ""))
        if role_level != level or (kind and role_kind and kind != role_kind):
            continue
        role_functions, role_name = texts[(model_id, rid)]
        names = vocabulary.score(role_name, name)
        if functions and role_functions:
            table = [[vocabulary.score(a, b) for b in functions] for a in role_functions]
            does = max(sum(max(row[j] for row in table) for j in range(len(functions))) / len(functions),
                       sum(max(row) for row in table) / len(role_functions))
            score = DOES * does + (1 - DOES) * names
        else:
            score = names
        if score > best.score:
            best = Role(rid, score, "names")
    if best.score < THRESHOLD:
        return Role(None, best.score, "kind" if kind and best.role is None else "none")
    return best

"""What a comparison covers: the blocks of the model that the acts a region adopted have.

A region is compared by the acts it adopted (its drafts, composed by rsnms, say nothing about
it; when it adopted none, its own acts in the profile, then everything, are compared and the
report says so). An act has the blocks its kind has — the data its skeleton refers to
(``acts/model.yaml`` for a regulation, ``acts/drafts.yaml`` for the other kinds) and the data
the region's own act refers to: a network-interaction regulation has subjects and their
functions, the legal basis, the subjects and the channels of interaction, but no tasks or
principles. A block of the model no compared act has is «не предусмотрено», never 0 %.

The overall figure of a comparison counts the *substantive* blocks only (:data:`SUBSTANTIVE`:
what the system does and how), not the legal basis, the glossary and the sources of monitoring
data, which are references rather than content.
"""

from __future__ import annotations

from dataclasses import dataclass

SUBSTANTIVE = ("tasks", "principles", "functions", "mechanisms", "interaction.subjects", "interaction.channels",
               "indicators")


def data_path(block: str) -> str:
    """The profile data a block compares: ``system.tasks``; functions are the subjects'."""
    return "system.subjects" if block == "functions" else f"system.{block}"


@dataclass(frozen=True)
class Scope:
    acts: tuple[str, ...]          # keys of the acts compared
    refs: frozenset[str]           # the data paths they have
    adopted: bool = True           # False: the region adopted none, its drafts are compared

    def applies(self, block: str) -> bool:
        path = data_path(block)
        return any(ref == path or ref.startswith(path + ".") or path.startswith(ref + ".") for ref in self.refs)


EVERYTHING = Scope((), frozenset({"system"}), True)


def _refs(node) -> set[str]:
    out = set()
    if isinstance(node, dict):
        if isinstance(node.get("ref"), str) and node["ref"].startswith("system."):
            out.add(node["ref"])
        for value in node.values():
            out |= _refs(value)
    elif isinstance(node, list):
        for value in node:
            out |= _refs(value)
    return out


def scope_of(acts: dict[str, dict], kinds: dict, drafts: dict, model: dict) -> Scope:
    """The scope of a region's comparison from its acts (``ComposedRegion.acts``)."""
    adopted = [k for k, a in acts.items() if a.get("status") == "adopted"]
    own = [k for k, a in acts.items() if not a.get("composed")]
    chosen = adopted or own or list(acts)
    refs: set[str] = set()
    for key in chosen:
        kind = kinds.get(key)
        if kind is not None:
            refs |= _refs(drafts.get(key) if kind.draft_from == "drafts" else model.get("acts", {}).get(key))
        refs |= _refs(acts[key])
    return Scope(tuple(chosen), frozenset(refs), bool(adopted))

"""``rsnms fidelity``: how closely each rendered adopted act reproduces its source text."""

from __future__ import annotations

from ..compare import fidelity
from ..compose import ACT_KINDS
from ..model.catalog import Catalog
from ..model.profile import Profile
from ..project import Project
from ..readers.docx import docx_text
from .region import RegionWork


def fidelity_table(project: Project, catalog: Catalog, profiles: list[Profile], minimum: float,
                   show_diff: bool) -> int:
    """Print a line per adopted act (and per region); return how many acts fall below ``minimum``."""
    below = 0
    print(f"{'регион':<10} {'акт':<20} {'сходство':>8} {'слов в акте':>12} {'слов в источнике':>17}")
    for profile in profiles:
        work = RegionWork(project, catalog, profile)
        rendered_all, source_all = [], []
        for key, doc in work.composed.documents.items():
            source = profile.data["acts"].get(key, {}).get("source")
            if doc.status != "adopted" or not source:
                continue
            rendered = docx_text(work.docx(key))
            original = fidelity.source_text(project.root, source)
            score = fidelity.similarity(rendered, original)
            rendered_all.append(rendered)
            source_all.append(original)
            below += score < minimum
            print(f"{profile.id:<10} {ACT_KINDS[key].slug:<20} {score:>8.4f} {len(fidelity.tokens(rendered)):>12} "
                  f"{len(fidelity.tokens(original)):>17}{'  < ' + str(minimum) if score < minimum else ''}")
            if show_diff:
                for line in fidelity.diff(rendered, original):
                    print("    " + line)
        if rendered_all:
            score = fidelity.similarity("\n".join(rendered_all), "\n".join(source_all))
            print(f"{profile.id:<10} {'(все принятые акты)':<20} {score:>8.4f}")
    return below

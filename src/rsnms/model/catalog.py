"""The federal layer every profile is read against: the model regulation, the registry of
federal acts, the draft skeletons, and the profile schema generated from them."""

from __future__ import annotations

from dataclasses import dataclass

from ..project import Project
from .profile import Profile


@dataclass
class Catalog:
    project: Project
    registry: dict          # acts/federal-acts.yaml
    model: Profile          # acts/model.yaml, normalized
    schema: dict            # the profile schema (regions/profile.schema.json)
    values: dict            # ids of the model and the registry a profile may refer to
    drafts: dict            # acts/drafts.yaml: skeletons of acts rsnms drafts

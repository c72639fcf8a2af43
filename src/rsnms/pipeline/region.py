"""One unit of work per region: composed once, each act rendered once, compared once.

:class:`RegionWork` computes what a build asks of a region lazily and keeps it, so the
acts stage, the comparison and the handbook share one composition and one rendering;
it depends only on its profile, the catalog and the templates (the build runs it as a job
of a process pool, :mod:`.regions`, and reuses its files when its profile did not change).
:class:`ModelWork` does the same for the model regulation.
"""

from __future__ import annotations

from functools import cached_property

from ..compare.align import Alignment, align
from ..compare.redline import redline, redline_date
from ..compare.scope import scope_of
from ..compare.view import View, build_view
from ..compose import ACT_KINDS, ComposedRegion, compose_model, compose_region
from ..model.catalog import Catalog
from ..model.document import Document
from ..model.profile import Profile
from ..project import Project
from ..writers import akn
from ..writers.docx import render
from ..writers.package import package

PACKAGE = "package.docx"
MODEL_SOURCE_ACT = "academy-2163"      # the registry's act that published the model regulation


class RegionWork:
    def __init__(self, project: Project, catalog: Catalog, profile: Profile, model: "ModelWork | None" = None):
        self.project = project
        self.catalog = catalog
        self.profile = profile
        self.model = model or ModelWork(project, catalog)
        self._docx: dict[str, bytes] = {}

    @property
    def id(self) -> str:
        return self.profile.id

    @cached_property
    def composed(self) -> ComposedRegion:
        return compose_region(self.profile.data, self.catalog.model.data, self.catalog.drafts, self.catalog.registry)

    def docx(self, key: str) -> bytes:
        """The rendered .docx of act ``key``."""
        if key not in self._docx:
            kind = ACT_KINDS[key]
            self._docx[key] = render(self.composed.documents[key], self.project.templates, kind.template)
        return self._docx[key]

    @cached_property
    def files(self) -> dict[str, bytes]:
        """File name → bytes of every act of the region, and the package of its order."""
        files = {f"{ACT_KINDS[key].slug}.docx": self.docx(key) for key in self.composed.documents}
        parts = self.composed.package
        if parts:
            files[PACKAGE] = package([self.composed.documents[key] for key in parts], self.project.templates,
                                     [ACT_KINDS[key].template for key in parts])
        return files

    @property
    def package_parts(self) -> list[str]:
        """The file names of the acts the package holds (the order, then its appendices)."""
        return [f"{ACT_KINDS[key].slug}.docx" for key in self.composed.package]

    @cached_property
    def akn(self) -> dict[str, bytes]:
        """File name → Akoma Ntoso XML of each act (the order's holds its appendices)."""
        place = akn.frbr_place(self.profile.data, self.project.federal_subjects)
        files = akn.region_files(self.composed.documents, self.composed.acts, self.composed.package, place,
                                 self.profile.data["authority"]["name"])
        return {f"{ACT_KINDS[key].slug}.xml": data for key, data in files.items()}

    @property
    def warnings(self) -> list[str]:
        return self.composed.warnings

    @cached_property
    def alignment(self) -> Alignment:
        model = self.catalog.model.data
        return align(self.profile.data, model, scope_of(self.composed.acts, ACT_KINDS, self.catalog.drafts, model))

    @cached_property
    def comparison(self) -> View:
        """The comparison as the report and the handbook show it."""
        return build_view(self.alignment, self.profile.data, self.catalog.model.data, self.composed.acts,
                          self.composed.documents, self.model.documents[0])

    @property
    def adopted_regulation(self) -> bool:
        return self.composed.acts.get("regulation", {}).get("status") == "adopted"

    def redline(self, author: str | None = None) -> bytes | None:
        """The adopted regulation as tracked changes against the model's (None: none adopted), by
        ``author`` (the region's education authority unless given)."""
        if not self.adopted_regulation:
            return None
        authority = self.profile.data["authority"]["name"]
        return redline(self.model.documents[0], self.composed.documents["regulation"], self.alignment,
                       self.project.templates, author or authority[:1].upper() + authority[1:],
                       redline_date(self.composed.acts, "regulation"))


class ModelWork:
    """The model regulation with its roadmap template (its appendix), composed once and rendered
    once, as one package."""

    def __init__(self, project: Project, catalog: Catalog):
        self.project = project
        self.catalog = catalog

    @cached_property
    def documents(self) -> list[Document]:
        return compose_model(self.catalog.model.data, self.catalog.drafts, self.catalog.registry)

    @cached_property
    def regulation(self) -> bytes:
        """The model regulation alone (a redline with every change rejected reads as it)."""
        return render(self.documents[0], self.project.templates, ACT_KINDS[self.documents[0].key].template)

    @cached_property
    def akn(self) -> bytes:
        """The model regulation with its roadmap template as Akoma Ntoso, identified by the Academy's
        letter that published it (in the registry of federal acts)."""
        source = next((a for a in self.catalog.registry["acts"] if a["id"] == MODEL_SOURCE_ACT), {})
        return akn.model_file(self.documents, source.get("date"), source.get("number"))

    @cached_property
    def package(self) -> bytes:
        """What ``build/acts/model/regulation.docx`` holds: the regulation and its roadmap template."""
        return package(self.documents[:2], self.project.templates,
                       [ACT_KINDS[doc.key].template for doc in self.documents[:2]])

"""Writers for machines: the normalized profile as JSON or YAML text."""

from __future__ import annotations

import io
import json

from ruamel.yaml import YAML

from ..model.profile import Profile

def to_json(profile: Profile) -> str:
    return json.dumps(profile.data, ensure_ascii=False, indent=2) + "\n"


def yaml_text(data: dict, header: str = "") -> str:
    """Block-style YAML 1.2 of plain data, Unicode kept, long lines not folded."""
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    yaml.allow_unicode = True
    yaml.width = 100_000
    yaml.sort_base_mapping_type_on_output = False
    yaml.indent(mapping=2, sequence=4, offset=2)
    buffer = io.StringIO()
    yaml.dump(data, buffer)
    return header + buffer.getvalue()


def to_yaml(profile: Profile) -> str:
    return yaml_text(profile.data)


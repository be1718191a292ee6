"""The editor schemas point at the same definitions the build uses, and the editor settings cover every file."""

from __future__ import annotations

import json
from fnmatch import fnmatch

from conftest import PROJECT
from working_together.load.schema import KINDS

SCHEMA_DIR = PROJECT / "plugins/working_together/schema"


def test_there_is_one_editor_schema_per_kind_and_each_refers_to_its_definition() -> None:
    """Editors get completion and errors from exactly the definitions the build validates against."""
    root = json.loads((SCHEMA_DIR / "guidance.schema.json").read_text())
    for kind in KINDS:
        wrapper = json.loads((SCHEMA_DIR / "editor" / f"{kind}.schema.json").read_text())
        assert wrapper["$ref"] == f"../guidance.schema.json#/$defs/{kind}"
        assert kind in root["$defs"]


def test_the_workspace_settings_map_every_yaml_file_to_a_schema() -> None:
    """No guidance or tree file is left without editor checking."""
    settings = json.loads((PROJECT / ".vscode/settings.json").read_text())["yaml.schemas"]
    files = [*PROJECT.glob("guidance/**/*.yml"), *PROJECT.glob("decision_trees/*.yml")]
    for path in files:
        relative = path.relative_to(PROJECT).as_posix()
        assert any(fnmatch(relative, pattern) for pattern in settings.values()), relative

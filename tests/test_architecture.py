"""The dependency rule and the public surface, pinned."""

from __future__ import annotations

import ast
import importlib.util
from pathlib import Path

import pytest

import gevinst.assistant
import gevinst.calculators
import gevinst.eval
import gevinst.index
import gevinst.ingest

SRC = Path(__file__).resolve().parents[1] / "src" / "gevinst"


# Which layers each layer may import. `shared` is the small text modules every layer uses; `ingest` is allowed
# in `ui` only through its public package (the upload page indexes a file).
LAYERS = ("ingest", "index", "assistant", "calculators", "ui", "eval")
SHARED = {"danish_numbers", "sentences", "types", "settings", "py"}
ALLOWED: dict[str, set[str]] = {
    "shared": {"shared"},
    "calculators": {"shared"},
    "index": {"shared"},
    "ingest": {"index", "shared"},
    "assistant": {"index", "calculators", "shared"},
    "eval": {"assistant", "shared"},
    "ui": {"assistant", "calculators", "shared", "ingest-public"},
    "cli": {*LAYERS, "shared", "ingest-public", "cli"},
}


def layer_of_module(module: str) -> str | None:
    """gevinst.assistant.routing → assistant; gevinst.settings → shared; other packages → None."""
    parts = module.split(".")
    if parts[0] != "gevinst":
        return None
    if len(parts) == 1:
        return "root"
    if parts[1] in LAYERS:
        return "ingest-public" if parts[1:] == ["ingest"] else parts[1]
    if parts[1] in SHARED:
        return "shared"
    return "cli"


def _module_name(path: Path, root: Path) -> str:
    rel = path.relative_to(root.parent).with_suffix("")
    parts = list(rel.parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(source: str, module: str, is_package: bool) -> set[str]:
    """Every module a source imports: import, from-import (absolute and relative, `from gevinst import ingest`
    as gevinst.ingest), and importlib.import_module / __import__ with a literal name."""
    package = module if is_package else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*anchor, *([base] if base else [])])
            found.add(base)
            if node.module is None or base == "gevinst":  # `from gevinst import ingest`, `from .. import eval`
                found |= {f"{base}.{a.name}" for a in node.names if a.name != "*"}
        elif isinstance(node, ast.Call) and _dynamic_import(node) and node.args:
            arg = node.args[0]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                anchor = node.args[1] if len(node.args) > 1 else None
                base = anchor.value if isinstance(anchor, ast.Constant) and isinstance(anchor.value, str) else package
                found.add(importlib.util.resolve_name(arg.value, base) if arg.value.startswith(".") else arg.value)
    return found


def _dynamic_import(node: ast.Call) -> bool:
    f = node.func
    name = f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else ""
    return name in {"import_module", "__import__"}


def _layer_of_file(module: str) -> str:
    layer = layer_of_module(module)
    return {"ingest-public": "ingest", "root": "shared"}.get(layer or "", layer or "shared")


def violations(files: dict[str, tuple[str, bool]]) -> list[str]:
    """(module → (source, is_package)) → the imports that break the layer rule."""
    out = []
    for module, (source, is_package) in files.items():
        own = _layer_of_file(module)
        for target in imported_modules(source, module, is_package):
            layer = layer_of_module(target)
            if layer is None or layer == "root" or layer == own or (layer, own) == ("ingest-public", "ingest"):
                continue
            allowed = ALLOWED.get(own, set())
            if layer not in allowed and not (layer == "ingest-public" and "ingest" in allowed):
                out.append(f"{module} → {target}")
    return out


def _project_files() -> dict[str, tuple[str, bool]]:
    return {_module_name(p, SRC): (p.read_text(encoding="utf-8"), p.name == "__init__.py") for p in SRC.rglob("*.py")}


def _imports(package: str) -> set[str]:
    found: set[str] = set()
    for module, (source, is_package) in _project_files().items():
        if module.startswith(f"gevinst.{package}"):
            found |= imported_modules(source, module, is_package)
    return found


def test_the_project_keeps_the_layer_rule() -> None:
    assert violations(_project_files()) == []


INJECTED = [
    ("absolute", "gevinst.index.store", "import gevinst.assistant"),
    ("from-module", "gevinst.index.store", "from gevinst.assistant.routing import choose"),
    ("from-package", "gevinst.assistant.routing", "from gevinst import ingest"),
    ("from-package-ui", "gevinst.assistant.routing", "from gevinst import ui"),
    ("relative-sibling", "gevinst.assistant.routing", "from ..ingest import pipeline"),
    ("relative-package", "gevinst.assistant.routing", "from .. import eval"),
    ("relative-in-init", "gevinst.index", "from ..assistant import service"),
    ("importlib", "gevinst.calculators.spec", "import importlib\nimportlib.import_module('gevinst.assistant')"),
    (
        "from-importlib",
        "gevinst.calculators.spec",
        "from importlib import import_module\nimport_module('gevinst.ui.app')",
    ),
    ("dunder-import", "gevinst.index.cache", "__import__('gevinst.ingest.pipeline')"),
    (
        "relative-importlib",
        "gevinst.index.cache",
        "import importlib\nimportlib.import_module('..eval', 'gevinst.index')",
    ),
    ("shared-to-upper", "gevinst.types", "from gevinst.assistant import Answer"),
    ("shared-relative", "gevinst.danish_numbers", "from .calculators import spec"),
    ("in-function", "gevinst.ingest.pipeline", "def f():\n    from gevinst.assistant import service"),
    ("ui-to-index", "gevinst.ui.documents_page", "from gevinst.index.store import open_collection"),
    ("ui-ingest-internals", "gevinst.ui.documents_page", "from gevinst.ingest.pipeline import run"),
    ("eval-to-ingest", "gevinst.eval.runner", "from gevinst.ingest import ingest"),
]


@pytest.mark.parametrize(("module", "source"), [c[1:] for c in INJECTED], ids=[c[0] for c in INJECTED])
def test_every_form_of_a_wrong_import_is_caught(module: str, source: str) -> None:
    is_package = module in {"gevinst.index", "gevinst.assistant"}
    assert violations({module: (source.replace("\\n", "\n"), is_package)}), source


def test_allowed_imports_pass() -> None:
    allowed = {
        "gevinst.ui.documents_page": (
            "from gevinst.ingest import ingest\nfrom gevinst.assistant import build_assistant",
            False,
        ),
        "gevinst.assistant.routing": ("from ..calculators import SPECS\nfrom . import lexicon", False),
        "gevinst.eval.runner": (
            "from gevinst.assistant import Assistant\nfrom gevinst.settings import Settings",
            False,
        ),
    }
    assert violations(allowed) == []


def test_public_surface() -> None:
    assert set(gevinst.assistant.__all__) == {
        "Answer",
        "Assistant",
        "IndexMissing",
        "answer",
        "build_assistant",
        "get_assistant",
        "library",
    }
    assert set(gevinst.ingest.__all__) == {"IndexBusy", "IngestError", "IngestReport", "ingest"}
    assert "build_embeddings" in gevinst.index.__all__ and "open_index" in gevinst.index.__all__
    assert {"fte_savings", "business_case", "run_calculator"} <= set(gevinst.calculators.__all__)
    assert {"load_bank", "run_bank", "score"} <= set(gevinst.eval.__all__)


def test_unknown_backend_names_the_available_ones() -> None:
    import pytest

    from gevinst.index import build_embeddings
    from gevinst.settings import EmbeddingSettings

    with pytest.raises(ValueError, match="available: e5, hash, sentence-transformers"):
        build_embeddings(EmbeddingSettings(backend="word2vec"))


def test_settings_come_from_the_environment(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from gevinst.settings import Settings

    monkeypatch.setenv("GEVINST_LLM__BACKEND", "ollama")
    monkeypatch.setenv("GEVINST_RETRIEVAL__TOP_K", "9")
    s = Settings()
    assert s.llm.backend == "ollama" and s.retrieval.top_k == 9 and s.ui.host == "127.0.0.1"

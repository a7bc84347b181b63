"""The calculator page in a real browser (Playwright driving Debian's chromium) against `gevinst ui`: every kind
of bad input gets a Danish message and no traceback, a calculation shows Danish numbers, and two scenarios are
compared. The page needs no index, so the app runs on an empty one with the hash embedder. Screenshots at
1366×768 and 390×844 go to artifacts/screenshots/."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .app_server import launch_chromium, running_app

pytestmark = pytest.mark.browser
SHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
DESKTOP = {"width": 1366, "height": 768}
PHONE = {"width": 390, "height": 844}
SALARY = "Månedsløn (kr.) *"  # hourly_cost, the first calculator

BAD_INPUT = [  # (id, what is typed in the salary field, what the message must say)
    ("empty", "", "Udfyld de markerede felter: Månedsløn"),
    ("not-a-number", "tredive tusind", "«tredive tusind» er ikke et tal"),
    ("negative", "-35000", "Månedsløn: skal være større end 0 kr."),
    ("huge", "1e30", "Månedsløn: må højst være 10.000.000 kr."),
    ("nan", "NaN", "«NaN» er ikke et tal"),
]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    tmp = tmp_path_factory.mktemp("calc-ui")
    with running_app(tmp / "index", tmp / "data", "hash") as url:
        yield url


@pytest.fixture(scope="module")
def page(server: str) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = launch_chromium(p, "--lang=da-DK")
        tab = browser.new_page(viewport=DESKTOP, locale="da-DK")
        tab.goto(server)
        tab.get_by_text("Beregninger", exact=True).click(timeout=60_000)
        _field(tab, SALARY).wait_for(timeout=60_000)
        yield tab
        browser.close()


def _field(page: Any, label: str) -> Any:
    return page.get_by_role("textbox", name=label)  # a field's help button carries its label too


def _calculate(page: Any) -> None:
    page.get_by_role("button", name="Beregn").click()
    page.wait_for_timeout(300)
    page.wait_for_function("!document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=30_000)


def _no_traceback(page: Any) -> None:
    body = page.inner_text("body")
    assert "Traceback" not in body and "Error" not in body, body[-2000:]
    assert page.locator("[data-testid='stException']").count() == 0


def _shoot(page: Any, name: str, focus: Any) -> None:
    """What a person sees with `focus` scrolled into view (Streamlit scrolls inside its main pane, so a
    full-page shot would show no more than the window)."""
    focus.scroll_into_view_if_needed()
    page.wait_for_timeout(400)
    width = page.viewport_size["width"]
    page.screenshot(path=str(SHOTS / f"calc-{name}-{width}.png"))


@pytest.mark.parametrize(("typed", "message"), [c[1:] for c in BAD_INPUT], ids=[c[0] for c in BAD_INPUT])
def test_bad_input_gets_a_danish_message(page: Any, typed: str, message: str) -> None:
    from playwright.sync_api import expect

    _field(page, SALARY).fill(typed)
    _calculate(page)
    alert = page.locator("[data-testid='stAlertContentError']").first
    expect(alert).to_contain_text(message, timeout=30_000)
    expect(page.locator("[data-testid='stMetric']")).to_have_count(0)
    _no_traceback(page)
    if typed == "":
        _shoot(page, "missing", alert)


def test_calculation_is_shown_in_danish_and_scenarios_compared(page: Any) -> None:
    from playwright.sync_api import expect

    page.get_by_test_id("stSelectbox").first.scroll_into_view_if_needed()
    page.get_by_test_id("stSelectbox").first.click()
    page.get_by_role("option", name="Besparelse ved færre årsværk").click()
    for label, text in (
        ("Årsværk på opgaven", "12"),
        ("Månedsløn", "30.000"),
        ("Effektivisering", "40"),
        ("Indfasning", "2"),
    ):
        _field(page, label).first.fill(text)
    _shoot(page, "form", page.get_by_test_id("stSelectbox").first)
    _calculate(page)
    expect(page.locator("[data-testid='stMetricValue']")).to_have_text("2.597.760 kr.", timeout=30_000)
    expect(page.get_by_text("12 årsværk × 541.200 kr. × 40 % = 2.597.760 kr.", exact=False)).to_be_visible()
    expect(page.get_by_role("cell", name="1.298.880 kr.").first).to_be_visible()
    expect(page.locator("[data-testid='stVegaLiteChart']").first).to_be_visible(timeout=30_000)
    _shoot(page, "result", page.locator("[data-testid='stMetric']"))
    _shoot(page, "result-chart", page.locator("[data-testid='stVegaLiteChart']").first)
    _field(page, "Navn på scenariet").fill("40 % effektivisering")
    page.get_by_role("button", name="Gem til sammenligning").click()
    _field(page, "Effektivisering").first.fill("25")
    _calculate(page)
    expect(page.locator("[data-testid='stMetricValue']")).to_have_text("1.623.600 kr.", timeout=30_000)
    _field(page, "Navn på scenariet").fill("25 % effektivisering")
    page.get_by_role("button", name="Gem til sammenligning").click()
    compared = page.locator("[data-testid='stTable']").last
    expect(compared).to_contain_text("Besparelse pr. år ved fuld effekt: 2.597.760 kr.", timeout=30_000)
    expect(compared).to_contain_text("Besparelse pr. år ved fuld effekt: 1.623.600 kr.")
    expect(page.locator("[data-testid='stVegaLiteChart']")).to_have_count(2)
    page.wait_for_timeout(1500)  # let Vega draw the axes before the screenshot
    _no_traceback(page)
    for size in (DESKTOP, PHONE):
        page.set_viewport_size(size)
        _shoot(page, "scenarios", compared)
        _shoot(page, "scenarios-chart", page.locator("[data-testid='stVegaLiteChart']").last)
        _shoot(page, "result", page.locator("[data-testid='stMetric']"))
    _field(page, "Årsværk på opgaven").fill("")  # the phone's view of a message
    _calculate(page)
    alert = page.locator("[data-testid='stAlertContentError']").first
    expect(alert).to_contain_text("Udfyld de markerede felter: Årsværk på opgaven", timeout=30_000)
    _no_traceback(page)
    _shoot(page, "missing", alert)
    page.set_viewport_size(DESKTOP)

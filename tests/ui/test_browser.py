"""A real browser (Playwright driving Debian's chromium) against `gevinst ui` on the shipped corpus, at laptop
(1366×768) and phone (390×844) width: the manager's first visit, an example question, a follow-up, a refusal,
a reload and «Vis siden»; the consultant's catalogue filter, an answer, a scenario and proposals put into the
brief, one removed again, and the Word handout opened with python-docx. Screenshots go to artifacts/screenshots/
(not committed)."""

from __future__ import annotations

import io
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .app_server import launch_chromium, running_app, settled

pytestmark = [pytest.mark.browser, pytest.mark.slow]
SHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
SIZES = {"laptop": (1366, 768), "phone": (390, 844)}
ANSWER_S = 120_000  # the first answer loads the model


@pytest.fixture(scope="module")
def server(real_settings) -> Iterator[str]:  # type: ignore[no-untyped-def]
    with running_app(real_settings.index_dir, real_settings.data_dir, "e5") as url:
        yield url


@pytest.fixture(params=list(SIZES), ids=list(SIZES))
def page(request: pytest.FixtureRequest, server: str) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    width, height = SIZES[request.param]
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = launch_chromium(p)
        tab = browser.new_page(viewport={"width": width, "height": height}, accept_downloads=True)
        tab.width_name = request.param
        tab.goto(server)
        tab.get_by_text("Rapporterne på hylden").wait_for(timeout=ANSWER_S)
        yield tab
        browser.close()


def shot(page: Any, name: str) -> None:
    """The whole page at the tab's width: the viewport grows to the content's height for the picture."""
    time.sleep(0.5)  # let charts and fonts settle
    width, height = SIZES[page.width_name]
    tallest = page.evaluate("() => Math.max(...Array.from(document.querySelectorAll('*')).map(e => e.scrollHeight))")
    page.set_viewport_size({"width": width, "height": max(height, min(int(tallest) + 40, 12_000))})
    time.sleep(0.5)
    page.screenshot(path=str(SHOTS / f"{page.width_name}-{name}.png"))
    page.set_viewport_size({"width": width, "height": height})


def ask(page: Any, question: str) -> None:
    box = page.get_by_placeholder("Spørg om rapporterne …")
    box.fill(question)
    box.press("Enter")


def pick(page: Any, box: str, typed: str, option: str) -> None:
    """Choose in a select box by typing part of the option, then clicking it in the narrowed list."""
    from playwright.sync_api import expect

    field = page.get_by_role("combobox", name=box)
    field.click()
    field.fill(typed)
    choice = page.get_by_role("option", name=option)
    expect(choice).to_be_visible(timeout=10_000)
    choice.click()


def go(page: Any, name: str) -> None:
    """The navigation is a group of radio buttons along the top (Streamlit's pills)."""
    settled(page)
    page.get_by_role("radiogroup", name="Side").get_by_role("radio", name=name, exact=True).click()


def pin(page: Any) -> None:
    """Tick the one «Tag med i brief» box in view, on the page as drawn, and see it ticked once the run ends."""
    from playwright.sync_api import expect

    settled(page)
    page.get_by_text("Tag med i brief", exact=True).click()
    settled(page)
    boxes = page.get_by_role("checkbox", name="Tag med i brief", exact=True)
    expect(boxes).to_have_count(1, timeout=30_000)  # the box redrawn in its place, not a second one beside it
    expect(boxes).to_be_checked(timeout=30_000)


# Sets window.__sawSearching once the page shows the search status, however briefly.
_WATCH_FOR_SEARCHING = """() => {
  window.__sawSearching = false;
  const seen = () => { if (document.body.innerText.includes("Søger i rapporterne")) window.__sawSearching = true; };
  new MutationObserver(seen).observe(document.body, {subtree: true, childList: true, characterData: true});
}"""


def test_manager_first_visit_example_follow_up_refusal_reload_and_page(page: Any) -> None:
    from playwright.sync_api import expect

    examples = page.locator("[class*='st-key-example-'] button")
    expect(examples).to_have_count(5)
    expect(page.get_by_text("Kommunale veje til effektivisering – KLK og 11 kommuner", exact=False)).to_be_visible()
    shot(page, "manager-01-first-visit")
    # the search status may come and go between two polls when the answer is fast: record whether it was shown
    page.evaluate(_WATCH_FOR_SEARCHING)
    page.get_by_role("button", name="Hvad sparede Ringkøbing-Skjern ved at samle debitoropgaverne?").click()
    expect(page.get_by_text("3,5 mio. kr.", exact=False).first).to_be_visible(timeout=ANSWER_S)
    assert page.evaluate("() => window.__sawSearching"), "the manager was never told the reports are searched"
    expect(page.get_by_text("Kommunale veje til effektivisering · s. 17", exact=False).first).to_be_visible()
    expect(page.get_by_text("Rapporterne på hylden")).to_have_count(0)
    shot(page, "manager-02-example-answer")

    ask(page, "Hvilket effektiviseringspotentiale forventer KOMBIT og KL for KSD?")
    expect(page.get_by_text("Kilder", exact=True)).to_have_count(2, timeout=ANSWER_S)
    ask(page, "og for KY?")
    expect(page.get_by_text("Kilder", exact=True)).to_have_count(3, timeout=ANSWER_S)
    follow_up = page.locator("[data-testid='stChatMessage']").nth(5)
    expect(follow_up).to_contain_text("20 % for KY")
    expect(follow_up).to_contain_text("afsnit")  # the KOMBIT report has no pages: its section stands instead
    expect(page.get_by_text("Side –", exact=False)).to_have_count(0)
    shot(page, "manager-03-follow-up")

    ask(page, "Hvad koster en ny svømmehal i Aalborg?")
    expect(page.get_by_text("Rapporterne besvarer ikke spørgsmålet")).to_be_visible(timeout=ANSWER_S)
    expect(page.get_by_text("Et afvist spørgsmål kan ikke tages med i brief.")).to_be_visible()
    shot(page, "manager-04-refusal")

    page.reload()
    expect(page.get_by_text("og for KY?", exact=True)).to_be_visible(timeout=ANSWER_S)
    expect(page.get_by_text("Hvad koster en ny svømmehal i Aalborg?", exact=True)).to_be_visible()
    page.get_by_role("button", name="Vis siden").first.click()
    expect(page.locator("mark").first).to_be_visible(timeout=60_000)
    expect(page.get_by_text("Side 17", exact=False).first).to_be_visible()
    shot(page, "manager-05-page-with-passage")


def test_consultant_catalogue_brief_and_word_handout(page: Any, tmp_path: Path) -> None:
    from docx import Document
    from playwright.sync_api import expect

    page.get_by_role("button", name="Hvad sparede Ringkøbing-Skjern ved at samle debitoropgaverne?").click()
    expect(page.get_by_text("3,5 mio. kr.", exact=False).first).to_be_visible(timeout=ANSWER_S)
    pin(page)
    ask(page, "Hvad sparer vi ved 12 årsværk med en månedsløn på 30.000 kr. og 40 % effektivisering?")
    expect(page.get_by_text("2.597.760 kr.", exact=False).first).to_be_visible(timeout=ANSWER_S)
    page.get_by_text("Tag scenariet med i brief", exact=True).click()
    shot(page, "consultant-01-calculation")

    go(page, "Forslagskatalog")
    expect(page.get_by_text("52 forslag i 8 områder", exact=False)).to_be_visible(timeout=60_000)
    expect(page.get_by_role("combobox", name="Åbn forslag")).to_be_visible(timeout=60_000)  # the page is drawn
    pick(page, "Område", "Voksen", "Voksen handicap og psykiatri")
    page.keyboard.press("Escape")
    card = page.locator("[class*='st-key-'] h4, h4").filter(has_text="Styrket myndighedssagsbehandling")
    expect(card.first).to_be_visible(timeout=30_000)
    expect(page.get_by_text("Tag med i brief", exact=True)).to_have_count(1, timeout=30_000)
    pin(page)
    shot(page, "consultant-02-catalogue-filtered")
    pick(page, "Åbn forslag", "videomøder", "Øget brug af videomøder")
    expect(page.locator("h4").filter(has_text="Øget brug af videomøder").first).to_be_visible(timeout=30_000)
    expect(page.get_by_text("Tag med i brief", exact=True)).to_have_count(1, timeout=30_000)  # the old card gone
    pin(page)

    go(page, "Workshop-brief")
    expect(page.get_by_text("Forslag: Øget brug af videomøder")).to_be_visible(timeout=30_000)
    page.locator("[class*='st-key-remove-p-'] button").last.click()
    expect(page.get_by_text("Forslag: Øget brug af videomøder")).to_have_count(0, timeout=30_000)
    expect(page.get_by_text("Scenarie: Besparelse pr. år ved fuld effekt", exact=False).first).to_be_visible()
    shot(page, "consultant-03-brief")
    with page.expect_download() as download:
        page.get_by_role("button", name="Hent som Word").click()
    target = tmp_path / "brief.docx"
    download.value.save_as(target)

    go(page, "Spørg")  # the boxes show what the brief holds after a page switch
    expect(page.get_by_label("Tag med i brief").first).to_be_checked(timeout=30_000)

    doc = Document(io.BytesIO(target.read_bytes()))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert headings[0] == "Workshop-brief" and "Spørgsmål og svar" in headings and "Kilder" in headings
    assert {"Scenarier", "Antagelser", "Valgte forslag"} <= set(headings)
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Hvad sparede Ringkøbing-Skjern ved at samle debitoropgaverne?" in text
    assert "Kommunale veje til effektivisering, s. 17" in text and "3,5 mio. kr." in text
    assumptions = next(t for t in doc.tables if t.rows[0].cells[0].text == "Antagelse")
    rows = {r.cells[0].text: r.cells[1].text for r in assumptions.rows[1:]}
    assert rows["Månedsløn"] == "30.000 kr." and rows["Effektivisering"] == "40 %"
    chosen = next(t for t in doc.tables if t.rows[0].cells[0].text == "Forslag")
    assert [r.cells[0].text for r in chosen.rows[1:]] == ["Styrket myndighedssagsbehandling"]
    assert len(doc.inline_shapes) >= 1  # the scenario's chart
    assert "fte_savings" not in text and "kombit-2014" not in text

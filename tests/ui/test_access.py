"""Access to the browser app fails closed: a misspelt auth mode or a half-configured login stops it with one line
saying what to set; the model's API key reaches the model."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import ValidationError
from streamlit.testing.v1 import AppTest

from gevinst.ingest import ingest
from gevinst.settings import Settings

from ..conftest import free_port

APP = str(Path(__file__).resolve().parents[2] / "src" / "gevinst" / "ui" / "app.py")
MISSPELT = ["Password", "passwd", "password ", "PASSWORD", "OIDC", ""]
OIDC_SECRETS = {
    "redirect_uri": "http://localhost:8501/oauth2callback",
    "cookie_secret": "en-lang-tilfældig-streng",
    "client_id": "gevinst",
    "client_secret": "hemmelig",
    "server_metadata_url": "https://login.example.dk/.well-known/openid-configuration",
}


def _app(settings: Settings, monkeypatch: pytest.MonkeyPatch, secrets: dict | None = None, **env: str) -> AppTest:  # type: ignore[type-arg]
    monkeypatch.setenv("GEVINST_INDEX_DIR", str(settings.index_dir))
    monkeypatch.setenv("GEVINST_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("GEVINST_EMBEDDING__BACKEND", "hash")
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    at = AppTest.from_file(APP, default_timeout=60)
    if secrets:
        at.secrets["auth"] = secrets
    at.run()
    assert not at.exception, at.exception
    return at


@pytest.mark.parametrize("mode", MISSPELT)
def test_a_misspelt_auth_mode_is_refused(mode: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GEVINST_UI__AUTH", mode)
    with pytest.raises(ValidationError):
        Settings()


def test_a_misspelt_auth_mode_stops_start_in_one_line(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "GEVINST_UI__AUTH": "Password",
        "GEVINST_UI__PASSWORD": "kodeord",
        "GEVINST_UI__PORT": str(free_port()),
        "GEVINST_INDEX_DIR": str(tmp_path / "index"),
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "gevinst.cli", "ui"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        _, err = proc.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGTERM)  # it started the app: the failure this test is about
        proc.communicate()
        pytest.fail("gevinst ui started with GEVINST_UI__AUTH=Password")
    assert proc.returncode == 2 and len(err.strip().splitlines()) == 1, err
    assert err.startswith("Fejl i indstillingerne: GEVINST_UI__AUTH: ")
    assert "'none', 'password' or 'oidc'" in err and "(fik 'Password')" in err


def test_password_mode_without_a_password_stops_start() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "gevinst.cli", "calc", "list"],
        capture_output=True,
        text=True,
        env={**os.environ, "GEVINST_UI__AUTH": "password", "GEVINST_UI__PASSWORD": ""},
    )
    assert run.returncode == 2 and run.stderr.strip() == (
        "Fejl i indstillingerne: GEVINST_UI__PASSWORD: mangler; GEVINST_UI__AUTH=password kræver en adgangskode"
    )


@pytest.mark.parametrize("mode", ["Password", "password "])
def test_the_app_with_a_misspelt_auth_mode_shows_only_the_error(
    settings: Settings, small_corpus: Path, monkeypatch: pytest.MonkeyPatch, mode: str
) -> None:
    ingest([small_corpus], settings)
    at = _app(settings, monkeypatch, GEVINST_UI__AUTH=mode, GEVINST_UI__PASSWORD="kodeord")
    assert not at.chat_input and not at.pills
    assert at.error[0].value.startswith("Fejl i indstillingerne: GEVINST_UI__AUTH: ")


def test_oidc_without_an_auth_section_says_what_to_set(
    settings: Settings, small_corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ingest([small_corpus], settings)
    at = _app(settings, monkeypatch, GEVINST_UI__AUTH="oidc")
    assert not at.chat_input and not at.button and not at.pills
    message = at.error[0].value
    assert "[auth]" in message and ".streamlit/secrets.toml" in message
    assert all(key in message for key in OIDC_SECRETS)


def test_oidc_with_an_auth_section_asks_to_log_in(
    settings: Settings, small_corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ingest([small_corpus], settings)
    at = _app(settings, monkeypatch, secrets=OIDC_SECRETS, GEVINST_UI__AUTH="oidc")
    assert not at.error and not at.chat_input and at.button[0].label == "Log ind"
    partial = {k: v for k, v in OIDC_SECRETS.items() if k != "cookie_secret"}
    at = _app(settings, monkeypatch, secrets=partial, GEVINST_UI__AUTH="oidc")
    assert not at.button and "cookie_secret" in at.error[0].value


def test_the_apps_assistant_sends_the_real_api_key(
    settings: Settings, small_corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ..assistant.scripted_server import ScriptedServer

    ingest([small_corpus], settings)
    with ScriptedServer() as server:
        server.replies.append({"content": "Nordfyns Kommune nåede en e-handelsgrad på 52 % [1]."})
        at = _app(
            settings,
            monkeypatch,
            GEVINST_LLM__BACKEND="openai",
            GEVINST_LLM__MODEL="scripted",
            GEVINST_LLM__BASE_URL=f"http://127.0.0.1:{server.port}/v1",
            GEVINST_LLM__API_KEY="sk-den-rigtige-noegle",
            GEVINST_LLM__MAX_RETRIES="0",
        )
        at.chat_input[0].set_value("Hvilken e-handelsgrad nåede Nordfyns Kommune?").run()
    assert not at.exception and server.authorizations == ["Bearer sk-den-rigtige-noegle"]


def test_the_cache_key_tells_keys_apart_without_showing_them(settings: Settings) -> None:
    from gevinst.settings import LLMSettings
    from gevinst.ui.services import settings_key

    a, b = (settings.model_copy(update={"llm": LLMSettings(backend="openai", api_key=key)}) for key in ("sk-a", "sk-b"))
    assert settings_key(a) != settings_key(b) and settings_key(a) == settings_key(a.model_copy())
    assert "sk-a" not in settings_key(a)

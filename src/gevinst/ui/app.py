"""Gevinst in the browser: a thin Streamlit shell. Logic lives in gevinst.assistant and gevinst.calculators."""

from __future__ import annotations

import hmac

import streamlit as st
from pydantic import ValidationError

from gevinst.assistant import IndexMissing
from gevinst.assistant.local_model import ModelMissing
from gevinst.settings import AuthMode, Settings, settings_error
from gevinst.ui import brief_page, calculator_page, catalogue_page, chat_page, documents_page, state
from gevinst.ui.access import oidc_problem
from gevinst.ui.services import current_settings, get_assistant
from gevinst.ui.texts import t


def _authorised(auth: AuthMode, password: str, lang: str) -> bool:
    """auth=oidc uses Streamlit's built-in login (configured in .streamlit/secrets.toml [auth]);
    auth=password asks for the shared password."""
    if auth is AuthMode.OIDC:
        if problem := oidc_problem(st.secrets):
            st.error(problem)
            return False
        if not st.user.get("is_logged_in"):
            st.button("Log ind", on_click=st.login)
            return False
        return True
    if auth is not AuthMode.PASSWORD or st.session_state.get("authorised"):
        return True
    given = st.text_input(t(lang, "password"), type="password")
    if given and password and hmac.compare_digest(given.encode(), password.encode()):
        st.session_state.authorised = True
        st.rerun()
    elif given:
        st.error(t(lang, "wrong_password"))
    return False


PAGES = ("chat", "calc", "docs", "catalogue", "brief")


def _navigation(lang: str) -> str:
    """The pages as buttons along the top: always in view, also at phone width, and nothing to close after
    a choice. The page is kept in the URL (?side=…) so a reload returns to it."""
    if st.session_state.get("page") not in PAGES:
        wanted = st.query_params.get("side", "")
        st.session_state.page = wanted if wanted in PAGES else "chat"
    st.caption(t(lang, "brand"))
    st.pills(
        t(lang, "nav"),
        PAGES,
        format_func=lambda page: t(lang, page),
        key="page",
        required=True,
        label_visibility="collapsed",
    )
    st.query_params["side"] = st.session_state.page
    return str(st.session_state.page)


def _titles(settings: Settings) -> dict[str, str]:
    try:
        return chat_page.titles_of(get_assistant(settings))
    except IndexMissing:
        return {}


def main() -> None:
    st.set_page_config(page_title="Gevinst", page_icon="📊", layout="wide")
    try:
        settings = current_settings()
    except ValidationError as exc:  # a misspelt setting (auth mode) stops the app, it never opens it
        st.error(settings_error(exc))
        return
    lang = settings.ui.language
    if not _authorised(settings.ui.auth, settings.ui.password.get_secret_value(), lang):
        return
    state.restore(settings)
    try:
        page = _navigation(lang)
        if page == "calc":
            calculator_page.calculators(lang)
        elif page == "brief":
            brief_page.brief(lang, _titles(settings))
        else:
            try:
                assistant = get_assistant(settings)
            except IndexMissing:
                st.warning(t(lang, "no_index"))
                return
            except ModelMissing as exc:  # GEVINST_LLM__BACKEND=llamacpp without the extra: the one line the CLI says
                st.warning(str(exc))
                return
            pages = {"chat": chat_page.chat, "docs": documents_page.documents, "catalogue": catalogue_page.catalogue}
            pages[page](assistant, settings, lang)
    finally:
        state.save(settings)


main()

"""Gevinst in the browser: a thin Streamlit shell. Logic lives in gevinst.assistant and gevinst.calculators."""

from __future__ import annotations

import hmac

import streamlit as st

from gevinst.assistant import IndexMissing
from gevinst.assistant.local_model import ModelMissing
from gevinst.ui import calculator_page, pages
from gevinst.ui.services import current_settings, get_assistant
from gevinst.ui.texts import t


def _authorised(auth: str, password: str, lang: str) -> bool:
    """auth=oidc uses Streamlit's built-in login (configured in .streamlit/secrets.toml [auth]);
    auth=password asks for the shared password."""
    if auth == "oidc":
        if not st.user.is_logged_in:
            st.button("Log ind", on_click=st.login)
            return False
        return True
    if auth != "password" or st.session_state.get("authorised"):
        return True
    given = st.text_input(t(lang, "password"), type="password")
    if given and password and hmac.compare_digest(given.encode(), password.encode()):
        st.session_state.authorised = True
        st.rerun()
    elif given:
        st.error(t(lang, "wrong_password"))
    return False


def main() -> None:
    settings = current_settings()
    lang = settings.ui.language
    st.set_page_config(page_title="Gevinst", page_icon="📊", layout="wide")
    st.title(t(lang, "title"))
    if not _authorised(settings.ui.auth, settings.ui.password.get_secret_value(), lang):
        return
    st.session_state.setdefault("brief", [])
    choices = {key: t(lang, key) for key in ("chat", "calc", "docs", "catalogue", "brief")}
    page = st.sidebar.radio(t(lang, "nav"), list(choices), format_func=choices.get, key="page")
    if page == "calc":
        calculator_page.calculators(lang)
    elif page == "brief":
        pages.brief(lang)
    else:
        try:
            assistant = get_assistant(settings)
        except IndexMissing:
            st.warning(t(lang, "no_index"))
            return
        except ModelMissing as exc:  # GEVINST_LLM__BACKEND=llamacpp without the extra: the one line, as the CLI says
            st.warning(str(exc))
            return
        {"chat": pages.chat, "docs": pages.documents, "catalogue": pages.catalogue}[page](assistant, settings, lang)


main()

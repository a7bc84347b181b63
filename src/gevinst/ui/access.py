"""Who may use the app and who may add reports: each check fails closed and says what to set."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

# st.login() with no provider reads these from [auth] itself (Streamlit's default provider)
OIDC_KEYS = ("redirect_uri", "cookie_secret", "client_id", "client_secret", "server_metadata_url")


def oidc_problem(secrets: Any) -> str:
    """What Streamlit's secrets lack for auth=oidc, as one line; empty when login can work."""
    try:
        section = secrets["auth"] if secrets.load_if_toml_exists() and "auth" in secrets else None
    except Exception:  # noqa: BLE001 - an unreadable secrets file is the same as none
        section = None
    missing = [key for key in OIDC_KEYS if not isinstance(section, Mapping) or key not in section]
    if not missing:
        return ""
    where = (
        "mangler en [auth]-sektion" if not isinstance(section, Mapping) else "mangler i [auth]: " + ", ".join(missing)
    )
    return (
        f"Login er sat til OIDC (GEVINST_UI__AUTH=oidc), men .streamlit/secrets.toml {where}. Angiv "
        f"{', '.join(OIDC_KEYS)} under [auth] (se README, Adgang), eller brug GEVINST_UI__AUTH=password."
    )

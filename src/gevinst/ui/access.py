"""Who may use the app and who may add reports: each check fails closed and says what to set."""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping
from typing import Any

from gevinst.settings import Settings

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
        f"{', '.join(OIDC_KEYS)} under [auth] (se README, «Access»), eller brug GEVINST_UI__AUTH=password."
    )


def listens_on_loopback(host: str) -> bool:
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip().strip("[]")).is_loopback
    except ValueError:
        return False  # a host name: reachable from wherever it resolves


def upload_closed(settings: Settings) -> str:
    """Why nobody may upload (one line), or empty. Without an admin password, uploads are open only on loopback
    or when explicitly allowed."""
    if settings.ui.admin_password.get_secret_value() or settings.upload.allow_anonymous:
        return ""
    if listens_on_loopback(settings.ui.host):
        return ""
    return (
        f"Upload er slået fra: appen lytter på {settings.ui.host} og kan nås fra netværket, og der er ingen "
        "administratoradgangskode. Sæt GEVINST_UI__ADMIN_PASSWORD, eller tillad upload for alle med "
        "GEVINST_UPLOAD__ALLOW_ANONYMOUS=true."
    )

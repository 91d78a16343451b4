"""What botocore finds while a mock is on: fake credentials and a default region, with
``os.environ`` left exactly as it is.

botocore looks for credentials in the environment first. While a mock with fake
credentials is on, that lookup answers the mock's fake keys instead of whatever keys
the environment held when the mock started, so a client made inside the mock never
signs with the user's real keys, and a mock is never on without credentials, whatever
moto, ``monkeypatch`` or anything else does to ``os.environ`` meanwhile. Keys put in the
environment after the start (moto's ``mock_aws`` sets its own; a test may set moto's
``assume_role`` keys or a 12-digit key id to pick an account) are someone's choice and are
used as botocore would use them. When no region is configured anywhere, botocore gets
``AWS_REGION`` (the other SDKs' variable), else ``us-east-1``.

Nothing is written to ``os.environ``, so nothing needs putting back, in any order of
stops beside moto or any other library that saves and restores the environment.
"""

from __future__ import annotations

import os
import sys
from typing import Any, Dict, Mapping, NamedTuple, Optional, Tuple

import wrapt
from botocore.credentials import Credentials, EnvProvider
from botocore.session import Session

from chatbot_mock.interception import switch

#: Credentials no AWS account accepts, so a request that escaped the mock fails safely.
FAKE_ACCESS_KEY_ID = "CHATBOTMOCKACCESSKEY"
FAKE_SECRET_ACCESS_KEY = "chatbot-mock-secret-access-key"
DEFAULT_REGION = "us-east-1"
_KEY_NAMES = ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY")


class Defaults(NamedTuple):
    """What botocore gets while a mock with fake credentials is on."""

    access_key: str
    secret_key: str
    #: The (access key id, secret) the environment held at the outermost start.
    keys_at_start: Tuple[Optional[str], Optional[str]]

    @classmethod
    def taken_now(cls) -> Defaults:
        return cls(FAKE_ACCESS_KEY_ID, FAKE_SECRET_ACCESS_KEY, _environment_keys(os.environ))


def _environment_keys(environ: Mapping[str, str]) -> Tuple[Optional[str], Optional[str]]:
    return environ.get(_KEY_NAMES[0]), environ.get(_KEY_NAMES[1])


def _uses_fake_keys(defaults: Defaults, environ: Mapping[str, str]) -> bool:
    keys = _environment_keys(environ)
    return not keys[0] or keys == defaults.keys_at_start


# -- installing ---------------------------------------------------------------------------

_PROBE_ENVIRONMENT: Dict[str, str] = {}
_PROBE_CREDENTIALS = Credentials("chatbot-mock-probe", "chatbot-mock-probe")
_PROBE_VARIABLE = "chatbot-mock-probe"
_async_credentials_watched = False
_installed_load: Any = None
_installed_config_variable: Any = None


def ensure_installed() -> None:
    """Put each hook in unless calls still reach it (see :mod:`chatbot_mock.interception`).
    A hook still on top, as installed, is reached for sure and needs no probe."""
    global _async_credentials_watched, _installed_load, _installed_config_variable
    if EnvProvider.__dict__.get("load") is not _installed_load and not _reached(
        lambda: EnvProvider(environ=_PROBE_ENVIRONMENT).load() is _PROBE_CREDENTIALS
    ):
        _installed_load = wrapt.wrap_function_wrapper("botocore.credentials", "EnvProvider.load", _env_credentials)
    if Session.__dict__.get("get_config_variable") is not _installed_config_variable and not _reached(
        lambda: Session.get_config_variable(object.__new__(Session), _PROBE_VARIABLE) is _PROBE_VARIABLE
    ):
        _installed_config_variable = wrapt.wrap_function_wrapper(
            "botocore.session", "Session.get_config_variable", _config_variable
        )
    if not _async_credentials_watched:
        # aiobotocore overrides the provider's load with a coroutine; hook it when it loads.
        wrapt.register_post_import_hook(_install_async_credentials, "aiobotocore.credentials")
        _async_credentials_watched = True


def _reached(probe: Any) -> bool:
    try:
        return bool(probe())
    except Exception:  # the unhooked original fails on a probe's half-made object
        return False


def _install_async_credentials(module: Any) -> None:
    if hasattr(module, "AioEnvProvider"):
        wrapt.wrap_function_wrapper(module, "AioEnvProvider.load", _async_env_credentials)


# -- the hooks ------------------------------------------------------------------------------


def _env_credentials(wrapped: Any, instance: Any, args: Tuple[Any, ...], kwargs: Dict[str, Any]) -> Any:
    if instance.environ is _PROBE_ENVIRONMENT:
        return _PROBE_CREDENTIALS
    defaults = switch.defaults
    if defaults is not None and _uses_fake_keys(defaults, instance.environ):
        return Credentials(defaults.access_key, defaults.secret_key, method=instance.METHOD)
    return wrapped(*args, **kwargs)


def _async_env_credentials(wrapped: Any, instance: Any, args: Tuple[Any, ...], kwargs: Dict[str, Any]) -> Any:
    defaults = switch.defaults
    if defaults is None or not _uses_fake_keys(defaults, instance.environ):
        return wrapped(*args, **kwargs)
    # aiobotocore's credentials are awaited (get_frozen_credentials is a coroutine there).
    credentials_class = getattr(sys.modules[type(instance).__module__], "AioCredentials", Credentials)

    async def load() -> Any:
        return credentials_class(defaults.access_key, defaults.secret_key, method=instance.METHOD)

    return load()


def _config_variable(wrapped: Any, instance: Any, args: Tuple[Any, ...], kwargs: Dict[str, Any]) -> Any:
    name = args[0] if args else kwargs.get("logical_name")
    if name is _PROBE_VARIABLE:
        return _PROBE_VARIABLE
    value = wrapped(*args, **kwargs)
    if value is None and name == "region" and switch.defaults is not None:
        return os.environ.get("AWS_REGION") or DEFAULT_REGION
    return value

"""What botocore finds while a mock is on: fake credentials and a default region, with
``os.environ`` left exactly as it is.

While a mock with fake credentials is on, a botocore session asked for its credentials
(every client made without explicit keys asks) never runs botocore's credential chain
and never hands out what it found before the start:

- keys given to the session explicitly (``boto3.Session(aws_access_key_id=...)``, moto's
  ``assume_role`` keys passed that way) are the caller's choice and stay;
- keys in the environment that name an account are used: a 12-digit key id without the
  shell's session token or expiry, a key moto issued (while moto is on) with the token
  that came with it;
- anything else (the shell's keys, a profile's, a cached answer from before the start,
  moto's ``FOOBARKEY``) gives way to the mock's fake keys.

So a client made inside the mock never signs with real keys, no credential process, SSO
or STS call runs for it, and a mock is never on without credentials, whatever moto,
``monkeypatch`` or anything else does to ``os.environ`` meanwhile. Nothing is cached: once
the mock is off, the same session finds its credentials as it always would. When nothing
configures a region, botocore gets ``AWS_REGION`` (the other SDKs' variable), else
``us-east-1``.
"""

from __future__ import annotations

import os
import sys
from typing import Any, Dict, Tuple

import wrapt
from botocore.credentials import Credentials
from botocore.session import Session

from chatbot_mock.core.identity import account_for_access_key, is_account_id
from chatbot_mock.interception import switch
from chatbot_mock.interception.hooks import Hook, class_in, wrapped_by

#: Credentials no AWS account accepts, so a request that escaped the mock fails safely.
FAKE_ACCESS_KEY_ID = "CHATBOTMOCKACCESSKEY"
FAKE_SECRET_ACCESS_KEY = "chatbot-mock-secret-access-key"
DEFAULT_REGION = "us-east-1"


#: How the fake keys name their source (``aws configure list`` shows it as their type).
METHOD = "chatbot-mock"


def _credentials_while_on(session: Any, credentials_class: Any) -> Any:
    given = getattr(session, "_credentials", None)
    if given is not None and getattr(given, "method", None) == "explicit":
        return given
    access_key = os.environ.get("AWS_ACCESS_KEY_ID", "")
    if account_for_access_key(access_key) is not None:
        secret = os.environ.get("AWS_SECRET_ACCESS_KEY") or FAKE_SECRET_ACCESS_KEY
        # A 12-digit id is no real key: a token beside it is the shell's. A key moto
        # issued by assume_role needs the token moto issued with it.
        token = None if is_account_id(access_key) else os.environ.get("AWS_SESSION_TOKEN")
        return credentials_class(access_key, secret, token, method="env")
    return credentials_class(FAKE_ACCESS_KEY_ID, FAKE_SECRET_ACCESS_KEY, method=METHOD)


# -- the hooks ------------------------------------------------------------------------------

_PROBE = "chatbot-mock-probe"


class _ProbeSession:
    """Stands for a session in a probe call: the hooks answer it before botocore would."""


def _credentials(wrapped: Any, instance: Any, args: Tuple[Any, ...], kwargs: Dict[str, Any]) -> Any:
    """botocore's ``Session.get_credentials``."""
    if isinstance(instance, _ProbeSession):
        return _PROBE
    if not switch.fake_credentials:
        return wrapped(*args, **kwargs)
    return _credentials_while_on(instance, Credentials)


def _async_credentials(wrapped: Any, instance: Any, args: Tuple[Any, ...], kwargs: Dict[str, Any]) -> Any:
    """aiobotocore's ``AioSession.get_credentials``, which callers await: whatever it now
    wraps (a plain function returning a coroutine included), the answer is awaitable."""
    if isinstance(instance, _ProbeSession):
        return _PROBE
    if not switch.fake_credentials:
        return wrapped(*args, **kwargs)
    # aiobotocore's credentials are awaited too (get_frozen_credentials is a coroutine).
    credentials_class = getattr(sys.modules.get("aiobotocore.credentials"), "AioCredentials", Credentials)

    async def answer() -> Any:
        return _credentials_while_on(instance, credentials_class)

    return answer()


def _config_variable(wrapped: Any, instance: Any, args: Tuple[Any, ...], kwargs: Dict[str, Any]) -> Any:
    name = args[0] if args else kwargs.get("logical_name")
    if isinstance(instance, _ProbeSession):
        return _PROBE if name == _PROBE else None
    value = wrapped(*args, **kwargs)
    # Only botocore's whole lookup chain (no methods given) falls back on a default region.
    methods = args[1] if len(args) > 1 else kwargs.get("methods")
    if value is None and name == "region" and methods is None and switch.fake_credentials:
        return os.environ.get("AWS_REGION") or DEFAULT_REGION
    return value


# -- installing ---------------------------------------------------------------------------

_HOOKS = (
    Hook(
        lambda: Session,
        "get_credentials",
        wrapped_by(_credentials, "get_credentials"),
        lambda owner: owner.get_credentials(_ProbeSession()),
        _PROBE,
    ),
    Hook(
        lambda: Session,
        "get_config_variable",
        wrapped_by(_config_variable, "get_config_variable"),
        lambda owner: owner.get_config_variable(_ProbeSession(), _PROBE),
        _PROBE,
    ),
)
#: aiobotocore's session awaits its credentials; hooked when aiobotocore loads.
_ASYNC_CREDENTIALS = Hook(
    class_in("aiobotocore.session", "AioSession", defining="get_credentials"),
    "get_credentials",
    wrapped_by(_async_credentials, "get_credentials"),
    lambda owner: owner.get_credentials(_ProbeSession()),
    _PROBE,
)
_async_session_watched = False


def ensure_installed() -> None:
    """Put each hook in unless calls still reach it (see :mod:`.hooks`)."""
    global _async_session_watched
    for hook in _HOOKS:
        hook.ensure()
    if not _async_session_watched:
        wrapt.register_post_import_hook(lambda _: _ASYNC_CREDENTIALS.put_in(), "aiobotocore.session")
        _async_session_watched = True
    _ASYNC_CREDENTIALS.ensure()

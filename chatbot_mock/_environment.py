"""The process environment while a mock is on: fake credentials and a default region,
and putting back exactly what was there when the mock stops.

Other code changes the same variables, mostly with the same save-and-put-back pattern:
moto's ``mock_aws``, pytest's ``monkeypatch``, ``mock.patch.dict(os.environ)``. At stop
a variable is put back only if it still holds what the mock set; one changed since
belongs to whoever changed it:

- changed by something that started *before* this mock and has stopped since (moto,
  stopped first), it already holds what that one found, which is right;
- changed by something that started *after* this mock and is still on (moto, a
  ``monkeypatch`` torn down after the mock's fixture), that one will put back the mock's
  fake value when it ends. Such variables are kept as *pending*: :func:`settle` puts
  back the original of each that holds the mock's value again. The pytest plugin settles
  after every test, and the next outermost start settles first.
"""

from __future__ import annotations

import os
import sys
import warnings
from typing import Dict, Mapping, Optional, Tuple

#: Credentials no AWS account accepts, so a request that escaped the mock fails safely.
FAKE_CREDENTIALS: Mapping[str, str] = {
    "AWS_ACCESS_KEY_ID": "CHATBOTMOCKACCESSKEY",
    "AWS_SECRET_ACCESS_KEY": "chatbot-mock-secret-access-key",
}
#: What would turn the fake keys into something else: a session's token, or an expiry
#: that makes botocore treat them as already-expired refreshable credentials.
_REMOVED_WHILE_ACTIVE = ("AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN", "AWS_CREDENTIAL_EXPIRATION")
_REGION = "AWS_DEFAULT_REGION"
_DEFAULT_REGION = "us-east-1"
_NAMES = (*FAKE_CREDENTIALS, *_REMOVED_WHILE_ACTIVE, _REGION)

#: What the environment held before the outermost start, and what that start put there.
_saved: Dict[str, Optional[str]] = {}
_set: Dict[str, Optional[str]] = {}
#: name -> (the mock's value, the original): taken over at stop by something still on.
_pending: Dict[str, Tuple[Optional[str], Optional[str]]] = {}
_moto_on_at_start = False


def fake_credentials() -> Tuple[str, str]:
    return FAKE_CREDENTIALS["AWS_ACCESS_KEY_ID"], FAKE_CREDENTIALS["AWS_SECRET_ACCESS_KEY"]


def set_fake() -> None:
    """Fake credentials, no session token or expiry, and a region when none is set."""
    global _moto_on_at_start
    settle()
    _pending.clear()
    _moto_on_at_start = _moto_is_on()
    environ = os.environ
    # Each read of os.environ encodes the name: read each once (a start costs ~40 us).
    saved = {name: environ.get(name) for name in _NAMES}
    _saved.clear()
    _saved.update(saved)
    environ.update(FAKE_CREDENTIALS)
    for name in _REMOVED_WHILE_ACTIVE:
        if saved[name] is not None:
            del environ[name]
    region = saved[_REGION]
    if not region:
        # botocore reads only AWS_DEFAULT_REGION; a region chosen through AWS_REGION (the
        # other SDKs' variable) is carried over rather than replaced.
        region = environ[_REGION] = environ.get("AWS_REGION") or _DEFAULT_REGION
    _set.clear()
    _set.update(FAKE_CREDENTIALS)
    _set.update(dict.fromkeys(_REMOVED_WHILE_ACTIVE))
    _set[_REGION] = region


def restore() -> None:
    """Put back what the outermost start found, in each variable still as it set it."""
    taken_over = []
    for name, original in _saved.items():
        ours = _set.get(name)
        if os.environ.get(name) != ours:
            taken_over.append(name)
            _pending[name] = (ours, original)
        elif original != ours:
            _put(name, original)
    _saved.clear()
    _set.clear()
    moto_took_over = [name for name in taken_over if name in FAKE_CREDENTIALS]
    if moto_took_over and not _moto_on_at_start and _moto_is_on():
        warnings.warn(
            "chatbot_mock stopped while moto's mock_aws, started after it, is still on; when mock_aws "
            f"stops it will put chatbot_mock's fake credentials back in os.environ ({', '.join(moto_took_over)}). "
            "Stop the two in the reverse order of starting them to keep the environment exact "
            "(see docs/clients-and-moto.md).",
            RuntimeWarning,
            stacklevel=_first_frame_outside_the_package(),
        )


def settle() -> None:
    """Put back the original of every pending variable that holds the mock's value again."""
    for name, (ours, original) in list(_pending.items()):
        if os.environ.get(name) == ours:
            _put(name, original)
            del _pending[name]


def _put(name: str, value: Optional[str]) -> None:
    if value is None:
        os.environ.pop(name, None)
    else:
        os.environ[name] = value


def _first_frame_outside_the_package() -> int:
    """The ``stacklevel`` that points a warning at the user's code that stopped the mock."""
    package = os.path.dirname(os.path.abspath(__file__))
    frame, level = sys._getframe(1), 1
    while frame is not None and os.path.dirname(os.path.abspath(frame.f_code.co_filename)).startswith(package):
        frame, level = frame.f_back, level + 1  # type: ignore[assignment]
    return level


def _moto_is_on() -> bool:
    # Only when moto is already imported: moto is never imported here.
    core = sys.modules.get("moto.core.models")
    return bool(getattr(getattr(core, "botocore_stubber", None), "enabled", False))

"""Every quota setting is documented with its default."""

from pathlib import Path

from chatbot_mock.services import default_settings

QUOTAS_PAGE = (Path(__file__).resolve().parent.parent / "docs" / "quotas.md").read_text(encoding="utf-8")


def test_every_setting_and_its_default_are_on_the_quotas_page() -> None:
    for name, default in default_settings().items():
        assert f"| `{name}` | {default} |" in QUOTAS_PAGE, f"docs/quotas.md lacks {name} (default {default})"

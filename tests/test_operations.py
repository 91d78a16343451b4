"""The operation table: built once, from the model, each handler's signature checked, so a
missing or misnamed handler shows at load (or here), never on the request that needs it."""

from __future__ import annotations

import inspect
from typing import Any, Dict, Optional

import pytest

from chatbot_mock._world import World
from chatbot_mock.chatbot.backend import ChatbotBackend
from chatbot_mock.chatbot.steps import ChatbotSteps
from chatbot_mock.core.identity import Caller
from chatbot_mock.operations import HandlerMismatch, build_table, check_handler, operation_tables
from chatbot_mock.protocol.errors import NotImplementedByMock
from chatbot_mock.protocol.model import service_specs
from chatbot_mock.support_app.backend import SupportAppBackend
from chatbot_mock.support_app.steps import SupportAppSteps

CALLER = Caller("123456789012", "us-east-1")


def test_every_operation_of_both_models_has_a_checked_handler() -> None:
    tables = operation_tables()

    assert {name: table.unimplemented for name, table in tables.items()} == {"chatbot": (), "support-app": ()}
    for name, table in tables.items():
        assert set(table.handlers) == set(service_specs()[name].operations)


@pytest.mark.parametrize(
    ("backend", "steps"), [(ChatbotBackend, ChatbotSteps), (SupportAppBackend, SupportAppSteps)]
)
def test_a_backend_holds_api_operations_and_its_console_steps_live_apart(backend: type, steps: type) -> None:
    service = "chatbot" if backend is ChatbotBackend else "support-app"
    operations = {operation.method_name for operation in service_specs()[service].operations.values()}
    taking_a_caller = {
        name
        for group in getattr(backend, "OPERATION_GROUPS", (backend,))
        for name, value in inspect.getmembers(group, inspect.isfunction)
        if not name.startswith("_") and list(inspect.signature(value).parameters)[1:2] == ["caller"]
    }
    step_names = {name for name, _ in inspect.getmembers(steps, inspect.isfunction) if not name.startswith("_")}

    assert taking_a_caller == operations
    assert step_names and not step_names & set(dir(backend))


def test_each_chatbot_operation_is_answered_by_the_one_group_that_holds_it() -> None:
    table = operation_tables()["chatbot"]
    backend = World().backend("chatbot")
    bound = table.bind(backend)

    for name, owner in table.owners.items():
        assert owner in ChatbotBackend.OPERATION_GROUPS
        assert bound[name].__self__ is backend.group(owner)
    assert set(table.owners) == set(table.handlers)


def test_a_backend_makes_each_group_once_and_knows_no_other() -> None:
    from chatbot_mock.chatbot.slack import SlackOperations

    backend = World().backend("chatbot")

    assert backend.group(SlackOperations) is backend.group(SlackOperations)
    with pytest.raises(KeyError, match="not one of ChatbotBackend's groups"):
        backend.group(ChatbotSteps)


def test_two_groups_answering_one_operation_are_refused_at_build() -> None:
    class Aliases:
        def get_account_alias(self, caller: Caller) -> Dict[str, Any]:
            return {}

    class MoreAliases:
        def get_account_alias(self, caller: Caller) -> Dict[str, Any]:
            return {}

    class Backend:
        OPERATION_GROUPS = (Aliases, MoreAliases)

    with pytest.raises(HandlerMismatch, match="answered by more than one group.*Aliases, MoreAliases"):
        build_table(service_specs()["support-app"], Backend)


def test_a_misnamed_handler_in_a_group_is_refused_at_build() -> None:
    class Aliases:
        def get_acount_alias(self, caller: Caller) -> Dict[str, Any]:
            return {}

    class Backend:
        OPERATION_GROUPS = (Aliases,)

    with pytest.raises(HandlerMismatch, match="Aliases.get_acount_alias takes a caller"):
        build_table(service_specs()["support-app"], Backend)


def test_the_state_calls_the_tables_handler() -> None:
    state = World()

    assert state.call("support-app", "GetAccountAlias", CALLER, {}) == {"accountAlias": None}
    state.call("support-app", "PutAccountAlias", CALLER, {"account_alias": "team"})
    assert state.call("support-app", "GetAccountAlias", CALLER, {}) == {"accountAlias": "team"}


# -- a missing handler answers NotImplemented ------------------------------------------------------


class OnlyAliases:
    def put_account_alias(self, caller: Caller, account_alias: str) -> None:
        pass

    def get_account_alias(self, caller: Caller) -> Dict[str, Any]:
        return {}

    def delete_account_alias(self, caller: Caller) -> None:
        pass


def test_an_operation_without_a_handler_answers_not_implemented_decided_at_build() -> None:
    table = build_table(service_specs()["support-app"], OnlyAliases)

    assert "ListSlackWorkspaceConfigurations" in table.unimplemented
    assert "PutAccountAlias" not in table.unimplemented
    with pytest.raises(NotImplementedByMock, match="does not implement support-app ListSlackWorkspaceConfigurations"):
        table.handlers["ListSlackWorkspaceConfigurations"](OnlyAliases(), CALLER, nextToken=None)


# -- a misnamed or mismatched handler fails at build --------------------------------------------------


def test_a_misnamed_handler_fails_at_build() -> None:
    class Misnamed(OnlyAliases):
        def delete_acount_alias(self, caller: Caller) -> None:
            pass

    with pytest.raises(HandlerMismatch, match="Misnamed.delete_acount_alias takes a caller .* no support-app"):
        build_table(service_specs()["support-app"], Misnamed)


def test_a_handler_that_is_no_method_fails_at_build() -> None:
    class NotAMethod(OnlyAliases):
        get_account_alias = None  # type: ignore[assignment]

    with pytest.raises(HandlerMismatch, match="NotAMethod.get_account_alias is no method"):
        build_table(service_specs()["support-app"], NotAMethod)


def _operation(name: str) -> Any:
    return service_specs()["support-app"].operations[name]


class Handlers:
    """Each handler gets one thing wrong about PutAccountAlias (accountAlias, required) or
    ListSlackChannelConfigurations (nextToken, optional)."""

    def without_caller(self, account_alias: str) -> None: ...

    def caller_second(self, account_alias: str, caller: Caller) -> None: ...

    def missing_member(self, caller: Caller) -> None: ...

    def misnamed_member(self, caller: Caller, alias: str) -> None: ...

    def extra_keyword(self, caller: Caller, account_alias: str, force: bool = False) -> None: ...

    def required_with_a_default(self, caller: Caller, account_alias: str = "x") -> None: ...

    def positional_rest(self, caller: Caller, *args: Any, **members: Any) -> None: ...

    def optional_without_a_default(self, caller: Caller, next_token: Optional[str]) -> None: ...


@pytest.mark.parametrize(
    ("operation", "handler", "message"),
    [
        ("PutAccountAlias", Handlers.without_caller, r"take self and then caller, not \['self', 'account_alias'\]"),
        ("PutAccountAlias", Handlers.caller_second, "must take self and then caller"),
        ("PutAccountAlias", Handlers.missing_member, "takes no 'account_alias', a member of the operation's input"),
        ("PutAccountAlias", Handlers.misnamed_member, "takes no 'account_alias'"),
        ("PutAccountAlias", Handlers.extra_keyword, "takes 'force', which is no member of the operation's input"),
        ("PutAccountAlias", Handlers.required_with_a_default, "gives 'account_alias' a default, but the model"),
        ("PutAccountAlias", Handlers.positional_rest, r"takes \*args"),
        ("ListSlackChannelConfigurations", Handlers.optional_without_a_default, "requires 'next_token', but the model"),
    ],
)
def test_a_handler_whose_signature_does_not_match_the_model_is_refused(
    operation: str, handler: Any, message: str
) -> None:
    with pytest.raises(HandlerMismatch, match=message):
        check_handler(_operation(operation), handler)


def test_a_handler_may_take_its_members_by_double_star() -> None:
    def update(self: Any, caller: Caller, team_id: str, channel_id: str, **changes: Any) -> None: ...

    check_handler(_operation("UpdateSlackChannelConfiguration"), update)


def test_the_errors_name_the_handler_and_its_operation() -> None:
    with pytest.raises(HandlerMismatch, match=r"missing_member \(the handler of support-app PutAccountAlias\)"):
        check_handler(_operation("PutAccountAlias"), Handlers.missing_member)



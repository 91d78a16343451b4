"""The folder layout is the architecture: each layer imports only itself and what is below
it, and no module imports, however indirectly, a module that imports it.

The layers, from the bottom (each module's layer is in ``LAYERS`` below):

0. **core**: ``core/``, accounts, records, collections, tokens, settings, kinds of refusal;
1. **services**: ``service_declaration.py`` (the names, what a declaration is), the
   service packages' backends, records, snapshots and console steps, the simulated
   Chime rooms, and ``services.py``, the tuple of declarations;
2. **protocol**: ``protocol/``, botocore's models, routing, parsing, validation,
   serialisation and the one way a refusal becomes a service's error;
3. **state and seeding**: ``_world.py`` (the world of one outermost mock), the operation
   table (``operations.py``: each model operation's backend handler), snapshot and load
   (``_snapshot.py``, above the state module), ``_seeding.py`` and the consoles
   (``*/console.py``, ``consoles.py``), the read-only ``views.py``;
4. **the edges**: ``interception/`` (the feeds), ``server.py`` and ``server_admin.py``,
   the coverage page;
5. **the public face**: the package, ``_mock.py`` and its decorator (``_decorate.py``), the
   pytest plugin, the command line.

Within a layer anything goes, except a circle. Every import counts: relative ones, the
ones inside functions (a lazy import still depends on what it loads) and the ones guarded
by ``TYPE_CHECKING`` (a type a module names is a module it depends on; a lower layer
that needs a higher one's type declares a ``Protocol`` of what it uses, as
``_seeding.WorldAccess`` does). The one import that does not count is the implicit one of a
module's parent packages: ``chatbot_mock/__init__.py`` loads nothing until asked.
"""

from __future__ import annotations

import ast
import fnmatch
from pathlib import Path
from typing import Dict, Iterator, List, Mapping, Optional, Set, Tuple

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "chatbot_mock"
SERVICE_PACKAGES = ("chatbot", "support_app")

#: Each layer's modules, bottom first (module names without ``chatbot_mock.``, as
#: ``fnmatch`` patterns; the lowest layer with a matching pattern decides).
LAYERS: Tuple[Tuple[str, Tuple[str, ...]], ...] = (
    ("core", ("core", "core.*")),
    (
        "services",
        ("service_declaration", "services", "chatbot", "chatbot.*", "support_app", "support_app.*",
         "chime", "chime.rooms"),
    ),
    ("protocol", ("protocol", "protocol.*")),
    ("state and seeding", ("_world", "operations", "_snapshot", "_seeding", "views", "consoles", "*.console")),
    ("edges", ("interception", "interception.*", "server", "server_admin", "_coverage")),
    ("public face", ("", "_mock", "_decorate", "_pytest_plugin", "__main__", "_demo")),
)
#: Matched before LAYERS: modules whose folder's layer is not theirs (a service package's
#: console sits in the seeding layer, above its backend).
EXCEPTIONS = {"chatbot.console": "state and seeding", "support_app.console": "state and seeding"}


def modules(root: Path = PACKAGE) -> Dict[str, Path]:
    """Every module of the package by dotted name (a package by its own name)."""
    found = {}
    for path in root.rglob("*.py"):
        parts = list(path.relative_to(root.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _absolute(node: ast.ImportFrom, module: str, is_package: bool) -> str:
    """The module an ``from ... import`` names, relative imports resolved."""
    if node.level == 0:
        return node.module or ""
    base = module.split(".")
    base = base if is_package else base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, node.module] if node.module else base)


def imports_of(module: str, path: Path, known: Mapping[str, Path]) -> Iterator[Tuple[str, int]]:
    """The package's modules ``module`` imports, anywhere in it, with the line of each."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in known:
                    yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom):
            target = _absolute(node, module, path.name == "__init__.py")
            for alias in node.names:
                # ``from chatbot_mock import interception`` imports a module; ``from
                # chatbot_mock.core.refusals import Refusal`` a name of one.
                submodule = f"{target}.{alias.name}"
                if submodule in known:
                    yield submodule, node.lineno
                elif target in known:
                    yield target, node.lineno


def import_graph(root: Path = PACKAGE) -> Dict[str, Dict[str, int]]:
    """module -> {module it imports: the line of the first such import}."""
    known = modules(root)
    graph: Dict[str, Dict[str, int]] = {}
    for module, path in sorted(known.items()):
        edges = graph.setdefault(module, {})
        for target, line in imports_of(module, path, known):
            if target != module:
                edges.setdefault(target, line)
    return graph


def find_cycle(graph: Mapping[str, Mapping[str, int]]) -> Optional[List[str]]:
    """One circle of imports (its modules, the first repeated at the end), or ``None``."""
    finished: Set[str] = set()
    for start in sorted(graph):
        if start in finished:
            continue
        path = [start]
        pending = [iter(sorted(graph[start]))]
        while pending:
            target = next(pending[-1], None)
            if target is None:
                pending.pop()
                finished.add(path.pop())
            elif target in path:
                return path[path.index(target) :] + [target]
            elif target not in finished:
                path.append(target)
                pending.append(iter(sorted(graph.get(target, {}))))
    return None


def layer_of(module: str) -> int:
    name = module[len("chatbot_mock."):] if module != "chatbot_mock" else ""
    names = [layer for layer, _ in LAYERS]
    if name in EXCEPTIONS:
        return names.index(EXCEPTIONS[name])
    for rank, (_, patterns) in enumerate(LAYERS):
        if any(fnmatch.fnmatchcase(name, pattern) for pattern in patterns):
            return rank
    raise AssertionError(f"{module} is in no layer: add it to tests/test_layers.py's LAYERS")


def upward_imports(graph: Mapping[str, Mapping[str, int]]) -> List[str]:
    return [
        f"{module} (layer {LAYERS[layer_of(module)][0]!r}) imports {target} "
        f"(layer {LAYERS[layer_of(target)][0]!r}) on line {line}"
        for module, edges in sorted(graph.items())
        for target, line in sorted(edges.items())
        if layer_of(target) > layer_of(module)
    ]


def test_every_module_is_in_a_layer() -> None:
    for module in import_graph():
        layer_of(module)


def test_no_module_imports_a_module_that_imports_it() -> None:
    assert find_cycle(import_graph()) is None


def test_no_module_imports_a_layer_above_its_own() -> None:
    assert upward_imports(import_graph()) == []


def test_the_consoles_reach_the_state_through_a_protocol_not_the_state_module() -> None:
    graph = import_graph()
    consoles = [module for module in graph if module.endswith(".console") or module == "chatbot_mock._seeding"]

    assert len(consoles) == 4
    assert [module for module in consoles if "chatbot_mock._world" in graph[module]] == []


def test_the_protocol_layer_reads_the_service_names_without_importing_a_backend() -> None:
    graph = import_graph()
    reached = _reachable(graph, "chatbot_mock.protocol.model")

    assert "chatbot_mock.service_declaration" in reached
    assert not {module for module in reached if module.split(".")[1] in SERVICE_PACKAGES}, reached


def _reachable(graph: Mapping[str, Mapping[str, int]], start: str) -> Set[str]:
    seen: Set[str] = set()
    todo = [start]
    while todo:
        module = todo.pop()
        for target in graph[module]:
            if target not in seen:
                seen.add(target)
                todo.append(target)
    return seen


# -- the checks themselves --------------------------------------------------------------------


def _package(tmp_path: Path, files: Mapping[str, str]) -> Path:
    root = tmp_path / "chatbot_mock"
    for name, source in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source, encoding="utf-8")
    return root


def test_a_circle_is_found_through_relative_lazy_and_type_checking_imports(tmp_path: Path) -> None:
    root = _package(
        tmp_path,
        {
            "__init__.py": "",
            "core/__init__.py": "",
            "core/a.py": "from .b import thing\n",
            "core/b.py": "def f():\n    from chatbot_mock.core import c\n",
            "core/c.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from ..core.a import A\n",
        },
    )

    assert find_cycle(import_graph(root)) == [
        "chatbot_mock.core.a", "chatbot_mock.core.b", "chatbot_mock.core.c", "chatbot_mock.core.a"
    ]


def test_imports_without_a_circle_pass(tmp_path: Path) -> None:
    root = _package(
        tmp_path,
        {"__init__.py": "", "core/__init__.py": "", "core/a.py": "from . import b\n", "core/b.py": "import os\n"},
    )

    assert find_cycle(import_graph(root)) is None
    assert import_graph(root)["chatbot_mock.core.a"] == {"chatbot_mock.core.b": 1}


def test_an_import_from_a_higher_layer_is_named_with_its_line(tmp_path: Path) -> None:
    root = _package(
        tmp_path,
        {
            "__init__.py": "",
            "_world.py": "",
            "protocol/__init__.py": "",
            "protocol/model.py": "import json\nfrom chatbot_mock._world import World\n",
        },
    )

    assert upward_imports(import_graph(root)) == [
        "chatbot_mock.protocol.model (layer 'protocol') imports chatbot_mock._world "
        "(layer 'state and seeding') on line 2"
    ]


def test_a_module_in_no_layer_is_named() -> None:
    with pytest.raises(AssertionError, match="chatbot_mock.somewhere_new is in no layer"):
        layer_of("chatbot_mock.somewhere_new")


# -- what the layers mean for the service packages ------------------------------------------------


@pytest.mark.parametrize("service", SERVICE_PACKAGES)
def test_a_service_package_knows_nothing_of_http_nor_of_the_other_service(service: str) -> None:
    graph = import_graph()
    imported = {
        target.split(".")[1]
        for module, edges in graph.items()
        if module.startswith(f"chatbot_mock.{service}.") and not module.endswith(".console")
        for target in edges
    }

    assert not imported & {"protocol", "interception", *(set(SERVICE_PACKAGES) - {service})}, imported

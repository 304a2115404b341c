"""The shape of the code, held by tests: dependencies run one way, extraction stays plain
Python, operations stay apart, modules stay small. See docs/architecture.md."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MAX_LINES = 400


def _modules(package: str) -> list[Path]:
    return [
        p
        for p in sorted((ROOT / package).rglob("*.py"))
        if "migrations" not in p.parts and "__pycache__" not in p.parts
    ]


def _imports(path: Path) -> list[tuple[str, list[str]]]:
    """(module, names) of every import statement in a file."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(alias.name, []) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.module, [alias.name for alias in node.names]))
    return found


def _imports_from(path: Path, prefix: str) -> list[str]:
    return [m for m, _ in _imports(path) if m == prefix or m.startswith(prefix + ".")]


@pytest.mark.parametrize("path", _modules("articles"), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_articles_never_imports_the_timeline(path):
    assert not _imports_from(path, "timeline"), "articles/ is below timeline/: never import it"


@pytest.mark.parametrize(
    "path", _modules("articles/extraction"), ids=lambda p: p.relative_to(ROOT).as_posix()
)
def test_extraction_is_plain_python(path):
    assert not _imports_from(path, "django"), "extraction runs without Django"


@pytest.mark.parametrize(
    "path",
    _modules("timeline") + _modules("articles"),
    ids=lambda p: p.relative_to(ROOT).as_posix(),
)
def test_the_domain_never_imports_operations(path):
    relative = path.relative_to(ROOT).as_posix()
    operations = relative.startswith("timeline/ops/") or relative in {
        "timeline/management/commands/backup.py",
        "timeline/management/commands/restore.py",
    }
    if not operations:
        assert not _imports_from(path, "timeline.ops"), "operations code sits apart"


def test_settings_read_the_environment_and_import_no_helper():
    modules = [m for m, _ in _imports(ROOT / "timeline/settings.py")]
    assert not [m for m in modules if m.startswith(("timeline", "articles"))], modules


@pytest.mark.parametrize(
    "path",
    _modules("timeline") + _modules("articles"),
    ids=lambda p: p.relative_to(ROOT).as_posix(),
)
def test_no_private_name_is_imported_from_another_module(path):
    private = [
        f"{module}.{name}"
        for module, names in _imports(path)
        if module.startswith(("timeline", "articles"))
        for name in names
        if name.startswith("_")
    ]
    assert not private


@pytest.mark.parametrize(
    "path",
    _modules("timeline") + _modules("articles"),
    ids=lambda p: p.relative_to(ROOT).as_posix(),
)
def test_no_module_holds_two_ideas(path):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{lines} lines: split it by what it does"

"""Dependencies between Assure's apps point one way.

- The tenant core (below) imports no other app: it is what every system builds on.
- A system app (every other ``assure.<app>``: performance, section11 and each system to come)
  imports the tenant core and never another system. Where one system needs another's figures,
  it goes through a registration point in the tenant core (``assure.library.hooks``,
  ``assure.partnerships.hooks``), not an import.
- Reports reads every app; no app imports reports.
- The demo package calls every app's demo loader (``assure.<app>.demo``) and is the only module
  outside an app that may; an app's demo modules read the demo region from ``assure.demo``, and
  nothing else in an app does.

The check reads every production module under assure/ (not tests, not migrations) with ``ast``:
every import, including those inside functions, relative imports resolved to absolute names, and
``importlib.import_module("...")`` with a literal name. A new app is a system app without any
change here.
"""

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

TENANT_CORE = {
    "core",
    "library",
    "accounts",
    "partnerships",
    "audit",
    "actions",
    "notifications",
    "plans",
    "questionnaires",
    "clocks",
}
REPORTS = "reports"
DEMO = "demo"

PACKAGE = "assure"
ROOT = Path(__file__).resolve().parent.parent / PACKAGE
SKIPPED_DIRECTORIES = {"tests", "migrations", "__pycache__"}
DYNAMIC_IMPORTS = {"import_module", "__import__"}

CORE_IMPORTS_SYSTEM = "the tenant core imports no system app"
SYSTEM_IMPORTS_SYSTEM = "a system app imports no other system app (use a registration point in the tenant core)"
IMPORTS_REPORTS = "no app imports reports"
CALLS_DEMO_LOADER = "only assure.demo calls another app's demo loader"
READS_DEMO = "only an app's demo modules read assure.demo"


@dataclass(frozen=True)
class Violation:
    module: str
    line: int
    target: str
    rule: str

    def __str__(self) -> str:
        return f"{self.module}, line {self.line}: imports {self.target}: {self.rule}"


def app_of(name: str) -> str | None:
    parts = name.split(".")
    if parts[0] != PACKAGE or len(parts) < 2:
        return None
    return parts[1]


def is_demo_module(name: str) -> bool:
    """``assure.<app>.demo`` or below (an app's demo loader and its data)."""
    parts = name.split(".")
    return len(parts) >= 3 and parts[0] == PACKAGE and parts[2] == DEMO


def broken_rule(importer: str, target: str) -> str | None:
    """The rule ``importer`` breaks by importing ``target``, or None."""
    mine, theirs = app_of(importer), app_of(target)
    if mine is None or theirs is None or mine == theirs:
        return None
    if is_demo_module(target) and mine != DEMO:
        return CALLS_DEMO_LOADER
    if theirs == DEMO:
        return None if is_demo_module(importer) else READS_DEMO
    if mine == DEMO:
        return None
    if theirs == REPORTS:
        return IMPORTS_REPORTS
    if mine == REPORTS or theirs in TENANT_CORE:
        return None
    return CORE_IMPORTS_SYSTEM if mine in TENANT_CORE else SYSTEM_IMPORTS_SYSTEM


def _resolved(module: str, is_package: bool, level: int, name: str | None) -> str:
    """The absolute name of ``from <level dots><name> import ...`` written in ``module``."""
    if level == 0:
        return name or ""
    parts = module.split(".")
    if not is_package:
        parts = parts[:-1]
    parts = parts[: len(parts) - (level - 1)]
    return ".".join([*parts, name] if name else parts)


def _literal_of(call: ast.Call) -> str | None:
    function = call.func
    called = function.attr if isinstance(function, ast.Attribute) else getattr(function, "id", None)
    if called not in DYNAMIC_IMPORTS or not call.args:
        return None
    first = call.args[0]
    if isinstance(first, ast.Constant) and isinstance(first.value, str):
        return first.value
    return None


def imports_in(source: str, *, module: str, is_package: bool = False) -> list[tuple[int, str]]:
    """(line, absolute module name) of every import in ``source``, wherever it is written."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = _resolved(module, is_package, node.level, node.module)
            # ``from assure.x import demo`` imports the module assure.x.demo: name each one.
            found += [(node.lineno, base if alias.name == "*" else f"{base}.{alias.name}") for alias in node.names]
        elif isinstance(node, ast.Call) and (name := _literal_of(node)):
            found.append((node.lineno, _resolved(module, is_package, 1, name[1:]) if name[0] == "." else name))
    return sorted(found)


def violations_in(source: str, *, module: str, is_package: bool = False) -> list[Violation]:
    violations = []
    for line, target in imports_in(source, module=module, is_package=is_package):
        rule = broken_rule(module, target)
        if rule:
            violations.append(Violation(module, line, target, rule))
    return violations


def production_modules(root: Path = ROOT) -> list[tuple[str, Path]]:
    """(module name, path) of every module under ``root`` that is not a test or a migration."""
    modules = []
    for path in sorted(root.rglob("*.py")):
        relative = path.relative_to(root.parent)
        if SKIPPED_DIRECTORIES & set(relative.parts[:-1]):
            continue
        parts = list(relative.with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        modules.append((".".join(parts), path))
    return modules


def tree_violations(root: Path = ROOT) -> list[Violation]:
    violations = []
    for module, path in production_modules(root):
        source = path.read_text(encoding="utf-8")
        violations += violations_in(source, module=module, is_package=path.name == "__init__.py")
    return violations


# --- the rule, for Assure's code -----------------------------------------------------------------


def test_every_dependency_points_the_allowed_way():
    violations = tree_violations()
    assert not violations, "imports against the direction of Assure's layers:\n" + "\n".join(map(str, violations))


def test_the_check_reads_the_production_modules_only():
    modules = dict(production_modules())
    assert "assure.partnerships.services.agencies" in modules
    assert "assure.performance" in modules
    assert not [name for name in modules if ".tests" in name or ".migrations" in name]


# --- the check itself ----------------------------------------------------------------------------


def _rules(source: str, module: str, *, is_package: bool = False) -> list[str]:
    return [v.rule for v in violations_in(source, module=module, is_package=is_package)]


@pytest.mark.parametrize(
    "module, source, rule",
    [
        ("assure.partnerships.services.agencies", "from assure.performance.cache import bump\n", CORE_IMPORTS_SYSTEM),
        ("assure.accounts.views", "import assure.section11.models\n", CORE_IMPORTS_SYSTEM),
        ("assure.core.access", "from assure.governance import models\n", CORE_IMPORTS_SYSTEM),
        ("assure.section11.charts", "from assure.performance.charts import SCHEMA\n", SYSTEM_IMPORTS_SYSTEM),
        ("assure.performance.views", "from assure.lado.selectors import cases\n", SYSTEM_IMPORTS_SYSTEM),
        ("assure.performance.views", "from assure.reports.models import Report\n", IMPORTS_REPORTS),
        ("assure.library.loader", "from assure import reports\n", IMPORTS_REPORTS),
        ("assure.reports.demo.load", "from assure.performance.demo import load\n", CALLS_DEMO_LOADER),
        ("assure.partnerships.views", "from assure.section11.demo.content import SCHOOLS\n", CALLS_DEMO_LOADER),
        ("assure.performance.views", "from assure.demo.region import SHROPSHIRE\n", READS_DEMO),
        ("assure.accounts.services", "from assure.demo import people\n", READS_DEMO),
    ],
)
def test_each_rule_is_reported(module, source, rule):
    assert _rules(source, module) == [rule]


@pytest.mark.parametrize(
    "module, source",
    [
        ("assure.performance.services", "from assure.partnerships.models import Partnership\n"),
        ("assure.partnerships.services", "from assure.accounts.models import Membership\n"),
        ("assure.performance.services", "from .cache import bump_partnership\n"),
        ("assure.reports.blocks", "from assure.performance.selectors import scorecard\n"),
        ("assure.reports.blocks", "from assure.section11.scoring import percent\n"),
        ("assure.demo.load", "from assure.performance.demo import performance_demo_load\n"),
        ("assure.demo.load", "from assure.reports.models import Report\n"),
        ("assure.section11.demo.load", "from assure.demo import people, region\n"),
        ("assure.performance.demo.load", "from ..models import Indicator\n"),
        ("assure.governance.views", "from assure.core.access import requires\n"),
        ("assure.performance.views", "import datetime\nfrom django.db import models\n"),
    ],
)
def test_allowed_directions_pass(module, source):
    assert _rules(source, module) == []


def test_an_import_inside_a_function_is_read():
    source = "def f():\n    from assure.performance.cache import bump_partnership\n    return bump_partnership\n"
    [violation] = violations_in(source, module="assure.partnerships.services.agencies")
    assert (violation.line, violation.target) == (2, "assure.performance.cache.bump_partnership")


@pytest.mark.parametrize(
    "module, is_package, source, target",
    [
        (
            "assure.partnerships.services.agencies",
            False,
            "from ...performance import cache\n",
            "assure.performance.cache",
        ),
        (
            "assure.partnerships.services",
            True,
            "from ...performance.cache import bump\n",
            "assure.performance.cache.bump",
        ),
        ("assure.section11.charts", False, "from ..performance import charts\n", "assure.performance.charts"),
    ],
)
def test_relative_imports_are_resolved(module, is_package, source, target):
    [violation] = violations_in(source, module=module, is_package=is_package)
    assert violation.target == target


def test_import_module_with_a_literal_name_is_read():
    source = 'import importlib\n\n\ndef f():\n    return importlib.import_module("assure.section11.selectors")\n'
    [violation] = violations_in(source, module="assure.performance.views")
    assert (violation.line, violation.target, violation.rule) == (
        5,
        "assure.section11.selectors",
        SYSTEM_IMPORTS_SYSTEM,
    )
    bare = 'from importlib import import_module\nimport_module("assure.reports.models")\n'
    assert _rules(bare, "assure.section11.views") == [IMPORTS_REPORTS]


def test_a_violation_names_the_module_the_line_and_the_rule():
    [violation] = violations_in("\n\nfrom assure.reports import models\n", module="assure.audit.selectors")
    assert str(violation) == (f"assure.audit.selectors, line 3: imports assure.reports.models: {IMPORTS_REPORTS}")


def test_a_tree_is_checked_module_by_module(tmp_path):
    root = tmp_path / PACKAGE
    for folder in ("partnerships", "partnerships/tests", "partnerships/migrations", "performance"):
        (root / folder).mkdir(parents=True)
        (root / folder / "__init__.py").write_text("")
    (root / "partnerships" / "services.py").write_text("from ..performance import cache\n")
    (root / "partnerships" / "tests" / "test_services.py").write_text("from assure.performance import cache\n")
    (root / "partnerships" / "migrations" / "0001_initial.py").write_text("from assure.performance import cache\n")
    (root / "performance" / "__init__.py").write_text("from . import cache\nfrom assure.partnerships import hooks\n")
    (root / "performance" / "cache.py").write_text("")
    assert [str(v) for v in tree_violations(root)] == [
        f"assure.partnerships.services, line 1: imports assure.performance.cache: {CORE_IMPORTS_SYSTEM}"
    ]

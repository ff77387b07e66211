"""The layers in pyproject.toml's import contracts hold, a forbidden import would break them,
the project package holds only the wiring, and no runtime code reads HTML back."""

import ast
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "pyproject.toml"
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"
PACKAGES = (
    "core",
    "feedback",
    "feeds",
    "innovasjon",
    "languagereport",
    "linkcheck",
    "pagecache",
    "pages",
    "programs",
    "readability",
    "review",
    "search",
    "seed",
)
CONTRACT_NAMES = {
    contract["id"]: contract["name"]
    for contract in tomllib.loads(CONFIG.read_text())["tool"]["importlinter"]["contracts"]
}


def lint_imports(cwd):
    """lint-imports with the project's contracts, over the packages found in `cwd`."""
    return subprocess.run(
        [LINT_IMPORTS, str(CONFIG), "--no-cache", "--no-logo"],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_import_contracts_are_kept():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "4 kept, 0 broken" in result.stdout


# Each import breaks the named contract; one run over a copy of the code checks them all.
FORBIDDEN = [
    ("core", "pages.models", "core-is-the-bottom"),
    ("core", "pagecache.store", "core-is-the-bottom"),
    ("core", "innovasjon.urls", "core-is-the-bottom"),
    ("core", "programs.models", "layers"),
    ("pages", "programs.models", "pages-is-the-base"),
    ("pages", "search.views", "pages-is-the-base"),
    ("pages", "seed.content", "pages-is-the-base"),
    ("pages", "pagecache.store", "pages-is-the-base"),
    ("pagecache", "innovasjon.urls", "apps-know-no-project"),
    ("programs", "innovasjon.urls", "apps-know-no-project"),
    ("seed", "innovasjon.urls", "apps-know-no-project"),
    ("programs", "search.views", "layers"),
    ("search", "seed.content", "layers"),
    ("programs", "pagecache.store", "layers"),
    ("pages", "languagereport.report", "pages-is-the-base"),
    ("languagereport", "innovasjon.urls", "apps-know-no-project"),
    ("programs", "languagereport.views", "layers"),
    ("pages", "readability.report", "pages-is-the-base"),
    ("readability", "innovasjon.urls", "apps-know-no-project"),
    ("programs", "readability.views", "layers"),
    ("pages", "review.report", "pages-is-the-base"),
    ("review", "innovasjon.urls", "apps-know-no-project"),
    ("programs", "review.views", "layers"),
    ("pages", "feedback.models", "pages-is-the-base"),
    ("feedback", "innovasjon.urls", "apps-know-no-project"),
    ("programs", "feedback.views", "layers"),
    ("pages", "linkcheck.checker", "pages-is-the-base"),
    ("linkcheck", "innovasjon.urls", "apps-know-no-project"),
    ("pagecache", "linkcheck.links", "layers"),
    ("pages", "feeds.atom", "pages-is-the-base"),
    ("feeds", "innovasjon.urls", "apps-know-no-project"),
    ("programs", "feeds.calendars", "layers"),
]


def test_forbidden_imports_break_their_contracts(tmp_path):
    for package in PACKAGES:
        shutil.copytree(
            ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__")
        )
    for number, (importer, imported, _contract) in enumerate(FORBIDDEN):
        (tmp_path / importer / f"forbidden_{number}.py").write_text(f"import {imported}\n")

    result = lint_imports(tmp_path)

    assert result.returncode == 1, result.stdout + result.stderr
    assert "0 kept, 4 broken" in result.stdout
    report = result.stdout.split("Broken contracts", 1)[1]
    for number, (importer, imported, contract) in enumerate(FORBIDDEN):
        assert f"{importer}.forbidden_{number} -> {imported}" in section(report, contract), contract


def section(report, contract_id):
    """The part of lint-imports' report about one contract, up to the next contract's."""
    start = report.index(CONTRACT_NAMES[contract_id])
    ends = [report.find(name, start + 1) for name in CONTRACT_NAMES.values()]
    return report[start : min([end for end in ends if end > start], default=len(report))]


# Parsers of HTML. Only the link checker (links in stored content) and the editors' readability
# report (a page as the public sees it) read HTML; pages are rendered once, never read back.
HTML_PARSERS = ("bs4", "html.parser", "html5lib", "lxml", "selectolax", "parsel", "pyquery")
MAY_PARSE_HTML = ("linkcheck/", "readability/", "pages/readability.py")


def imported_modules(path):
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module
            yield from (f"{node.module}.{alias.name}" for alias in node.names)


def html_parser_imports(root):
    """{file: parsers it imports} for the runtime code under `root` outside MAY_PARSE_HTML."""
    found = {}
    for package in PACKAGES:
        for path in sorted((root / package).rglob("*.py")):
            relative = path.relative_to(root).as_posix()
            if relative.startswith(MAY_PARSE_HTML):
                continue
            parsers = {
                name
                for name in imported_modules(path)
                if any(name == p or name.startswith(f"{p}.") for p in HTML_PARSERS)
            }
            if parsers:
                found[relative] = sorted(parsers)
    return found


def test_no_runtime_code_but_the_link_checker_and_readability_report_parses_html():
    assert html_parser_imports(ROOT) == {}


@pytest.mark.parametrize(
    "source",
    [
        "from bs4 import BeautifulSoup",
        "import html.parser",
        "from html import parser",
        "import lxml.html",
    ],
)
def test_an_html_parser_imported_in_a_template_tag_is_found(tmp_path, source):
    for package in PACKAGES:
        (tmp_path / package).mkdir()
    (tmp_path / "pages" / "templatetags").mkdir()
    (tmp_path / "pages" / "templatetags" / "tags.py").write_text(f"def f():\n    {source}\n")
    (tmp_path / "linkcheck" / "links.py").write_text("from bs4 import BeautifulSoup\n")

    assert list(html_parser_imports(tmp_path)) == ["pages/templatetags/tags.py"]


# The project package: settings, the URLs and the WSGI entry point, and nothing that runs in a
# request of its own; that is core/ or an app.
WIRING = {"__init__.py", "settings", "urls.py", "wsgi.py"}


def test_the_project_package_holds_only_the_wiring():
    found = {path.name for path in (ROOT / "innovasjon").iterdir() if path.name != "__pycache__"}
    assert found <= WIRING, sorted(found - WIRING)

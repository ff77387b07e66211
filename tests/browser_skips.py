"""A browser or HTML check left out is said out loud (a plugin tests/conftest.py registers).

SKIP_BROWSER_TESTS=1 is how a developer runs without Chromium and Java: bin/system-requirements
does not ask for them, and the browser tier is skipped when collected. Whatever the reason a
browser or HTML check is skipped (that variable, or no Chromium or Java when pytest is run by
hand), the summary ends with one line saying how many and why. REQUIRE_BROWSER_TESTS=1 (CI) makes
those skips failures, and cannot go with SKIP_BROWSER_TESTS=1.
"""

import os

import pytest

SKIP_REASON = (
    "SKIP_BROWSER_TESTS=1 (without it, `make test` installs Chromium and Java as root, or says how)"
)


def _set(name):
    return os.environ.get(name, "").strip().lower() in {"1", "true", "yes"}


def required():
    return _set("REQUIRE_BROWSER_TESTS")


def skipped():
    return _set("SKIP_BROWSER_TESTS")


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "html_checker: checked by the W3C Nu HTML checker (needs Java); set from the nu_checker "
        "fixture",
    )
    if required() and skipped():
        raise pytest.UsageError("SKIP_BROWSER_TESTS=1 and REQUIRE_BROWSER_TESTS=1: choose one")


def pytest_collection_modifyitems(items):
    for item in items:
        if "nu_checker" in item.fixturenames:
            item.add_marker(pytest.mark.html_checker)
        if skipped() and item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.skip(reason=SKIP_REASON))


def _reason(report):
    if isinstance(report.longrepr, tuple):
        return report.longrepr[2].removeprefix("Skipped: ")
    return str(report.longrepr)


def _count(number, noun):
    return f"{number} {noun}{'' if number == 1 else 's'}" if number else ""


def summary_line(reports):
    """One line on the browser and HTML checks among the skipped `reports`, or None."""
    browser, html, reasons = set(), set(), {}
    for report in reports:
        if "browser" not in report.keywords:
            continue
        (html if "html_checker" in report.keywords else browser).add(report.nodeid)
        reasons[_reason(report)] = None
    if not reasons:
        return None
    counts = (_count(len(browser), "browser check"), _count(len(html), "HTML check"))
    return f"{' and '.join(filter(None, counts))} skipped: {'; '.join(reasons)}"


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_terminal_summary(terminalreporter):
    """After the short summary (the outermost wrapper), just above the closing count."""
    result = yield
    line = summary_line(terminalreporter.stats.get("skipped", []))
    if line:
        terminalreporter.write_line(line, yellow=True, bold=True)
    return result

"""bin/system-requirements, the one list of Debian packages, checked first by `make test`,
`make run` and .ci/run: on a fake machine (a PATH of stub executables, a folder standing in for /,
fake apt-get, dpkg-query and dpkg that write down how they were called), never the real apt-get."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

SCRIPT = ROOT / "bin" / "system-requirements"
MAKE = shutil.which("make")
# What the stand-ins for dpkg know: the packages it believes installed, and who owns which file.
DPKG_INSTALLED = {"nginx", "libnginx-mod-http-brotli-static"}
DPKG_OWNERS = {"/usr/sbin/nginx": "nginx"}


def requirements(profile, **env):
    """{package: [executables or files that show it is there]} for `profile`, from the script."""
    listing = subprocess.run(
        [SCRIPT, profile, "--list"],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return {line.split()[0]: line.split()[1:] for line in listing.splitlines()}


def _stub(path, body=""):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"#!/bin/sh\n{body}\n")
    path.chmod(0o755)


class Machine:
    """Everything `make test` needs, except the packages in `lacking`; apt-get installs those
    unless `apt_get_works` is false."""

    def __init__(self, folder, lacking=(), apt_get_works=True, debian=True):
        self.bin = folder / "bin"
        self.root = folder / "root"
        self.calls = folder / "calls"
        self.bin.mkdir(parents=True)
        self.root.mkdir(parents=True)
        if debian:
            (self.root / "etc").mkdir()
            (self.root / "etc" / "debian_version").write_text("12.0\n")
        installs = []
        for package, items in requirements("test").items():
            for item in items:
                if item.startswith("/"):
                    target = self.root / item.lstrip("/")
                    if package in lacking:
                        installs.append(f"/bin/mkdir -p {target.parent}; : > {target}")
                    else:
                        target.parent.mkdir(parents=True, exist_ok=True)
                        target.write_text("")
                elif package in lacking:
                    installs.append(f"printf '#!/bin/sh\\n' > {self.bin / item}")
                    installs.append(f"/bin/chmod +x {self.bin / item}")
                else:
                    _stub(self.bin / item)
        # A PATH of stubs only: `#!/usr/bin/env bash` still finds bash.
        (self.bin / "bash").symlink_to(shutil.which("bash"))
        record = f'echo "apt-get $*" >> {self.calls}'
        install = "\n".join(installs) if apt_get_works else ":"
        _stub(self.bin / "apt-get", f'{record}\nif [ "$1" = install ]; then\n{install}\nfi')
        installed = "|".join(DPKG_INSTALLED)
        _stub(self.bin / "dpkg-query", f'case "$3" in {installed}) printf installed ;; esac')
        owners = "\n".join(
            f'  {path}) echo "{owner}: {path}" ;;' for path, owner in DPKG_OWNERS.items()
        )
        _stub(self.bin / "dpkg", f'shift\nfor path; do case "$path" in\n{owners}\nesac; done')

    def env(self, uid, **extra):
        return {
            "PATH": str(self.bin),
            "SYSTEM_REQUIREMENTS_ROOT": str(self.root),
            "SYSTEM_REQUIREMENTS_UID": str(uid),
            **extra,
        }

    def check(self, profile, uid, **extra):
        return subprocess.run(
            [SCRIPT, profile], env=self.env(uid, **extra), capture_output=True, text=True
        )

    def recorded(self):
        return self.calls.read_text().splitlines() if self.calls.exists() else []


@pytest.fixture
def project(tmp_path):
    """The Makefile and the script, with a .venv whose python and pytest write down any call."""
    folder = tmp_path / "project"
    (folder / "bin").mkdir(parents=True)
    shutil.copy(ROOT / "Makefile", folder)
    shutil.copy(SCRIPT, folder / "bin")
    (folder / "requirements-dev.txt").write_text("")
    for name in ("python", "pytest", "ruff"):
        _stub(folder / ".venv" / "bin" / name, f'echo "{name} $*" >> {tmp_path / "calls"}')
    return folder


def test_make_test_without_nginx_says_what_to_install_and_neither_installs_nor_tests(
    tmp_path, project
):
    machine = Machine(tmp_path, lacking={"nginx"})
    result = subprocess.run(
        [MAKE, "--no-print-directory", "test"],
        cwd=project,
        env=machine.env(uid=1000),
        capture_output=True,
        text=True,
    )

    assert result.returncode != 0
    assert (
        "`make test` needs what this machine lacks:\n  nginx: no nginx on PATH\n" in result.stderr
    )
    # dpkg still lists nginx, so a plain `apt-get install nginx` would do nothing.
    assert "  sudo apt-get install --no-install-recommends --reinstall nginx\n" in result.stderr
    assert "On macOS (Homebrew): brew install nginx\n" in result.stderr
    assert machine.recorded() == [], "nothing installed, no Python packages, no tests"


@pytest.mark.parametrize(
    "lacking, install",
    [
        ({"nginx"}, "--reinstall nginx"),
        ({"chromium", "default-jre-headless"}, "chromium default-jre-headless"),
    ],
    ids=["renamed-away", "never-installed"],
)
def test_as_root_on_debian_the_check_installs_what_is_missing_and_goes_on(
    tmp_path, lacking, install
):
    machine = Machine(tmp_path, lacking=lacking)

    result = machine.check("test", uid=0)

    assert result.returncode == 0, result.stderr
    assert machine.recorded() == [
        "apt-get update -qq",
        f"apt-get install -y -qq --no-install-recommends {install}",
    ]


def test_as_root_what_apt_get_did_not_bring_is_still_an_error(tmp_path):
    machine = Machine(tmp_path, lacking={"nginx"}, apt_get_works=False)

    result = machine.check("test", uid=0)

    assert result.returncode == 1
    assert "still missing after apt-get install" in result.stderr
    assert "nginx: no nginx on PATH" in result.stderr


def test_off_debian_even_root_gets_the_message_and_nothing_is_installed(tmp_path):
    machine = Machine(tmp_path, lacking={"nginx", "libnginx-mod-http-brotli-static"}, debian=False)

    result = machine.check("test", uid=0)

    assert result.returncode == 1
    assert "No Homebrew equivalent: libnginx-mod-http-brotli-static" in result.stderr
    assert machine.recorded() == []


def test_a_machine_with_everything_passes_in_silence(tmp_path):
    machine = Machine(tmp_path)

    result = machine.check("test", uid=1000)

    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    assert machine.recorded() == []


def test_make_run_needs_neither_chromium_nor_java_nor_nginx(tmp_path):
    machine = Machine(tmp_path, lacking={"chromium", "default-jre-headless", "nginx"})

    assert machine.check("run", uid=1000).returncode == 0
    assert machine.check("test", uid=1000).returncode == 1


def test_skipping_the_browser_tests_is_a_choice_the_message_offers(tmp_path):
    machine = Machine(tmp_path, lacking={"chromium", "default-jre-headless"})

    refused = machine.check("test", uid=1000)
    chosen = machine.check("test", uid=1000, SKIP_BROWSER_TESTS="1")
    contradicted = machine.check(
        "test", uid=1000, SKIP_BROWSER_TESTS="1", REQUIRE_BROWSER_TESTS="1"
    )

    assert refused.returncode == 1
    assert "SKIP_BROWSER_TESTS=1 make test" in refused.stderr
    assert chosen.returncode == 0
    assert contradicted.returncode == 2
    assert machine.recorded() == []


BROWSER_TESTS = """
import pytest

pytestmark = pytest.mark.browser

def test_page():
    pass

def test_another_page():
    pass

def test_html(nu_checker):
    pass

def test_without_chromium():
    pytest.skip("no Chromium found at /usr/bin/chromium")
"""

OTHER_TESTS = """
import pytest

def test_without_redis():
    pytest.skip("needs redis-server")
"""


@pytest.mark.parametrize(
    "skip, line",
    [
        (
            "1",
            "3 browser checks and 1 HTML check skipped: SKIP_BROWSER_TESTS=1 (without it, "
            "`make test` installs Chromium and Java as root, or says how)",
        ),
        ("", "1 browser check skipped: no Chromium found at /usr/bin/chromium"),
    ],
    ids=["chosen", "no-chromium"],
)
def test_the_summary_ends_with_how_many_browser_and_html_checks_were_skipped_and_why(
    tmp_path, skip, line
):
    (tmp_path / "pytest.ini").write_text(
        "[pytest]\naddopts = -ra -p tests.browser_skips\nmarkers =\n    browser: Chromium\n"
    )
    (tmp_path / "conftest.py").write_text(
        "import pytest\n\n@pytest.fixture\ndef nu_checker():\n    pass\n"
    )
    (tmp_path / "test_browser.py").write_text(BROWSER_TESTS)
    (tmp_path / "test_other.py").write_text(OTHER_TESTS)

    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider"],
        cwd=tmp_path,
        env={
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1",
            "SKIP_BROWSER_TESTS": skip,
            "REQUIRE_BROWSER_TESTS": "",
        },
        capture_output=True,
        text=True,
    )

    summary = result.stdout.splitlines()
    assert summary[-2] == line, result.stdout
    assert "short test summary info" in "\n".join(summary[:-2])

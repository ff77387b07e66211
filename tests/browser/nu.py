"""The W3C Nu HTML checker (vnu.jar from npm) over many documents in one Java run.

A JVM takes seconds to start, so `check(documents)` writes every document to a temporary folder
and runs vnu.jar once over all of them.
"""

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from tests.browser.audit import ROOT

VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def find_java():
    """The `java` binary, or None."""
    for candidate in (shutil.which("java"), "/usr/bin/java"):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


def vnu_command():
    # A short run: the quick JIT tier and the serial collector take a quarter of the CPU time.
    # The schema's recursion needs a deep stack (on one CPU the default overflows).
    # Language detection only ever warns, and warnings are not reported.
    return [
        find_java(),
        "-Xss4m",
        "-XX:TieredStopAtLevel=1",
        "-XX:+UseSerialGC",
        "-jar",
        str(VNU_JAR),
    ]


def missing():
    """Why the checker cannot run here, or None."""
    if find_java() is None:
        return "no Java runtime for the Nu HTML checker (apt-get install default-jre-headless)"
    if not VNU_JAR.is_file():
        return f"the Nu HTML checker is missing at {VNU_JAR} (run `npm ci`)"
    return None


def check(documents):
    """Errors in `documents` ({name: html}): a list of {"document", "line", "message",
    "extract"}, in the order vnu reports them."""
    with tempfile.TemporaryDirectory(prefix="nu-") as folder:
        names = {}
        for number, (name, html) in enumerate(documents.items()):
            path = Path(folder) / f"{number:03}.html"
            path.write_text(html, encoding="utf-8")
            names[path.name] = name
        run = subprocess.run(
            [*vnu_command(), "--errors-only", "--no-langdetect", "--format", "json", *names],
            cwd=folder,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
    try:
        messages = json.loads(run.stderr)["messages"]
    except (ValueError, KeyError) as error:
        raise RuntimeError(
            f"vnu.jar gave no JSON report (exit {run.returncode}): "
            f"{run.stderr[:2000]} {run.stdout[:2000]}"
        ) from error
    return [
        {
            "document": names.get(message.get("url", "").rsplit("/", 1)[-1], message.get("url")),
            "line": message.get("lastLine"),
            "message": message["message"],
            "extract": message.get("extract", "").strip(),
        }
        for message in messages
    ]


def format_errors(errors):
    return "\n".join(
        f"- {e['document']} line {e['line']}: {e['message']} «{e['extract'][:120]}»" for e in errors
    )

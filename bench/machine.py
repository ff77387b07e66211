"""What the numbers were measured on: the machine and the versions of what served them."""

import datetime
import os
import platform
from importlib import metadata
from pathlib import Path

from bench import database, wrk


def describe():
    return {
        "date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
        "nproc": len(os.sched_getaffinity(0)),  # what `nproc` prints
        "cpu": _cpuinfo("model name"),
        "memory": _memory(),
        "kernel": platform.release(),
        "python": platform.python_version(),
        "django": metadata.version("django"),
        "wagtail": metadata.version("wagtail"),
        "gunicorn": metadata.version("gunicorn"),
        **database.server_versions(),
        "wrk": wrk.version(),
    }


def _cpuinfo(field):
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        name, _, value = line.partition(":")
        if name.strip() == field:
            return value.strip()
    return "unknown"


def _memory():
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"):
            return f"{int(line.split()[1]) / 1024**2:.1f} GiB"
    return "unknown"

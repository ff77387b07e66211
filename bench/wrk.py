"""Throughput and latency of one URL with wrk (Debian's package `wrk`), over loopback."""

import re
import shutil
import statistics
import subprocess

THREADS = 2
CONNECTIONS = 8
DURATION_S = 10
RUNS = 3
# wrk's default of 2 s would drop a slow page's answers from the latency figures instead of
# counting them; gunicorn.conf.py gives a request 30 s.
TIMEOUT_S = 30
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}
LATENCY = re.compile(r"^\s*(50|99)(?:\.0+)?%\s+([\d.]+)(us|ms|s|m|h)\s*$", re.MULTILINE)
RATE = re.compile(r"^Requests/sec:\s+([\d.]+)", re.MULTILINE)
TOTAL = re.compile(r"^\s*(\d+) requests in", re.MULTILINE)
NON_2XX = re.compile(r"Non-2xx or 3xx responses:\s+(\d+)")
SOCKET_ERRORS = re.compile(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")


def require():
    path = shutil.which("wrk")
    if path is None:
        raise SystemExit("make bench needs wrk: apt-get install wrk")
    return path


def version():
    # wrk has no --version; its usage text starts with it.
    result = subprocess.run([require(), "-v"], capture_output=True, text=True, timeout=10)
    return (result.stdout or result.stderr).splitlines()[0].split(" [")[0]


def measure(url, runs=RUNS):
    """`runs` wrk runs: the median, min and max req/s, and the medians of p50 and p99."""
    results = [run(url) for _ in range(runs)]
    rates = [r["requests_per_s"] for r in results]
    return {
        "url": url,
        "requests_per_s": statistics.median(rates),
        "requests_per_s_min": min(rates),
        "requests_per_s_max": max(rates),
        "p50_ms": statistics.median(r["p50_ms"] for r in results),
        "p99_ms": statistics.median(r["p99_ms"] for r in results),
        "errors": sum(r["non_2xx"] + r["socket_errors"] for r in results),
        "runs": results,
    }


def run(url):
    command = [
        require(),
        f"-t{THREADS}",
        f"-c{CONNECTIONS}",
        f"-d{DURATION_S}s",
        f"--timeout={TIMEOUT_S}s",
        "--latency",
        url,
    ]
    output = subprocess.run(
        command, capture_output=True, text=True, check=True, timeout=DURATION_S + TIMEOUT_S + 30
    ).stdout
    return parse(output)


def parse(output):
    latencies = {p: float(v) * UNITS[unit] for p, v, unit in LATENCY.findall(output)}
    non_2xx = NON_2XX.search(output)
    socket_errors = SOCKET_ERRORS.search(output)
    return {
        "requests_per_s": float(RATE.search(output).group(1)),
        "requests": int(TOTAL.search(output).group(1)),
        "p50_ms": latencies["50"],
        "p99_ms": latencies["99"],
        "non_2xx": int(non_2xx.group(1)) if non_2xx else 0,
        "socket_errors": sum(map(int, socket_errors.groups())) if socket_errors else 0,
    }

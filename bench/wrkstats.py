"""Reads wrk outputs (run with --latency): requests/s, p50 and p99 in ms, and errors (non-2xx plus socket errors)."""
import glob, re, statistics


def to_ms(text):
    value, unit = re.match(r"([\d.]+)(us|ms|s)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def read(path):
    """(requests/s, p50 ms, p99 ms, errors) of one wrk run."""
    text = open(path).read()
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    p50 = to_ms(re.search(r"\s50%\s+(\S+)", text).group(1))
    p99 = to_ms(re.search(r"\s99%\s+(\S+)", text).group(1))
    non2xx = int(m.group(1)) if (m := re.search(r"Non-2xx or 3xx responses: (\d+)", text)) else 0
    sock = sum(int(x) for x in re.findall(r"(?:connect|read|write|timeout) (\d+)", text))
    return rps, p50, p99, non2xx + sock


def runs(pattern):
    """Every run whose file matches the glob pattern, in file name order."""
    return [read(path) for path in sorted(glob.glob(pattern))]


def med(rows, i):
    return statistics.median(r[i] for r in rows)

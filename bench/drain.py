"""Runs the drain benchmark (see drain.sh): one fresh simulator and gateway per controller."""
import json, shutil, statistics, subprocess, sys, tempfile, time, urllib.request

messages, capacity, latency_ms = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
queue = capacity  # the simulator queues as many as it works on, then refuses
dll = "src/Sluice/bin/Release/net10.0/Sluice.dll"
sim_port, gw_port = 5590, 5591
body = '{"employeeId":"1","punchedAt":"%s","deviceId":"DRAIN"}' % time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime())
limit_seconds = 90

controllers = [
    ("fixed 5", {"Concurrency": "5"}),
    (f"fixed {capacity}", {"Concurrency": str(capacity)}),
    ("fixed 200", {"Concurrency": "200"}),
    ("adaptive", {"Limit:Kind": "adaptive", "Limit:Initial": "4", "Limit:Max": "500"}),
]

AUTH = {"Authorization": "Bearer " + __import__("os").environ["SLUICE_TOKEN"]}  # set by bench/auth.sh

def call(url, method="GET"):
    request = urllib.request.Request(url, method=method, data=b"" if method == "POST" else None, headers=AUTH)
    with urllib.request.urlopen(request, timeout=10) as r:
        text = r.read()
        return json.loads(text) if text else None

def wait_ready(url):
    for _ in range(150):
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except Exception:
            time.sleep(0.2)
    raise SystemExit(f"{url} never became ready")

def legacy(gw):
    return next(d for d in call(f"{gw}/api/destinations") if d["name"] == "legacy")

only = [c.strip() for c in __import__("os").environ.get("ONLY", "").split(",") if c.strip()]
rows = []
for name, settings in (c for c in controllers if not only or c[0] in only):
    data = tempfile.mkdtemp()
    sim = subprocess.Popen(["dotnet", dll, "legacy-sim", "--port", str(sim_port), "--latency", f"{latency_ms}ms",
                            "--capacity", str(capacity), "--queue", str(queue)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    args = ["dotnet", dll, "--urls", f"http://127.0.0.1:{gw_port}", f"--Journal:Path={data}/sluice.db",
            f"--Legacy:BaseUrl=http://127.0.0.1:{sim_port}", "--Logging:LogLevel:Default=Warning",
            "--Delivery:Destinations:legacy:CircuitBreaker:FailureRatio=1"]
    args += [f"--Delivery:Destinations:legacy:{k}={v}" for k, v in settings.items()]
    gateway = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    gw, sim_url = f"http://127.0.0.1:{gw_port}", f"http://127.0.0.1:{sim_port}"
    try:
        wait_ready(f"{gw}/health/ready")
        wait_ready(f"{sim_url}/_sim/stats")
        subprocess.run(["bench/register.sh", gw, "1"], check=True, stdout=subprocess.DEVNULL)
        call(f"{gw}/api/destinations/legacy/pause", "POST")
        subprocess.run(["hey", "-n", str(messages), "-c", "100", "-m", "POST", "-T", "application/json", "-H", "Authorization: " + AUTH["Authorization"], "-d", body,
                        f"{gw}/api/punches"], check=True, stdout=subprocess.DEVNULL)
        call(f"{sim_url}/_sim/reset", "POST")
        limits, started = [], time.monotonic()
        call(f"{gw}/api/destinations/legacy/resume", "POST")
        while True:
            state = legacy(gw)
            limits.append(state["concurrencyLimit"])
            if state["backlog"] == 0 or time.monotonic() - started > limit_seconds:
                break
            time.sleep(0.2)
        elapsed = time.monotonic() - started
        stats = call(f"{sim_url}/_sim/stats")
        delivered = stats["unique"]
        rate = delivered / elapsed
        ceiling = capacity / (latency_ms / 1000)
        rows.append((name, delivered, elapsed, rate, rate / ceiling, stats["rejected"], stats["received"],
                     stats["latencyP99Ms"], statistics.median(limits), state["backlog"]))
    finally:
        for p in (gateway, sim):
            p.terminate()
            p.wait()
        shutil.rmtree(data, ignore_errors=True)

print(f"### Drain: {messages:,} punches to a simulator of capacity {capacity} at {latency_ms} ms "
      f"(queue {queue}, then 503) — ceiling {capacity / (latency_ms / 1000):,.0f}/s\n")
print("| controller | delivered | s | delivered/s | of capacity | refused (503) | of requests | simulator p99 ms | median limit | left |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for name, delivered, elapsed, rate, share, rejected, received, p99, limit, left in rows:
    print(f"| {name} | {delivered:,} | {elapsed:.1f} | {rate:,.0f} | {share:.0%} | {rejected:,} | {rejected / max(received, 1):.2%} | {p99:.0f} | {limit:.0f} | {left:,} |")
print(f"\nRuns stop when the backlog is empty or after {limit_seconds} s ('left' is what was still waiting).")

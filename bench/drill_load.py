"""Load client for bench/drills.sh: punches through nginx, as devices do, until STOP_FILE appears (or MAX_SECONDS).

Each punch has its own Idempotency-Key and one body; an attempt that is not acknowledged (an error, a 502, a 503) is
repeated with the same key and body, after Retry-After when the answer gave one, as the README tells clients to.
Usage: drill_load.py BASE_URL CLIENTS STOP_FILE MAX_SECONDS OUT_JSON PREFIX   (needs $SLUICE_TOKEN)
Writes OUT_JSON: counts, the acknowledged message ids and when each acknowledgement came, and the longest pause
any client saw between two acknowledgements.
"""
import datetime, http.client, json, os, random, sys, threading, time, urllib.parse

base, clients, stop_file, max_seconds, out, prefix = sys.argv[1], int(sys.argv[2]), sys.argv[3], float(sys.argv[4]), sys.argv[5], sys.argv[6]
url = urllib.parse.urlsplit(base)
token = os.environ["SLUICE_TOKEN"]
give_up_after = 60.0  # one punch retried this long without an acknowledgement is counted as not acknowledged
started = time.monotonic()
lock = threading.Lock()
totals = {"attempts": 0, "acknowledged": 0, "refused_503_retry_after": 0, "failed": 0, "abandoned": 0, "doubled": 0}
failures = {}
acknowledged = {}  # key -> message id
durations = []  # seconds each acknowledged punch took, from its first attempt (repeats included)
ack_times = []  # wall clock of every acknowledgement, to tell when intake resumed after an outage
pauses = []  # longest gap between two acknowledgements, per client
zone = datetime.timezone(datetime.timedelta(hours=-3))


def stopping():
    return os.path.exists(stop_file) or time.monotonic() - started > max_seconds


def count(name, detail=None):
    with lock:
        totals[name] += 1
        if detail is not None:
            failures[detail] = failures.get(detail, 0) + 1


def client(number):
    connection = None
    last_ack = time.monotonic()
    longest = 0.0
    sequence = 0
    while not stopping():
        key = f"{prefix}-{number}-{sequence}"
        sequence += 1
        body = json.dumps({
            "employeeId": str(random.randint(1, 500)),
            "punchedAt": datetime.datetime.now(zone).replace(microsecond=0).isoformat(),
            "deviceId": f"drill-{number}",
        })
        first = time.monotonic()
        while True:
            wait = 0.2
            try:
                if connection is None:
                    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
                connection.request("POST", "/api/punches", body, {
                    "Content-Type": "application/json", "Authorization": "Bearer " + token, "Idempotency-Key": key})
                response = connection.getresponse()
                text = response.read()
                count("attempts")
                if response.status == 202:
                    message = json.loads(text)["id"]
                    with lock:
                        if key in acknowledged and acknowledged[key] != message:
                            totals["doubled"] += 1
                        acknowledged[key] = message
                        totals["acknowledged"] += 1
                        ack_times.append(round(time.time(), 3))
                        durations.append(time.monotonic() - first)
                    now = time.monotonic()
                    longest = max(longest, now - last_ack)
                    last_ack = now
                    break
                if response.status == 503 and response.getheader("Retry-After"):
                    count("refused_503_retry_after")
                    wait = float(response.getheader("Retry-After"))
                else:
                    count("failed", f"{response.status}")
                if response.getheader("Connection", "").lower() == "close":
                    connection.close()
                    connection = None
            except (OSError, http.client.HTTPException) as error:
                count("attempts")
                count("failed", type(error).__name__)
                if connection is not None:
                    connection.close()
                connection = None
            if time.monotonic() - first > give_up_after:
                count("abandoned")
                break
            time.sleep(wait)
    with lock:
        pauses.append(longest)


threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
elapsed = time.monotonic() - started
durations.sort()
percentile = lambda p: round(durations[min(len(durations) - 1, int(p * len(durations)))] * 1000, 1) if durations else 0.0
with open(out, "w") as f:
    json.dump({**totals, "seconds": round(elapsed, 1), "longest_pause_s": round(max(pauses, default=0.0), 2),
               "p50_ms": percentile(0.5), "p99_ms": percentile(0.99),
               "failures": failures, "ack_times": sorted(ack_times), "ids": sorted(set(acknowledged.values()))}, f)

-- wrk script: punches from 5,000 employees (each employee's punches are delivered in order, so one
-- employee for every request would measure a queue, not the gateway). No Idempotency-Key: each is new.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
-- An admin token for the gateway under test (bench/auth.sh mints it with the run's signing key).
wrk.headers["Authorization"] = "Bearer " .. (os.getenv("SLUICE_TOKEN") or error("SLUICE_TOKEN is not set: source bench/auth.sh"))

request = function()
  local body = string.format(
    '{"employeeId":"%d","punchedAt":"2026-11-22T08:00:03-03:00","deviceId":"BENCH-1"}', math.random(1, 5000))
  return wrk.format(nil, nil, nil, body)
end

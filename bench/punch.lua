-- wrk script: punches from 5,000 registered employees (bench/register.sh), punched now (each employee's punches are
-- delivered in order, so one employee for every request would measure a queue, not the gateway). No Idempotency-Key.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
-- An admin token for the gateway under test (bench/auth.sh mints it with the run's signing key).
wrk.headers["Authorization"] = "Bearer " .. (os.getenv("SLUICE_TOKEN") or error("SLUICE_TOKEN is not set: source bench/auth.sh"))

-- SLUICE_PREFER=wait=5 (bench/replies.sh) sends RFC 7240 Prefer: each punch waits for the legacy system's answer.
if os.getenv("SLUICE_PREFER") then
  wrk.headers["Prefer"] = os.getenv("SLUICE_PREFER")
end

request = function()
  local body = string.format(
    '{"employeeId":"%d","punchedAt":"%s","deviceId":"BENCH-1","collector":"device"}',
    math.random(1, 5000), os.date("!%Y-%m-%dT%H:%M:%S+00:00"))
  return wrk.format(nil, nil, nil, body)
end

-- wrk script: punches from 5,000 employees (each employee's punches are delivered in order, so one
-- employee for every request would measure a queue, not the gateway). No Idempotency-Key: each is new.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

request = function()
  local body = string.format(
    '{"employeeId":"%d","punchedAt":"2026-11-22T08:00:03-03:00","deviceId":"BENCH-1"}', math.random(1, 5000))
  return wrk.format(nil, nil, nil, body)
end

-- GET /api/orders/{id} for ids drawn uniformly from 1..ORDERS_MAX_ID.
wrk.headers["Authorization"] = "Bearer " .. (os.getenv("SLUICE_TOKEN") or error("SLUICE_TOKEN is not set: source bench/auth.sh"))
local max = tonumber(os.getenv("ORDERS_MAX_ID") or "10000000")
math.randomseed(os.time())
request = function()
  return wrk.format("GET", "/api/orders/" .. math.random(1, max))
end

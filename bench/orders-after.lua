-- GET /api/orders?after={id}&limit=100 (keyset) for cursors drawn uniformly from the table.
wrk.headers["Authorization"] = "Bearer " .. (os.getenv("SLUICE_TOKEN") or error("SLUICE_TOKEN is not set: source bench/auth.sh"))
local max = tonumber(os.getenv("ORDERS_MAX_ID") or "10000000")
math.randomseed(os.time() + 2)
request = function()
  return wrk.format("GET", "/api/orders?after=" .. math.random(0, max - 100) .. "&limit=100")
end

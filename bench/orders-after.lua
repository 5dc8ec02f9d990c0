-- GET /api/orders?after={id}&limit=100 (keyset) for cursors drawn uniformly from the table.
local max = tonumber(os.getenv("ORDERS_MAX_ID") or "10000000")
math.randomseed(os.time() + 2)
request = function()
  return wrk.format("GET", "/api/orders?after=" .. math.random(0, max - 100) .. "&limit=100")
end

-- GET /api/orders/pages/{n}?size=100 for pages drawn uniformly from 1..ORDERS_PAGES.
wrk.headers["Authorization"] = "Bearer " .. (os.getenv("SLUICE_TOKEN") or error("SLUICE_TOKEN is not set: source bench/auth.sh"))
local pages = tonumber(os.getenv("ORDERS_PAGES") or "100000")
math.randomseed(os.time() + 1)
request = function()
  return wrk.format("GET", "/api/orders/pages/" .. math.random(1, pages) .. "?size=100")
end

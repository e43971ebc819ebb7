-- Cycles over the sample proposals (given as file names in SAMPLES, separated by ':') and posts each in turn.
local bodies = {}
for path in string.gmatch(os.getenv("SAMPLES") or "", "[^:]+") do
  local f = assert(io.open(path, "rb"))
  bodies[#bodies + 1] = f:read("*a")
  f:close()
end
local i = 0
request = function()
  i = i % #bodies + 1
  return wrk.format("POST", nil, {["Content-Type"] = "application/json"}, bodies[i])
end
-- No response() function: with one, wrk hands every body (40 KB for an assessment) to Lua, which costs the client
-- CPU on the same cores as the service. wrk counts answers with a status of 400 or more itself (non2xx below).
done = function(summary, latency, requests)
  io.write(string.format("RESULT rps=%.1f p50_ms=%.2f p99_ms=%.2f non2xx=%d socket_errors=%d requests=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.requests))
end

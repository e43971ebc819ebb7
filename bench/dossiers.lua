-- Files the sample proposals (SAMPLES, ':'-separated) as dossiers, each request under a new project id (so that each
-- filing stores a first version, never the "unchanged" shortcut): the thread's number, a run tag and a counter.
local bodies = {}
for path in string.gmatch(os.getenv("SAMPLES") or "", "[^:]+") do
  local f = assert(io.open(path, "rb"))
  bodies[#bodies + 1] = f:read("*a")
  f:close()
end
local threads = 0
setup = function(thread)
  threads = threads + 1
  thread:set("tid", threads)
end
local i = 0
local n = 0
local tag = os.getenv("RUN_TAG") or "B"
-- Filing needs a signed-in officer (issue 20): AUTH is the Authorization header (HTTP Basic), or COOKIE the session
-- cookie of the login form.
local headers = {["Content-Type"] = "application/json"}
if (os.getenv("AUTH") or "") ~= "" then headers["Authorization"] = os.getenv("AUTH") end
if (os.getenv("COOKIE") or "") ~= "" then headers["Cookie"] = os.getenv("COOKIE") end
request = function()
  i = i % #bodies + 1
  n = n + 1
  local body = string.gsub(bodies[i], '"id"%s*:%s*"[^"]*"', '"id": "' .. tag .. '-' .. tostring(tid) .. '-' .. n .. '"', 1)
  return wrk.format("POST", nil, headers, body)
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT rps=%.1f p50_ms=%.2f p99_ms=%.2f non2xx=%d socket_errors=%d requests=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.requests))
end

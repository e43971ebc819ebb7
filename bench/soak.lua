-- Mixed load for bench/soak.sh: single assessments of the samples, small lists (JSON and CSV, each with one bad
-- item, so answered 200 with that item in errors), and bad requests, each with the status the spec gives it.
-- Run with as many threads as connections: a thread then has one connection, its requests and responses strictly
-- alternate, and each response is checked against what its own request should get.
local samples = {}
for path in string.gmatch(os.getenv("SAMPLES") or "", "[^:]+") do
  local f = assert(io.open(path, "rb"))
  samples[#samples + 1] = f:read("*a")
  f:close()
end

local function minimal(id, extra)
  return string.format('{"id":"%s","name":"Đường tuần tra %s","location":{"province":"Lạng Sơn"},"sector":"TRANSPORT",'
    .. '"investment":{"totalVnd":50000000000}%s}', id, id, extra or "")
end

local ASSESS, BATCH = "/api/v1/assessments", "/api/v1/assessments/batch"
local JSON, CSV = "application/json", "text/csv"
local csv_head = "id,name,location.province,sector,investment.totalVnd\r\n"

-- What the spec says each bad request gets (API.md, README Errors).
local bad = {
  {400, ASSESS, JSON, '{"id": "X", "name": Đường tuần tra}'},                                   -- malformed
  {400, ASSESS, JSON, string.sub(minimal("T"), 1, 60)},                                          -- truncated
  {400, ASSESS, JSON, minimal("W", ',"schedule":{"startYear":"2026"}')},                         -- wrong type
  {400, ASSESS, JSON, (string.gsub(minimal("P"), "Lạng Sơn", "Lạng Sơm"))},                      -- unknown province
  {400, ASSESS, JSON, minimal("D", ',"description":' .. string.rep("[", 10000) .. string.rep("]", 10000))},
  {400, ASSESS, JSON, minimal("N", ',"environment":{"naturalForestConversionHa":1e400}')},      -- not finite
  {400, ASSESS, JSON, minimal("U", ',"description":"\255\254"')},                                -- not UTF-8
  {400, ASSESS, JSON, minimal("K", ',"id":"K2"')},                                               -- duplicate key
  {413, ASSESS, JSON, minimal("L", ',"description":"' .. string.rep("x", 1100000) .. '"')},      -- over 1 MiB
  {415, ASSESS, "text/plain", minimal("C")},                                                     -- content type
  {400, BATCH, JSON, minimal("O")},                                                              -- list not an array
  {400, BATCH, CSV, csv_head .. "B-1,\255,Lạng Sơn,TRANSPORT,1000\r\n"},                         -- CSV not UTF-8
}

local json_list = "[" .. (samples[1] or minimal("J-1")) .. "," .. (samples[5] or minimal("J-2")) .. ","
  .. minimal("J-BAD", ',"sector":"TRANSPROT"') .. "]"
local csv_list = csv_head .. "C-1,Đường tuần tra 1,Lạng Sơn,TRANSPORT,50000000000\r\n"
  .. "C-2,Trạm y tế,Hà Giang,HEALTH,12000000000\r\n" .. "C-3,Kho ngoại quan,Lào Cai,TRADE_LOGISTICS,nhiều\r\n"

-- Twenty requests in turn: 11 single assessments, 2 JSON lists, 2 CSV lists, 5 bad requests.
local schedule = {"single", "bad", "single", "json-list", "single", "bad", "single", "csv-list", "single", "bad",
                  "single", "single", "bad", "json-list", "single", "csv-list", "single", "bad", "single", "single"}

local i, s, b = 0, 0, 0
local expected, kind
sent, intended, intended4xx, unintended, wrong = 0, 0, 0, 0, ""

request = function()
  i = i % #schedule + 1
  kind = schedule[i]
  sent = sent + 1
  if kind == "single" then
    s = s % #samples + 1
    expected = 200
    return wrk.format("POST", ASSESS, {["Content-Type"] = JSON}, samples[s])
  elseif kind == "json-list" then
    expected = 200
    return wrk.format("POST", BATCH, {["Content-Type"] = JSON}, json_list)
  elseif kind == "csv-list" then
    expected = 200
    return wrk.format("POST", BATCH, {["Content-Type"] = CSV}, csv_list)
  end
  b = b % #bad + 1
  local r = bad[b]
  expected = r[1]
  return wrk.format("POST", r[2], {["Content-Type"] = r[3]}, r[4])
end

response = function(status, headers, body)
  if status == expected then
    intended = intended + 1
    if status >= 400 then intended4xx = intended4xx + 1 end
  else
    unintended = unintended + 1
    if #wrong < 400 then wrong = wrong .. string.format(" %s:%d(expected %d)", kind, status, expected) end
  end
end

local threads = {}
setup = function(thread)
  threads[#threads + 1] = thread
end

done = function(summary, latency, requests)
  local ok, bad4xx, un, why = 0, 0, 0, ""
  for _, t in ipairs(threads) do
    ok = ok + t:get("intended")
    bad4xx = bad4xx + t:get("intended4xx")
    un = un + t:get("unintended")
    why = why .. t:get("wrong")
  end
  local socket = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT requests=%d rps=%.1f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f intended=%d intended_4xx=%d "
    .. "unintended=%d socket_errors=%d\n", summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000, ok, bad4xx, un, socket))
  if why ~= "" then io.write("UNINTENDED" .. why .. "\n") end
end

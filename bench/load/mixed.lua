-- wrk script: the day's mixed traffic on one server. Of every 20 requests, 4 are citizens filing reports,
-- 10 citizens reading a report's status, 3 officers sending their position and 3 officers adding a note
-- to a report assigned to them (a status move, durable like a creation).
-- Reads "CODE SECRET NRP COOKIE" lines from the file named by BHABIN_MIXED_FILE (written by bench/load/run):
-- a report, its secret, its officer and that officer's session cookie. Counts answers by status and prints
-- them at the end, so refusals (429/503) are told apart from failures.
local reports = {}
local counter = 0
local prefix
statuses = {}  -- global: done() reads each thread's through thread:get
local threads = {}

function setup(thread)
  thread:set("seed", math.random(1, 1000000000))
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(seed)
  prefix = string.format("mix-%d-%d", os.time(), seed)
  for line in io.lines(os.getenv("BHABIN_MIXED_FILE")) do
    local code, secret, nrp, cookie = line:match("^(%S+) (%S+) (%S+) (%S+)$")
    if code then reports[#reports + 1] = {code = code, secret = secret, nrp = nrp, cookie = cookie} end
  end
end

local function key(kind)
  counter = counter + 1
  return string.format("%s-%s-%08d", prefix, kind, counter)
end

local function fileReport()
  local body = string.format(
    '{"category":"public_order","title":"Laporan uji campuran","description":"Laporan otomatis untuk uji beban campuran.",' ..
    '"incidentAtUnixMs":%d,"latDeg":%.6f,"lonDeg":%.6f,"anonymous":false,"reporterName":"Penguji",' ..
    '"reporterPhone":"081234567890"}',
    (os.time() - 3600) * 1000, -7.15 + math.random() * 0.25, 108.85 + math.random() * 0.25)
  return wrk.format("POST", "/api/v1/reports", {["Content-Type"] = "application/json", ["Idempotency-Key"] = key("r")}, body)
end

local function readStatus(report)
  return wrk.format("GET", "/api/v1/track/" .. report.code, {["X-Report-Secret"] = report.secret})
end

local function sendPosition(report)
  local body = string.format('{"latDeg":%.6f,"lonDeg":%.6f}', -7.15 + math.random() * 0.25, 108.85 + math.random() * 0.25)
  return wrk.format("PUT", "/api/v1/officer/position", {["Content-Type"] = "application/json", ["Cookie"] = report.cookie}, body)
end

local function addNote(report)
  return wrk.format("POST", "/api/v1/reports/" .. report.code .. "/moves",
    {["Content-Type"] = "application/json", ["Cookie"] = report.cookie, ["Idempotency-Key"] = key("m")},
    '{"action":"note","note":"Sedang ditindaklanjuti."}')
end

function request()
  local report = reports[math.random(1, #reports)]
  local slot = math.random(1, 20)
  if slot <= 4 then return fileReport() end
  if slot <= 14 then return readStatus(report) end
  if slot <= 17 then return sendPosition(report) end
  return addNote(report)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do total[status] = (total[status] or 0) + count end
  end
  local line = "answers by status:"
  for status, count in pairs(total) do line = line .. string.format(" %d=%d", status, count) end
  print(line)
end

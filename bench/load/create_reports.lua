-- wrk script: every request files a new report (its own Idempotency-Key) at a random spot in Brebes,
-- as the app does; the category cycles through all nine.
local categories = {"crime", "public_order", "traffic_accident", "disaster", "social_conflict", "drugs",
                    "environment", "health", "other"}
local counter = 0
local prefix

function setup(thread)
  thread:set("seed", math.random(1, 1000000000))
end

function init(args)
  math.randomseed(seed)
  prefix = string.format("wrk-%d-%d", os.time(), seed)
end

function request()
  counter = counter + 1
  local lat = -7.15 + math.random() * 0.25
  local lon = 108.85 + math.random() * 0.25
  local body = string.format(
    '{"category":"%s","title":"Laporan uji beban %d","description":"Laporan otomatis untuk uji beban server.",' ..
    '"incidentAtUnixMs":%d,"latDeg":%.6f,"lonDeg":%.6f,"anonymous":false,"reporterName":"Penguji",' ..
    '"reporterPhone":"081234567890"}',
    categories[counter % #categories + 1], counter, (os.time() - 3600) * 1000, lat, lon)
  local headers = {["Content-Type"] = "application/json", ["Idempotency-Key"] = string.format("%s-%08d", prefix, counter)}
  return wrk.format("POST", "/api/v1/reports", headers, body)
end

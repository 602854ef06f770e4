-- wrk script: citizens reading their reports' status. Reads "CODE SECRET" lines from the file named by
-- the environment variable BHABIN_TRACK_FILE (written by bench/load/run) and cycles through them.
local reports = {}
local next = 1

function init(args)
  for line in io.lines(os.getenv("BHABIN_TRACK_FILE")) do
    local code, secret = line:match("^(%S+) (%S+)$")
    if code then reports[#reports + 1] = {code, secret} end
  end
  next = math.random(1, #reports)
end

function request()
  local report = reports[next]
  next = next % #reports + 1
  return wrk.format("GET", "/api/v1/track/" .. report[1], {["X-Report-Secret"] = report[2]})
end

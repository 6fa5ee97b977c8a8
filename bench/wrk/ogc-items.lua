-- OGC API items pages: limit=100 with a 0.3° box around a station taken from a file of boxes
-- (BOXES, default /tmp/ogc-boxes.txt: one "minLon,minLat,maxLon,maxLat" per line, made from the
-- published stations CSV as docs/BENCHMARKS.md shows). Each connection walks the list from its own
-- starting point.
local boxes = {}
for line in io.lines(os.getenv("BOXES") or "/tmp/ogc-boxes.txt") do
  boxes[#boxes + 1] = line
end
local counter = 0

function setup(thread)
  thread:set("start", counter * 997)
  counter = counter + 1
end

local i = 0
function request()
  i = i + 1
  local box = boxes[((start or 0) + i) % #boxes + 1]
  return wrk.format("GET", "/ogc/collections/stations/items?limit=100&bbox=" .. box, { ["Accept"] = "application/geo+json" })
end

function response(status, headers, body)
  if status ~= 200 then
    print("status " .. status)
  end
end

-- wrk script: /api/clusters for a 1280x800 viewport at a random centre, zoom from the env var ZOOM
math.randomseed(7)
local zoom = tonumber(os.getenv("ZOOM") or "10")
request = function()
  local lat = 24 + math.random() * 16
  local lon = 104 + math.random() * 16
  local half = 640 * 360 / (256 * 2 ^ zoom)
  local halfLat = half * 0.8
  return wrk.format("GET", string.format("/api/clusters?z=%d&bbox=%.5f,%.5f,%.5f,%.5f", zoom,
    lon - half, lat - halfLat, lon + half, lat + halfLat))
end

-- wrk script: /api/nearby at random points over mainland China's populated area (deterministic seed)
math.randomseed(42)
request = function()
  local lat = 22 + math.random() * 18
  local lon = 102 + math.random() * 20
  return wrk.format("GET", string.format("/api/nearby?lat=%.5f&lon=%.5f&kind=station&limit=10", lat, lon))
end

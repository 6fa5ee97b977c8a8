-- wrk script: /api/search with text and facets, cycling through resident queries
local words = {"%E9%94%A6%E7%A7%80", "%E5%B9%B8%E7%A6%8F", "jinxiu", "xingfu", "hp", "%E4%B9%89%E8%AF%8A"}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", "/api/search?limit=20&q=" .. words[(i % #words) + 1])
end

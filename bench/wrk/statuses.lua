-- wrk script: /api/search like search.lua, counting the answers' statuses over all threads (for the overload run)
local words = {"%E9%94%A6%E7%A7%80", "%E5%B9%B8%E7%A6%8F", "jinxiu", "xingfu", "hp", "%E4%B9%89%E8%AF%8A"}
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) codes = {}; i = 0 end
function request()
  i = i + 1
  return wrk.format("GET", "/api/search?limit=20&q=" .. words[(i % #words) + 1])
end
function response(status, headers, body) codes[status] = (codes[status] or 0) + 1 end
function done(summary, latency, requests)
  local total = {}
  for _, t in ipairs(threads) do
    for k, v in pairs(t:get("codes")) do total[k] = (total[k] or 0) + v end
  end
  for k, v in pairs(total) do io.write(string.format("status %d: %d answers\n", k, v)) end
  io.write(string.format("socket errors: connect %d, read %d, write %d, timeout %d\n", summary.errors.connect, summary.errors.read,
    summary.errors.write, summary.errors.timeout))
end

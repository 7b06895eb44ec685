-- Replays pre-signed Twilio callbacks: wrk -s wrk-replay.lua <url> -- <path> <requests-file>
-- Each wrk thread starts at its own offset so threads send different callbacks. Requests are built by
-- plain concatenation: wrk.format costs ~12 us a request, which at 400,000 requests kept a core busy
-- for seconds of the measured run.
local requests = {}
local counter = 0
local threads = 0

function setup(thread)
  thread:set("offset", threads)
  threads = threads + 1
end

function init(args)
  local path, file = args[1], args[2]
  local head = "POST " .. path .. " HTTP/1.1\r\nHost: " .. wrk.host .. ":" .. wrk.port ..
    "\r\nContent-Type: application/x-www-form-urlencoded\r\nX-Twilio-Signature: "
  for line in io.lines(file) do
    local tab = line:find("\t", 1, true)
    local body = line:sub(1, tab - 1)
    requests[#requests + 1] = head .. line:sub(tab + 1) .. "\r\nContent-Length: " .. #body .. "\r\n\r\n" .. body
  end
  counter = (offset or 0) * math.floor(#requests / 2)
end

function request()
  counter = counter % #requests + 1
  return requests[counter]
end

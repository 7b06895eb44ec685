-- Replays pre-signed Twilio callbacks: wrk -s wrk-replay.lua <url> -- <path> <requests-file>
-- Each wrk thread starts at its own offset so threads send different callbacks.
local requests = {}
local counter = 0
local threads = 0

function setup(thread)
  thread:set("offset", threads)
  threads = threads + 1
end

function init(args)
  local path, file = args[1], args[2]
  for line in io.lines(file) do
    local body, signature = line:match("^([^\t]*)\t(.*)$")
    requests[#requests + 1] = wrk.format("POST", path,
      { ["Content-Type"] = "application/x-www-form-urlencoded", ["X-Twilio-Signature"] = signature }, body)
  end
  counter = (offset or 0) * math.floor(#requests / 2)
end

function request()
  counter = counter % #requests + 1
  return requests[counter]
end

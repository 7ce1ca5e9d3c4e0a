-- wrk script of src/bench/profile.sh: every request is a bulk import (POST /v1/articles, NDJSON) of SIZE new
-- articles with titles of their own.  Arguments: -- <category> <source> <editor key> [SIZE, default 1000]
local counter = 0
local category, source, size

function init(args)
    category, source, size = args[1], args[2], tonumber(args[4] or "1000")
    wrk.method = "POST"
    wrk.headers["Content-Type"] = "application/x-ndjson"
    wrk.headers["Authorization"] = "Bearer " .. args[3]
    math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)"), 16) % 100000)
    prefix = string.format("%x", math.random(1, 2 ^ 30))
end

local CONTENT = "Zürich — The city council met late on Tuesday; “we have listened,” the mayor said.\\n\\n" ..
    "The proposal would merge three departments and sell the old annex on the quay; supporters say it saves " ..
    "€4.5 million a year, opponents call the savings “optimistic, at best”.\\n\\nΨηφίστηκε; not yet. The partners " ..
    "in Thessaloníki, Łódź and Plzeň wait for the funding round to close, and their evaluation is due in June."

function request()
    counter = counter + 1
    local lines = {}
    for i = 1, size do
        lines[i] = string.format('{"title":"Import %s-%d-%d: council «approves» the plan","summary":"Bulk ' ..
            'article %d, with “quotes” and é.","content":"%s","category":"%s","source":"%s","publishedAt":' ..
            '"2026-10-%02dT%02d:%02d:00Z","originalUrl":"https://bench.example.org/p/%s/%d/%d","isSummary":false,"hasEditorialBias":false}',
            prefix, counter, i, i, CONTENT, category, source, 1 + counter % 28, i % 24, i % 60, prefix, counter, i)
    end
    return wrk.format(nil, nil, nil, table.concat(lines, "\n") .. "\n")
end

-- an answer other than 200, or a report with a failed line, is printed once per thread: a profile of refusals
-- would measure the wrong thing
local complained = false
function response(status, headers, body)
    if not complained and (status ~= 200 or not body:find('"failed":0', 1, true)) then
        complained = true
        print("UNEXPECTED answer " .. status .. ": " .. body:sub(1, 400))
    end
end

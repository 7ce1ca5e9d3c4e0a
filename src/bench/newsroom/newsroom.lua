-- wrk script of src/bench/newsroom.sh: counts status codes and body bytes in every thread and prints one
-- tab-separated line at the end, so that a 304 or an error is never taken for a 200:
--   BENCHSTATS  requests  seconds  req/s  p50_us  p99_us  responses  body_bytes  codes  socket_errors
-- codes is "200:1234,304:5" summed over all threads; socket_errors "connect:0,read:0,write:0,timeout:0".
-- With the argument `-- light`, see init().
-- With arguments `-- create <category> <source> <key1,key2,...> <run>` every request is instead a POST of a new
-- article (a different title each time, the editor keys taken in turn).
-- With `-- vary q` every request is the URL with a negated word of its own appended to q (`%20-zq<thread>x<n>`: a new
-- query text each time that matches the same articles), with `-- vary param` the URL with an ignored parameter of its
-- own (`&bench=<thread>x<n>`): either way a URL the render cache has never seen, so the database answers each one.
local threads = {}
local next_id = 0

function setup(thread)
    next_id = next_id + 1
    thread:set("thread_id", next_id)
    table.insert(threads, thread)
end

local function split(text, sep)
    local parts = {}
    for part in string.gmatch(text or "", "[^" .. sep .. "]+") do table.insert(parts, part) end
    return parts
end

local function json_string(text)
    text = text:gsub('[%c"\\]', function(c)
        if c == "\n" then return "\\n" end
        if c == '"' then return '\\"' end
        if c == "\\" then return "\\\\" end
        return string.format("\\u%04x", string.byte(c))
    end)
    return '"' .. text .. '"'
end

local CONTENT = table.concat({
    "Zürich — The city council met late on Tuesday; “we have listened,” the mayor said, before taking questions.",
    "The proposal would merge three departments, move about a hundred posts to the suburbs and sell the old annex " ..
    "on the quay. Supporters say it saves €4.5 million a year; opponents call the savings “optimistic, at best”.",
    "Ana Müller-Søndergaard, who has run a bakery on the main square for nineteen years, was unimpressed: " ..
    "\"They ask us every spring, they write a report every autumn, and then nothing changes.\"",
    "Ψηφίστηκε; not yet. The partners in Thessaloníki, Łódź and Plzeň wait for the funding round to close, " ..
    "and their own evaluation — due in June — will compare three districts, 6–9 % savings, «small sample».",
    "For residents, the most visible change would be the new service desk in the former post office, open six " ..
    "days a week until 20:00, with forms in eight languages, including Polish, Turkish, Portuguese and Tigrinya.",
    "Whatever happens, the timetable is tight. The final vote is scheduled for the last session before the " ..
    "summer recess; if it slips, the budget for next year will be drafted on the old structure, and the savings " ..
    "— real or imagined — postponed by at least twelve months. “Nobody wants that,” said a senior official.",
}, "\n\n")

function init(args)
    codes = {}
    bytes = 0
    responses = 0
    counter = 0
    if args[1] == "light" then
        -- Without a response function wrk neither keeps nor parses bodies: for huge responses (a CSV of a
        -- whole category is about 300 MB at 1 M articles, which wrk would hold in memory per connection).
        -- Codes are then only wrk's own split: 2xx-3xx, and 4xx-5xx (summary.errors.status).
        light = true
        response = nil
    end
    if args[1] == "vary" then
        suffix = args[2] == "q" and "%20-zq" or "&bench="
        request = vary_request
    end
    if args[1] == "create" then
        category, source, keys, run = args[2], args[3], split(args[4], ","), args[5] or "1"
        -- defined only here: without a request function wrk sends one prebuilt request, which costs it less
        request = create_request
    end
end

function vary_request()
    counter = counter + 1
    return wrk.format(nil, wrk.path .. suffix .. thread_id .. "x" .. counter)
end

function create_request()
    counter = counter + 1
    local key = keys[(thread_id + counter) % #keys + 1]
    local title = string.format("Late edition %s-%d-%d: council «approves» the plan, “with conditions”",
        run, thread_id, counter)
    local body = "{" ..
        '"title":' .. json_string(title) .. "," ..
        '"summary":' .. json_string("Bench article " .. counter .. " of thread " .. thread_id ..
            ", written by wrk: a summary with “quotes”, commas and é.") .. "," ..
        '"content":' .. json_string(CONTENT) .. "," ..
        '"category":' .. json_string(category) .. "," ..
        '"source":' .. json_string(source) .. "," ..
        '"publishedAt":"' .. os.date("!%Y-%m-%dT%H:%M:%SZ") .. '",' ..
        '"originalUrl":"https://bench.example.org/late/' .. run .. "/" .. thread_id .. "/" .. counter .. '",' ..
        '"isSummary":false,"hasEditorialBias":' .. ((counter % 7 == 0) and "true" or "false") .. "}"
    return wrk.format("POST", nil, {
        ["Content-Type"] = "application/json",
        ["Authorization"] = "Bearer " .. key,
    }, body)
end

function response(status, headers, body)
    codes[status] = (codes[status] or 0) + 1
    responses = responses + 1
    if body then bytes = bytes + #body end
end

function done(summary, latency, requests)
    local all, total_bytes, total_responses = {}, 0, 0
    for _, thread in ipairs(threads) do
        for code, count in pairs(thread:get("codes") or {}) do all[code] = (all[code] or 0) + count end
        total_bytes = total_bytes + (thread:get("bytes") or 0)
        total_responses = total_responses + (thread:get("responses") or 0)
    end
    local list = {}
    for code, _ in pairs(all) do table.insert(list, code) end
    table.sort(list)
    local parts = {}
    for _, code in ipairs(list) do table.insert(parts, code .. ":" .. all[code]) end
    local seconds = summary.duration / 1e6
    local e = summary.errors
    if threads[1] and threads[1]:get("light") then -- light is set in the threads' states, not in this one
        parts = summary.requests > e.status and { "2xx-3xx:" .. (summary.requests - e.status) } or {}
        if e.status > 0 then table.insert(parts, "4xx-5xx:" .. e.status) end
        total_responses, total_bytes = summary.requests, summary.bytes
    end
    io.write(string.format("BENCHSTATS\t%d\t%.3f\t%.2f\t%d\t%d\t%d\t%d\t%s\tconnect:%d,read:%d,write:%d,timeout:%d\n",
        summary.requests, seconds, summary.requests / seconds, latency:percentile(50), latency:percentile(99),
        total_responses, total_bytes, #parts > 0 and table.concat(parts, ",") or "none",
        e.connect, e.read, e.write, e.timeout))
end

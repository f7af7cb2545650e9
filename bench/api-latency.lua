-- wrk script for bench/api-token.sh: prints the latency percentiles in ms, the request count and the errors (any
-- status above 399 counts, as do connection errors), one "name value" per line, for the script to read.
done = function(summary, latency, requests)
    for _, p in ipairs({50, 90, 95, 99}) do
        io.write(string.format("p%d %.2f\n", p, latency:percentile(p) / 1000))
    end
    io.write(string.format("max %.2f\n", latency.max / 1000))
    io.write(string.format("requests %d\n", summary.requests))
    io.write(string.format("errors %d\n", summary.errors.status + summary.errors.connect + summary.errors.read
        + summary.errors.write + summary.errors.timeout))
end

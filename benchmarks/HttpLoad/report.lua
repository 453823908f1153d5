-- wrk's done() hook for benchmarks/HttpLoad/HttpLoad.Runner: one JSON line with the run's totals and latency
-- percentiles (microseconds), so the runner does not parse wrk's human-readable units.
done = function(summary, latency, requests)
  io.write(string.format(
    'WRKJSON {"requests":%d,"durationUs":%d,"connectErrors":%d,"readErrors":%d,"writeErrors":%d,"statusErrors":%d,"timeouts":%d,"latencyMeanUs":%.1f,"p50Us":%d,"p90Us":%d,"p99Us":%d,"maxUs":%d}\n',
    summary.requests, summary.duration, summary.errors.connect, summary.errors.read, summary.errors.write,
    summary.errors.status, summary.errors.timeout, latency.mean, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency.max))
end

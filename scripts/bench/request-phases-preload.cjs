// Preloaded into the gateway by request-phases.mjs (node -r): timestamps each request's phases from
// Node's and undici's diagnostics channels, and V8's collections, into a fixed buffer (nothing is
// allocated a request); on SIGUSR2 writes them as JSON to CORDON_PHASES_OUT. Timestamps are
// performance.now() of the gateway process; `mono` turns them into CLOCK_MONOTONIC ms (perf's -k).
const dc = require('node:diagnostics_channel');
const { PerformanceObserver, performance } = require('node:perf_hooks');
const { writeFileSync } = require('node:fs');

const CAP = 1_000_000;
const events = new Float64Array(CAP * 2); // [phase code, time] pairs
let n = 0;
const mark = (code) => () => {
  if (n < CAP) {
    events[n * 2] = code;
    events[n * 2 + 1] = performance.now();
    n++;
  }
};
dc.subscribe('http.server.request.start', mark(1));
dc.subscribe('undici:request:create', mark(2));
dc.subscribe('undici:client:sendHeaders', mark(3));
dc.subscribe('undici:request:headers', mark(4));
dc.subscribe('undici:request:trailers', mark(5));
dc.subscribe('http.server.response.finish', mark(6));
const gcs = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcs.push([e.startTime, e.duration]);
}).observe({ entryTypes: ['gc'] });
process.on('SIGUSR2', () => {
  const mono = Number(process.hrtime.bigint()) / 1e6 - performance.now();
  writeFileSync(process.env.CORDON_PHASES_OUT, JSON.stringify({ mono, events: Array.from(events.subarray(0, n * 2)), gcs }));
});

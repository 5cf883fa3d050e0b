// V8's --trace-gc and --trace-gc-nvp lines (`[pid:0xisolate]  1234 ms: ...`) in a gateway's log: the
// main heap's are those of the isolate with the most lines (worker threads, such as the SQLite
// writer, have isolates and lines of their own).

const isolateOf = (line) => (line.startsWith('[') && line.includes(' ms: ') ? line.slice(0, line.indexOf(']') + 1) : null);

/** The prefix (`[pid:0x...]`) of the main isolate's lines among `lines`, or null when there are none. */
export function mainIsolate(lines) {
  const counts = new Map();
  for (const l of lines) {
    const isolate = isolateOf(l);
    if (isolate) counts.set(isolate, (counts.get(isolate) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/** The lines of `isolate` (a prefix from mainIsolate) among `lines`. */
export const linesOf = (lines, isolate) => (isolate === null ? [] : lines.filter((l) => l.startsWith(isolate)));

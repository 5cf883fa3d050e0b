// What /proc says of a process's threads, for the benchmarks that split a process's CPU into its
// main thread and the others (first-token.mjs, llama-stream.mjs, builds-ab.mjs). Linux only: elsewhere
// the readers return nothing.
import { readdirSync, readFileSync } from 'node:fs';

/** ms on a core and ms waiting for one, per thread of `pid` (/proc/<pid>/task/<tid>/schedstat, ns). */
export function threadTimes(pid) {
  const out = new Map();
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      try {
        const [run, wait] = readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ').map(Number);
        out.set(tid, { run: run / 1e6, wait: wait / 1e6 });
      } catch {
        /* the thread ended */
      }
    }
  } catch {
    /* no /proc (not Linux) or the process ended */
  }
  return out;
}

/** ms on a core so far: the main thread's, and the other threads' together. */
export function cpuOf(pid) {
  let main = 0;
  let other = 0;
  for (const [tid, t] of threadTimes(pid)) {
    if (Number(tid) === pid) main += t.run;
    else other += t.run;
  }
  return { main, other };
}

/** The child processes of `pid` (e.g. the gateway's engine hosts). */
export function childrenOf(pid) {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((tid) => readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number));
  } catch {
    return [];
  }
}

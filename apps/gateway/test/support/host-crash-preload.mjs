// Loaded into engine hosts by the crash tests (NODE_OPTIONS=--import=<this file>): a request body
// that carries the marker aborts the host while it reads the request, as a native crash in llama.cpp
// would (SIGABRT), before anything is answered. Other processes (the gateway) are left alone.
if (process.argv.some((a) => a.endsWith('engine-host/main.js'))) {
  const parse = JSON.parse;
  JSON.parse = function (text, reviver) {
    if (typeof text === 'string' && text.includes('CRASH-THE-ENGINE-HOST')) process.abort();
    return parse.call(this, text, reviver);
  };
}

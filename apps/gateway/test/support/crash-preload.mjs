// Test-only preload (`node --import`), never loaded by the gateway itself: on SIGUSR2 the process
// throws from a timer (an uncaught exception) or, with CRASH_KIND=rejection, rejects a promise
// nobody handles. The messages quote a value, as Node's own messages quote request text.
process.on('SIGUSR2', () => {
  setTimeout(() => {
    if (process.env.CRASH_KIND === 'rejection') void Promise.reject(new Error('test rejection near "private prompt text"'));
    else throw new Error('test exception near "private prompt text"');
  }, 0);
});

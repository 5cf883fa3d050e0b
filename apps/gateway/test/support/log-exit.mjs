// Test-only script: the gateway's stdout logger (dist/log.js) in a process of its own. It logs a line
// and waits; on SIGUSR2 (sent once the test has closed the reading end of stdout) it logs two more,
// each flushed, so that one write is in flight and one is queued behind it, and exits at once: the
// queued line is then written synchronously on exit, into a broken pipe.
import { createLogger } from '../../dist/log.js';

const log = createLogger('info');
log.info('ready');
process.on('SIGUSR2', () => {
  log.info('one');
  log.flush();
  log.info('two');
  log.flush();
  process.exit(0);
});
setInterval(() => {}, 60_000);

// The floor the benchmarks hold the gateway to: a plain node:http + undici forwarder that reads the
// body, forwards it with undici's pooled client (the bearer passed on), and pipes the answer back
// chunk by chunk. What any Node gateway pays before doing anything of its own.
//   node scripts/bench/forwarder.cjs <upstream base URL>   (prints the port it listens on)
const http = require('node:http');
const { Pool } = require('undici');

const pool = new Pool(process.argv[2], { connections: 128 });
http
  .createServer((req, res) => {
    const chunks = [];
    req.on('data', (d) => chunks.push(d));
    req.on('end', async () => {
      try {
        const headers = { 'content-type': 'application/json' };
        if (req.headers.authorization) headers.authorization = req.headers.authorization;
        const up = await pool.request({ method: 'POST', path: req.url, headers, body: Buffer.concat(chunks) });
        const out = { 'content-type': up.headers['content-type'] };
        if (up.headers['content-length']) out['content-length'] = up.headers['content-length'];
        res.writeHead(up.statusCode, out);
        for await (const c of up.body) res.write(c);
        res.end();
      } catch {
        res.writeHead(502);
        res.end();
      }
    });
  })
  .listen(0, '127.0.0.1', function () {
    console.log(this.address().port);
  });

import { WebSocket } from 'undici';
const ws = new WebSocket(process.argv[2]);
let id = 0;
ws.addEventListener('message', (ev) => {
  const m = JSON.parse(ev.data);
  if (m.method === 'Debugger.paused') {
    for (const f of m.params.callFrames.slice(0, 25)) console.log(f.functionName || '(anon)', f.url.replace('file:///work/main/', ''), f.location.lineNumber + 1);
    ws.send(JSON.stringify({ id: ++id, method: 'Debugger.resume' }));
    setTimeout(() => process.exit(0), 200);
  }
});
ws.addEventListener('open', () => {
  ws.send(JSON.stringify({ id: ++id, method: 'Debugger.enable' }));
  ws.send(JSON.stringify({ id: ++id, method: 'Debugger.pause' }));
});
setTimeout(() => { console.log('no pause within 10 s'); process.exit(1); }, 10000);

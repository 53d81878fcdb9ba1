require('reflect-metadata');
const { spawn } = require('node:child_process');
const { randomUUID } = require('node:crypto');
const { connect, headers } = require('nats');
const t = require('./dist/libs/testing/src');
(async () => {
  const pg = await t.startEmbeddedPostgres({});
  const nats = await t.startNatsServer({});
  const port = await t.freePort();
  const child = spawn(process.execPath, ['--cpu-prof', '--cpu-prof-dir=/tmp/prof', '-r', './tools/runtime/register.js', 'dist/apps/accesso/src/main.js'], {
    env: { ...process.env, DATABASE_URL: pg.url, NATS_URL: nats.url, HTTP_PORT: String(port), LOG_LEVEL: 'warn' }, stdio: 'inherit' });
  await t.waitForPort(port, 60000).catch(()=>{});
  await new Promise(r => setTimeout(r, 3000));
  const nc = await connect({ servers: nats.url });
  const actor = { userId: 'op', nome: 'Op', ruoli: ['operatore-accesso'], ambito: 'CREMA', subAmbiti: ['SA-CREMA'], comuni: [] };
  const call = async (pattern, data) => {
    const h = headers(); h.set('Ambito-Actor', Buffer.from(JSON.stringify(actor)).toString('base64url')); h.set('Ambito-Correlation-Id', randomUUID());
    const r = await nc.request(pattern, JSON.stringify({ pattern, data, id: randomUUID() }), { timeout: 5000, headers: h });
    const j = r.json(); if (j.err) throw new Error(JSON.stringify(j.err)); return j.response;
  };
  const p = await call('accesso.persona.registra', { codiceFiscale: 'VRDGNN50A41D142Z', cognome: 'V', nome: 'G', dataNascita: '1950-01-01', luogoNascita: 'D142', sesso: 'F', cittadinanza: 'IT', comuneResidenza: '019035' });
  const body = { personaId: p.id, sede: 'SEDE-CREMA-HUB', canale: 'sportello', presentatoDa: 'interessato', areaBisogno: 'anziani', richiesta: 'x'.repeat(80) };
  const s = [];
  for (let i = 0; i < 3000; i++) { const t0 = performance.now(); await call('accesso.accesso.registra', body); s.push(performance.now() - t0); }
  s.sort((a, b) => a - b); console.log('p50', s[1500].toFixed(2), 'p99', s[2970].toFixed(2));
  await nc.close(); child.kill('SIGTERM'); await new Promise(r => child.on('exit', r));
  await nats.stop(); await pg.stop();
})();

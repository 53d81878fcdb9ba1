import { SpanKind, trace } from '@opentelemetry/api';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type ReadableSpan,
} from '@opentelemetry/sdk-trace-base';
import { eventSubject } from '@ambito/contracts';
import { eventually, generateIdentityKeys } from '@ambito/testing';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { persona, type TestAccesso, startTestAccesso } from '../../../accesso/test/accesso-harness';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { FINALITA_HTTP, startTestGateway, type TestGateway } from '../../../gateway/test/gateway-harness';
import {
  codiceFiscale,
  startTestPresaInCarico,
  type TestPresaInCarico,
} from '../../test/presa-in-carico-harness';

/*
 * Issue 13, point 5: one trace from the gateway to presa in carico. An operator closes an accesso with
 * a proposta over HTTP; the trace goes gateway → accesso (NATS request) → its outbox → JetStream →
 * presa in carico's intake consumer → its own request back to accesso, each hop carrying the W3C
 * `traceparent`. The spans are read from an in-memory exporter (the OTLP one is off in tests).
 */

const exporter = new InMemorySpanExporter();
trace.setGlobalTracerProvider(
  new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }),
);

describe('tracing: one trace from the HTTP request at the gateway to presa in carico and back to accesso', () => {
  let gateway: TestGateway;
  let accesso: TestAccesso;
  let pic: TestPresaInCarico;

  beforeAll(async () => {
    const identita = generateIdentityKeys();
    accesso = await startTestAccesso({}, { identita });
    pic = await startTestPresaInCarico({ identita, sportelloAccesso: false });
    gateway = await startTestGateway({ GATEWAY_SIGNING_KEY: identita.GATEWAY_SIGNING_KEY });
  });
  afterAll(async () => {
    await gateway?.close();
    await pic?.close();
    await accesso?.close();
  });

  it('links the gateway’s span, accesso’s, the event’s publish, the intake and its read of the proposta', async () => {
    const token = `Bearer ${await gateway.token('operatore.crema')}`;
    const post = (path: string, body: object) =>
      gateway.http.post(path).set('Authorization', token).set(FINALITA_HTTP).send(body);
    const p = await post('/api/v1/persone', persona(codiceFiscale())).expect(201);
    const a = await post('/api/v1/accessi', {
      personaId: p.body.id,
      sede: 'SEDE-CREMA-HUB',
      canale: 'sportello',
      presentatoDa: 'interessato',
      areaBisogno: 'anziani',
      richiesta: 'Non riesce più a lavarsi da sola.',
    }).expect(201);
    exporter.reset();
    // The caller's own trace (a browser, a proxy): the gateway continues it.
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    await post(`/api/v1/accessi/${a.body.id}/esito`, {
      tipo: 'proposta-presa-in-carico',
      motivazione: 'Perdita di autonomia, vive sola.',
      urgenza: 'prioritaria',
    })
      .set('traceparent', `00-${traceId}-00f067aa0ba902b7-01`)
      .expect(200);

    const chiuso = eventSubject('accesso.accesso.chiuso', 2);
    /** From accesso's answer to presa in carico, up the parents to the gateway (spans end child first). */
    const catenaDi = (spans: ReadableSpan[]): string[] => {
      const byId = new Map(spans.map((s) => [s.spanContext().spanId, s]));
      const catena: string[] = [];
      let span = spans.find((s) => s.name === 'accesso.proposta.leggi' && s.kind === SpanKind.SERVER);
      while (span) {
        catena.unshift(`${String(span.attributes['ambito.service'] ?? '')} ${span.name}`.trim());
        span = byId.get(span.parentSpanContext?.spanId ?? '');
      }
      return catena;
    };
    const spans = await eventually(
      () => {
        const della = exporter.getFinishedSpans().filter((s) => s.spanContext().traceId === traceId);
        expect(catenaDi(della)).toEqual([
          'gateway POST /api/v1/accessi/:id/esito',
          'accesso.accesso.chiudi', // the gateway's request (client side)
          'accesso accesso.accesso.chiudi',
          `${chiuso} publish`, // accesso's outbox relay
          `presa-in-carico ${chiuso} process`,
          'accesso.proposta.leggi', // presa in carico's call with its own identity
          'accesso accesso.proposta.leggi',
        ]);
        return della;
      },
      { timeoutMs: 20_000 },
    );
    // The root is the caller's span: the gateway's is its child.
    const radice = spans.find((s) => s.attributes['ambito.service'] === 'gateway')!;
    expect(radice.parentSpanContext?.spanId).toBe('00f067aa0ba902b7');
    expect(radice.attributes).toMatchObject({
      'http.route': '/api/v1/accessi/:id/esito',
      'http.response.status_code': 200,
    });
    // Nothing personal in span names: routes and subjects, never ids.
    expect(spans.map((s) => s.name).join(' ')).not.toContain(a.body.id);
  });
});

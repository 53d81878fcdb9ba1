import {
  PRESA_IN_CARICO_RPC,
  eventSubject,
  type AccessoChiusoV2,
  type CartellaApertaV1,
  type EventEnvelope,
} from '@ambito/contracts';
import { deadLetterStreamName, eventStreamName } from '@ambito/messaging';
import { eventually, rifiuto } from '@ambito/testing';
import {
  cartellaAperta,
  ATTORI,
  CREMA,
  PANDINO,
  accessoChiuso,
  apertura,
  codiceFiscale,
  conta,
  eventoDi,
  startTestPresaInCarico,
  type TestPresaInCarico,
} from '../../test/presa-in-carico-harness';
import { INTAKE_DURABLE } from './intake.consumer';

const { apriCartella, leggiCartella, leggiDiario } = PRESA_IN_CARICO_RPC;

describe('intake (accesso.accesso.chiuso.v2 on JetStream → proposta read from accesso → cartella in the sub-ambito queue)', () => {
  let svc: TestPresaInCarico;

  beforeAll(async () => {
    svc = await startTestPresaInCarico();
  });
  afterAll(async () => {
    await svc?.close();
  });

  /** Publishes and waits until the service's durable consumer has acknowledged the message. */
  async function consegna(envelope: ReturnType<typeof accessoChiuso>): Promise<void> {
    const js = svc.nats.jetstream();
    const ack = await js.publish(eventSubject(envelope.type, envelope.version), JSON.stringify(envelope));
    await eventually(
      async () => {
        const info = await (
          await svc.nats.jetstreamManager()
        ).consumers.info(eventStreamName('accesso'), INTAKE_DURABLE);
        expect(info.ack_floor.stream_seq).toBeGreaterThanOrEqual(ack.seq);
      },
      { timeoutMs: 10_000 },
    );
  }

  const cartellaDi = async (cf: string) =>
    svc.sql<{ id: string; sub_ambito: string; stato: string; episodio: number; persona_id: string | null }>(
      'SELECT id, sub_ambito, stato, episodio, persona_id FROM cartella WHERE codice_fiscale = $1',
      [cf],
    );

  it('puts the proposta in the queue of the sub-ambito of the comune of residence, not of the sede', async () => {
    const cf = codiceFiscale();
    // Colloquio at the Crema hub, person resident in Pandino: the Pandino équipe takes charge.
    const envelope = accessoChiuso({ codiceFiscale: cf, comuneResidenza: PANDINO });
    await consegna(envelope);

    const [cartella] = await cartellaDi(cf);
    expect(cartella).toMatchObject({ sub_ambito: 'SA-PANDINO', stato: 'in-attesa', episodio: 1 });
    // Linked to the registry's persona, so that a change of residence moves it (trasferimento).
    expect(cartella.persona_id).toBe(envelope.payload.personaId);
    const letta = await svc.as(ATTORI.coordinatorePandino)(leggiCartella, { id: cartella.id });
    expect(letta).toMatchObject({
      comuneResidenza: PANDINO,
      subAmbito: 'SA-PANDINO',
      caseManager: null,
      persona: { codiceFiscale: cf, cognome: 'Rossi', dataNascita: '1940-01-01' },
      proposte: [
        {
          origine: 'accesso',
          accessoId: envelope.payload.accessoId,
          urgenza: 'prioritaria',
          motivazione: 'Non autosufficiente, vive sola',
          stato: 'in-attesa',
        },
      ],
    });
    const diario = await svc.as(ATTORI.coordinatorePandino)(leggiDiario, { id: cartella.id });
    expect(diario).toEqual([
      expect.objectContaining({
        tipo: 'proposta',
        autore: { id: 'operatore.crema', nome: 'Giulia Ferrari' },
      }),
    ]);
    const evento = await eventoDi(
      svc,
      'presa-in-carico.cartella.aperta',
      (p) => p.cartellaId === cartella.id,
    );
    expect(evento.payload as CartellaApertaV1).toMatchObject({
      subAmbito: 'SA-PANDINO',
      origine: 'accesso',
      accessoId: envelope.payload.accessoId,
      nuova: true,
    });
    // Caused by the accesso event, in its correlation; no personal data on the wire.
    expect(evento).toMatchObject({ correlationId: envelope.correlationId, causationId: envelope.id });
    expect(JSON.stringify(evento)).not.toContain(cf);
    // The person and the motivazione came from accesso, read once with the service's own identity
    // (verified against the run's trusted keys) and the purpose presa-in-carico.
    expect(svc.accesso.letture.filter((l) => l.accessoId === envelope.payload.accessoId)).toEqual([
      {
        accessoId: envelope.payload.accessoId,
        userId: 'servizio:presa-in-carico',
        ruoli: ['servizio-presa-in-carico'],
        finalita: 'presa-in-carico',
        motivo: `Apertura della cartella per la proposta dell’accesso ${envelope.payload.accessoId}`,
      },
    ]);
  });

  it('waits for accesso: while it does not answer the event comes back, nothing is written, no dead letter; then it is taken in once', async () => {
    const cf = codiceFiscale();
    const envelope = accessoChiuso({ codiceFiscale: cf, comuneResidenza: CREMA });
    const jsm = await svc.nats.jetstreamManager();
    const dlqPrima = (await jsm.streams.info(deadLetterStreamName('presa-in-carico'))).state.messages;
    svc.accesso.ferma();
    try {
      const ack = await svc.nats
        .jetstream()
        .publish(eventSubject(envelope.type, envelope.version), JSON.stringify(envelope));
      // Redelivered with backoff (1 s, 2 s, …) while accesso does not answer.
      await eventually(
        async () => {
          const info = await jsm.consumers.info(eventStreamName('accesso'), INTAKE_DURABLE);
          expect(info.num_redelivered).toBeGreaterThan(0);
          expect(info.ack_floor.stream_seq).toBeLessThan(ack.seq);
        },
        { timeoutMs: 10_000 },
      );
      await new Promise((r) => setTimeout(r, 3500));
      expect(await cartellaDi(cf)).toEqual([]);
      const [{ n: inbox }] = await svc.sql<{ n: number }>(
        'SELECT count(*)::int AS n FROM inbox_message WHERE consumer = $1 AND event_id = $2',
        [INTAKE_DURABLE, envelope.id],
      );
      expect(inbox).toBe(0);
      expect((await jsm.streams.info(deadLetterStreamName('presa-in-carico'))).state.messages).toBe(dlqPrima);
    } finally {
      svc.accesso.avvia();
    }
    await eventually(async () => expect(await cartellaDi(cf)).toHaveLength(1), { timeoutMs: 15_000 });
    expect(svc.accesso.letture.filter((l) => l.accessoId === envelope.payload.accessoId)).toHaveLength(1);
    expect((await jsm.streams.info(deadLetterStreamName('presa-in-carico'))).state.messages).toBe(dlqPrima);
  });

  it('has no second effect when the same event is delivered again', async () => {
    const cf = codiceFiscale();
    const envelope = accessoChiuso({ codiceFiscale: cf, comuneResidenza: CREMA });
    await consegna(envelope);
    await consegna(envelope); // the same event id, delivered a second time
    const [cartella] = await cartellaDi(cf);
    const [{ n: proposte }] = await svc.sql<{ n: number }>(
      'SELECT count(*)::int AS n FROM proposta WHERE cartella_id = $1',
      [cartella.id],
    );
    expect(proposte).toBe(1);
    const [{ n: inbox }] = await svc.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM inbox_message WHERE consumer = $1 AND event_id = $2`,
      [INTAKE_DURABLE, envelope.id],
    );
    expect(inbox).toBe(1);
    const [{ n: eventi }] = await svc.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM outbox_message WHERE type = 'presa-in-carico.cartella.aperta' AND envelope->'payload'->>'cartellaId' = $1`,
      [cartella.id],
    );
    expect(eventi).toBe(1);
    // Once handled, a redelivery does not read the person again.
    expect(svc.accesso.letture.filter((l) => l.accessoId === envelope.payload.accessoId)).toHaveLength(1);
  });

  it('takes the same accesso in once even under a different event id', async () => {
    const cf = codiceFiscale();
    const primo = accessoChiuso({ codiceFiscale: cf, comuneResidenza: CREMA });
    await consegna(primo);
    await consegna({ ...primo, id: crypto.randomUUID() });
    const [cartella] = await cartellaDi(cf);
    const [{ n }] = await svc.sql<{ n: number }>(
      'SELECT count(*)::int AS n FROM proposta WHERE cartella_id = $1',
      [cartella.id],
    );
    expect(n).toBe(1);
  });

  it('reuses the person’s cartella: a second proposta joins the queue, no second cartella', async () => {
    const cf = codiceFiscale();
    await consegna(accessoChiuso({ codiceFiscale: cf, comuneResidenza: CREMA }));
    await consegna(accessoChiuso({ codiceFiscale: cf, comuneResidenza: CREMA }));
    const cartelle = await cartellaDi(cf);
    expect(cartelle).toHaveLength(1);
    const letta = await svc.as(ATTORI.coordinatoreCrema)(leggiCartella, { id: cartelle[0].id });
    expect(letta.proposte.map((p) => p.stato)).toEqual(['in-attesa', 'in-attesa']);
    const evento = await eventoDi(
      svc,
      'presa-in-carico.cartella.aperta',
      (p) => p.cartellaId === cartelle[0].id && p.nuova === false,
    );
    expect(evento.payload).toMatchObject({ episodio: 1 });
  });

  it('moves a still unassigned cartella to the queue of the latest residence', async () => {
    const cf = codiceFiscale();
    await consegna(accessoChiuso({ codiceFiscale: cf, comuneResidenza: CREMA }));
    await consegna(accessoChiuso({ codiceFiscale: cf, comuneResidenza: PANDINO }));
    const [cartella] = await cartellaDi(cf);
    expect(cartella).toMatchObject({ sub_ambito: 'SA-PANDINO', stato: 'in-attesa' });
  });

  it('ignores accessi closed with any other esito, without reading anything from accesso', async () => {
    const cf = codiceFiscale();
    const prima = await conta(svc, 'cartella');
    const envelope = accessoChiuso(
      { codiceFiscale: cf, comuneResidenza: CREMA },
      { esito: { tipo: 'informazione-orientamento', urgenza: null } },
    );
    await consegna(envelope);
    expect(await conta(svc, 'cartella')).toBe(prima);
    expect(svc.accesso.letture.filter((l) => l.accessoId === envelope.payload.accessoId)).toEqual([]);
  });

  describe('contract of the event', () => {
    const DLQ = deadLetterStreamName('presa-in-carico');
    const DLQ_SUBJECT = `dlq.presa-in-carico.${INTAKE_DURABLE}`;

    /** The message parked in the dead-letter stream for this event id (published as is on the wire). */
    async function parcheggiato(eventId: string): Promise<{ error: string; subject: string }> {
      const jsm = await svc.nats.jetstreamManager();
      let trovato: { error: string; subject: string } | undefined;
      await eventually(
        async () => {
          const { state } = await jsm.streams.info(DLQ);
          for (let seq = state.first_seq; seq <= state.last_seq && !trovato; seq++) {
            const m = await jsm.streams.getMessage(DLQ, { seq }).catch(() => null);
            if (m && m.subject === DLQ_SUBJECT && m.json<EventEnvelope>().id === eventId)
              trovato = {
                error: m.header.get('Ambito-Dlq-Error'),
                subject: m.header.get('Ambito-Dlq-Subject'),
              };
          }
          expect(trovato).toBeDefined();
        },
        { timeoutMs: 10_000 },
      );
      return trovato!;
    }

    it('parks a proposta that breaks the contract in the dead-letter stream, naming the field, reads and opens nothing', async () => {
      const prima = await conta(svc, 'cartella');
      const cf = codiceFiscale();
      // A proposta without its urgency: the équipe could not plan it.
      const senzaUrgenza = accessoChiuso(
        { codiceFiscale: cf, comuneResidenza: CREMA },
        { esito: { tipo: 'proposta-presa-in-carico' } as AccessoChiusoV2['esito'] as never },
      );
      // An accesso id that is not one.
      const idSbagliato = accessoChiuso({ codiceFiscale: cf, comuneResidenza: CREMA });
      (idSbagliato.payload as unknown as Record<string, unknown>).accessoId = 12345678901;
      const envelopes: EventEnvelope<'accesso.accesso.chiuso', AccessoChiusoV2>[] = [
        senzaUrgenza,
        idSbagliato,
      ];
      for (const envelope of envelopes) await consegna(envelope);

      const primo = await parcheggiato(senzaUrgenza.id);
      expect(primo.subject).toBe('evt.accesso.accesso.chiuso.v2');
      expect(primo.error).toMatch(/^payload non valido: esito\.urgenza: /);
      const secondo = await parcheggiato(idSbagliato.id);
      expect(secondo.error).toMatch(/^payload non valido: accessoId: /);

      expect(await conta(svc, 'cartella')).toBe(prima);
      expect(await cartellaDi(cf)).toEqual([]);
      const [{ n: inbox }] = await svc.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM inbox_message WHERE consumer = $1 AND event_id = ANY($2)`,
        [INTAKE_DURABLE, envelopes.map((e) => e.id)],
      );
      expect(inbox).toBe(0);
      expect(
        svc.accesso.letture.filter((l) => envelopes.some((e) => e.payload.accessoId === l.accessoId)),
      ).toEqual([]);
    });
  });

  describe('direct opening', () => {
    it('opens a case on a dimissione protetta for the équipe of the comune of residence', async () => {
      const cf = codiceFiscale();
      const cartella = cartellaAperta(
        await svc.as(ATTORI.coordinatoreCrema)(apriCartella, apertura(cf, CREMA)),
      );
      expect(cartella).toMatchObject({
        subAmbito: 'SA-CREMA',
        stato: 'in-attesa',
        proposte: [
          {
            origine: 'dimissione-protetta',
            accessoId: null,
            inviante: 'ASST Crema – Medicina generale',
            urgenza: 'urgente',
          },
        ],
      });
      await eventoDi(svc, 'presa-in-carico.cartella.aperta', (p) => p.cartellaId === cartella.id);
    });

    it('accepts a court mandate and a specialist service’s report as origins', async () => {
      for (const origine of [
        'mandato-autorita-giudiziaria',
        'segnalazione-servizio-specialistico',
      ] as const) {
        const c = cartellaAperta(
          await svc.as(ATTORI.asCrema)(apriCartella, { ...apertura(codiceFiscale()), origine }),
        );
        expect(c.proposte[0].origine).toBe(origine);
      }
      expect(
        await rifiuto(
          svc.as(ATTORI.coordinatoreCrema)(apriCartella, {
            ...apertura(codiceFiscale()),
            origine: 'accesso' as 'dimissione-protetta',
          }),
        ),
      ).toBe('VALIDAZIONE_FALLITA');
    });

    it('refuses the front desk and another sub-ambito’s équipe, writes nothing and audits the refusal', async () => {
      const prima = await conta(svc, 'cartella');
      expect(await rifiuto(svc.as(ATTORI.operatoreCrema)(apriCartella, apertura(codiceFiscale())))).toBe(
        'OPERAZIONE_NON_CONSENTITA',
      );
      expect(
        await rifiuto(svc.as(ATTORI.coordinatorePandino)(apriCartella, apertura(codiceFiscale(), CREMA))),
      ).toBe('FUORI_AMBITO_TERRITORIALE');
      expect(
        await rifiuto(svc.as(ATTORI.coordinatoreCrema)(apriCartella, apertura(codiceFiscale(), '015146'))),
      ).toBe('COMUNE_SCONOSCIUTO');
      expect(
        await rifiuto(svc.as(ATTORI.coordinatoreCrema)(apriCartella, apertura('RSSMRA50A41D142X', CREMA))),
      ).toBe('CODICE_FISCALE_NON_VALIDO');
      expect(await conta(svc, 'cartella')).toBe(prima);
      const negati = await svc.sql<{ utente: string; codice_errore: string }>(
        `SELECT utente, codice_errore FROM voce_audit WHERE azione = 'apri' AND esito = 'negato' ORDER BY il`,
      );
      expect(negati).toEqual([
        { utente: 'operatore.crema', codice_errore: 'OPERAZIONE_NON_CONSENTITA' },
        { utente: 'coordinatore.pandino', codice_errore: 'FUORI_AMBITO_TERRITORIALE' },
        { utente: 'coordinatore.crema', codice_errore: 'COMUNE_SCONOSCIUTO' },
        { utente: 'coordinatore.crema', codice_errore: 'CODICE_FISCALE_NON_VALIDO' },
      ]);
    });
  });
});

import { AckPolicy, DeliverPolicy, type ConsumerMessages, type NatsConnection } from 'nats';
import { randomUUID } from 'node:crypto';
import {
  ACCESSO_RPC,
  type AccessoChiusoV2,
  type AccessoRegistratoV1,
  type EventEnvelope,
  type PersonaV1,
} from '@ambito/contracts';
import { connectTestNats, eventually, rifiuto } from '@ambito/testing';
import {
  ATTORI,
  CREMA,
  SONCINO,
  accesso,
  persona,
  startTestAccesso,
  type TestAccesso,
} from '../../test/accesso-harness';

const {
  registraPersona,
  registraAccesso,
  aggiornaAccesso,
  chiudiAccesso,
  annotaAccesso,
  leggiAccesso,
  elencaAccessi,
} = ACCESSO_RPC;

describe('accessi (NATS → accesso → PostgreSQL → JetStream)', () => {
  let svc: TestAccesso;
  let nc: NatsConnection;
  let messages: ConsumerMessages;
  let rossi: PersonaV1;
  let residenteSoncino: PersonaV1;
  const eventi: EventEnvelope[] = [];
  const operatore = () => svc.as(ATTORI.operatoreCrema);

  beforeAll(async () => {
    svc = await startTestAccesso();
    nc = await connectTestNats();
    const durable = `test-${randomUUID()}`;
    await (
      await nc.jetstreamManager()
    ).consumers.add('EVT_ACCESSO', {
      durable_name: durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.New,
    });
    messages = await (await nc.jetstream().consumers.get('EVT_ACCESSO', durable)).consume();
    void (async () => {
      for await (const m of messages) {
        eventi.push(m.json());
        m.ack();
      }
    })();
    rossi = await operatore()(registraPersona, persona('RSSMRA50A41D142K'));
    residenteSoncino = await operatore()(registraPersona, persona('CSTPLA55L20D142P', SONCINO, 'Castelli'));
  });
  afterAll(async () => {
    await messages?.close();
    await nc?.close();
    await svc?.close();
  });

  const eventoDi = <P>(type: string, accessoId: string) =>
    eventually(
      () => {
        const found = eventi.find(
          (e) => e.type === type && (e.payload as { accessoId: string }).accessoId === accessoId,
        );
        expect(found).toBeDefined();
        return found as EventEnvelope<string, P>;
      },
      { timeoutMs: 10_000 },
    );

  it('registers an accesso in the sede’s sub-ambito and publishes accesso.registrato through the outbox', async () => {
    const a = await operatore()(registraAccesso, accesso(rossi.id));
    expect(a).toMatchObject({
      stato: 'aperto',
      subAmbito: 'SA-CREMA',
      comuneResidenza: CREMA,
      operatore: { id: 'operatore.crema' },
      persona: { id: rossi.id, codiceFiscale: 'RSSMRA50A41D142K' },
      esito: null,
    });
    const evento = await eventoDi<AccessoRegistratoV1>('accesso.accesso.registrato', a.id);
    expect(evento).toMatchObject({ version: 1, actor: { userId: 'operatore.crema' }, ambito: 'CREMA' });
    expect(evento.payload).toMatchObject({
      personaId: rossi.id,
      sede: 'SEDE-CREMA-HUB',
      areaBisogno: 'anziani',
    });
    expect(JSON.stringify(evento.payload)).not.toContain('RSSMRA50A41D142K');
  });

  it('closes once: the esito is final, corrections are refused, notes are still accepted', async () => {
    const a = await operatore()(registraAccesso, accesso(rossi.id));
    const chiuso = await operatore()(chiudiAccesso, {
      id: a.id,
      esito: {
        tipo: 'invio-altro-servizio',
        servizio: 'CPS di Crema',
        motivazione: 'ignorata per questo esito',
      },
    });
    expect(chiuso.esito).toEqual({
      tipo: 'invio-altro-servizio',
      servizio: 'CPS di Crema',
      motivazione: null,
      urgenza: null,
      note: null,
    });
    const evento = await eventoDi<AccessoChiusoV2>('accesso.accesso.chiuso', a.id);
    // The kind of esito; the service it was sent to is free text (a CPS says mental health): not here.
    expect(evento.payload.esito).toEqual({ tipo: 'invio-altro-servizio', urgenza: null });
    expect(JSON.stringify(evento)).not.toContain('CPS');

    expect(await rifiuto(operatore()(aggiornaAccesso, { id: a.id, richiesta: 'riscritta' }))).toBe(
      'ACCESSO_GIA_CHIUSO',
    );
    expect(
      await rifiuto(operatore()(chiudiAccesso, { id: a.id, esito: { tipo: 'informazione-orientamento' } })),
    ).toBe('ACCESSO_GIA_CHIUSO');
    await expect(svc.sql(`UPDATE accesso SET richiesta = 'x' WHERE id = $1`, [a.id])).rejects.toThrow(
      /già chiuso/,
    );
    const annotato = await operatore()(annotaAccesso, { id: a.id, testo: 'Richiamato il CPS.' });
    expect(annotato.annotazioni).toEqual([
      expect.objectContaining({ testo: 'Richiamato il CPS.', autore: 'operatore.crema' }),
    ]);
    expect((await operatore()(leggiAccesso, { id: a.id })).richiesta).toBe('Chiede assistenza domiciliare.');
  });

  it('closes exactly once under concurrent requests, with one event', async () => {
    const a = await operatore()(registraAccesso, accesso(rossi.id));
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, () =>
        operatore()(chiudiAccesso, { id: a.id, esito: { tipo: 'informazione-orientamento' } }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const [row] = await svc.sql<{ n: string }>(
      `SELECT count(*) AS n FROM outbox_message WHERE type = 'accesso.accesso.chiuso' AND envelope->'payload'->>'accessoId' = $1`,
      [a.id],
    );
    expect(Number(row.n)).toBe(1);
  });

  it('publishes accesso.chiuso.v2 with ids and the esito kind only: never the person, the request, the motivazione', async () => {
    const a = await operatore()(registraAccesso, {
      ...accesso(rossi.id),
      areaBisogno: 'salute-mentale-dipendenze',
      richiesta: 'Riferisce una dipendenza da alcol del figlio convivente.',
    });
    expect(
      await rifiuto(operatore()(chiudiAccesso, { id: a.id, esito: { tipo: 'proposta-presa-in-carico' } })),
    ).toBe('VALIDAZIONE_FALLITA');
    await operatore()(chiudiAccesso, {
      id: a.id,
      esito: {
        tipo: 'proposta-presa-in-carico',
        motivazione: 'Non autosufficiente, vive sola',
        urgenza: 'urgente',
      },
    });
    // Read from the stream as any consumer reads it (the test user).
    const evento = await eventoDi<AccessoChiusoV2>('accesso.accesso.chiuso', a.id);
    expect(evento.version).toBe(2);
    expect(evento.payload).toEqual({
      accessoId: a.id,
      personaId: rossi.id,
      sede: 'SEDE-CREMA-HUB',
      subAmbito: 'SA-CREMA',
      chiusoIl: expect.any(String),
      operatoreId: 'operatore.crema',
      esito: { tipo: 'proposta-presa-in-carico', urgenza: 'urgente' },
    });
    const testo = JSON.stringify(evento);
    for (const personale of [
      'RSSMRA50A41D142K',
      rossi.cognome,
      rossi.nome,
      rossi.dataNascita,
      'dipendenza',
      'salute-mentale',
      'Non autosufficiente',
    ])
      expect(testo).not.toContain(personale);
  });

  it.each([
    ['an unknown sede', { sede: 'SEDE-INESISTENTE' }, 'SEDE_SCONOSCIUTA'],
    ['an unknown persona', { personaId: randomUUID() }, 'PERSONA_NON_TROVATA'],
    ['a date in the future', { dataOra: '2999-01-01T10:00:00Z' }, 'DATA_NON_VALIDA'],
    ['no referente for someone else', { presentatoDa: 'familiare' as const }, 'VALIDAZIONE_FALLITA'],
    ['an unknown area di bisogno', { areaBisogno: 'svago' as 'altro' }, 'VALIDAZIONE_FALLITA'],
  ])('refuses an accesso with %s and writes nothing', async (_, change, code) => {
    const [prima] = await svc.sql<{ n: string }>('SELECT count(*) AS n FROM accesso');
    expect(await rifiuto(operatore()(registraAccesso, { ...accesso(rossi.id), ...change }))).toBe(code);
    const [dopo] = await svc.sql<{ n: string }>('SELECT count(*) AS n FROM accesso');
    expect(dopo.n).toBe(prima.n);
  });

  describe('territorial scope', () => {
    let id: string;
    beforeAll(async () => {
      id = (await operatore()(registraAccesso, accesso(rossi.id))).id;
    });

    it('lets the sub-ambito’s coordinator and the comune of residence read it', async () => {
      expect((await svc.as(ATTORI.coordinatoreCrema)(leggiAccesso, { id })).id).toBe(id);
      expect((await svc.as(ATTORI.responsabileCrema)(leggiAccesso, { id })).id).toBe(id);
    });

    it('hides it from other sub-ambiti and comuni, and records each refusal', async () => {
      const soncino = svc.as(ATTORI.operatoreSoncino);
      expect(await rifiuto(soncino(leggiAccesso, { id }))).toBe('ACCESSO_NON_TROVATO');
      expect(await rifiuto(soncino(aggiornaAccesso, { id, note: 'x' }))).toBe('ACCESSO_NON_TROVATO');
      expect(await rifiuto(soncino(annotaAccesso, { id, testo: 'x' }))).toBe('ACCESSO_NON_TROVATO');
      expect(await rifiuto(soncino(registraAccesso, accesso(rossi.id)))).toBe('FUORI_AMBITO_TERRITORIALE');
      expect((await soncino(elencaAccessi, { personaId: rossi.id })).totale).toBe(0);
      expect(await rifiuto(svc.as(ATTORI.responsabilePandino)(leggiAccesso, { id }))).toBe(
        'ACCESSO_NON_TROVATO',
      );
      expect(await rifiuto(svc.as(ATTORI.responsabileCrema)(annotaAccesso, { id, testo: 'x' }))).toBe(
        'OPERAZIONE_NON_CONSENTITA',
      );
      expect(await rifiuto(svc.as(ATTORI.udp)(leggiAccesso, { id }))).toBe('OPERAZIONE_NON_CONSENTITA');

      const negati = await svc.sql<{ utente: string; azione: string }>(
        `SELECT utente, azione FROM voce_audit WHERE esito = 'negato' AND soggetto_id = $1`,
        [rossi.id],
      );
      expect(negati).toEqual(
        expect.arrayContaining([
          { utente: 'operatore.soncino', azione: 'leggi' },
          { utente: 'operatore.soncino', azione: 'aggiorna' },
          { utente: 'operatore.soncino', azione: 'annota' },
          { utente: 'operatore.soncino', azione: 'registra' },
          { utente: 'responsabile.pandino', azione: 'leggi' },
          { utente: 'responsabile.crema', azione: 'annota' },
          { utente: 'udp', azione: 'leggi' },
        ]),
      );
      const [{ note }] = await svc.sql<{ note: string | null }>('SELECT note FROM accesso WHERE id = $1', [
        id,
      ]);
      expect(note).toBeNull();
    });

    it('lets an operator register at its sede the accesso of a resident elsewhere in the ambito', async () => {
      const a = await operatore()(registraAccesso, accesso(residenteSoncino.id));
      expect(a).toMatchObject({ subAmbito: 'SA-CREMA', comuneResidenza: SONCINO });
      // the comune of residence is not the sub-ambito of the operator of Soncino: still invisible to them
      expect(await rifiuto(svc.as(ATTORI.operatoreSoncino)(leggiAccesso, { id: a.id }))).toBe(
        'ACCESSO_NON_TROVATO',
      );
    });
  });

  it('lists with filters and pagination, newest first, and audits every accesso shown', async () => {
    const p = await operatore()(registraPersona, persona('BNFNNA52S44D142H', CREMA, 'Bonfanti'));
    const ore = ['2026-01-10T09:00:00Z', '2026-01-12T09:00:00Z', '2026-02-01T09:00:00Z'];
    for (const dataOra of ore) await operatore()(registraAccesso, { ...accesso(p.id), dataOra });
    const pagina1 = await operatore()(elencaAccessi, { personaId: p.id, perPagina: 2 });
    expect(pagina1.totale).toBe(3);
    expect(pagina1.elementi.map((a) => a.dataOra)).toEqual([
      '2026-02-01T09:00:00.000Z',
      '2026-01-12T09:00:00.000Z',
    ]);
    const gennaio = await operatore()(elencaAccessi, {
      personaId: p.id,
      dal: '2026-01-01',
      al: '2026-01-31',
    });
    expect(gennaio.totale).toBe(2);
    expect((await operatore()(elencaAccessi, { personaId: p.id, stato: 'chiuso' })).totale).toBe(0);
    expect(await rifiuto(operatore()(elencaAccessi, { dal: '2026-02-01', al: '2026-01-01' }))).toBe(
      'DATA_NON_VALIDA',
    );
    const [{ n }] = await svc.sql<{ n: string }>(
      `SELECT count(*) AS n FROM voce_audit WHERE soggetto_id = $1 AND azione = 'elenca' AND criteri IS NULL`,
      [p.id],
    );
    expect(Number(n)).toBe(2 + 2);
    // Each list is recorded too, with its criteria (ids, dates and states are not personal values).
    const ricerche = await svc.sql<{ criteri: Record<string, unknown>; finalita: string }>(
      `SELECT criteri, finalita FROM voce_audit WHERE soggetto_id = $1 AND criteri IS NOT NULL ORDER BY il`,
      [p.id],
    );
    expect(ricerche.map((r) => r.criteri)).toEqual([
      expect.objectContaining({ personaId: p.id, perPagina: 2 }),
      expect.objectContaining({ personaId: p.id, dal: '2026-01-01', al: '2026-01-31' }),
      expect.objectContaining({ personaId: p.id, stato: 'chiuso' }),
    ]);
    expect(new Set(ricerche.map((r) => r.finalita))).toEqual(new Set(['segretariato-sociale']));
  });
});

import { ACCESSO_RPC } from '@ambito/contracts';
import { rifiuto } from '@ambito/testing';
import { ATTORI, persona, startTestAccesso, type TestAccesso } from '../../../test/accesso-harness';

const { registraPersona, leggiPersona, registraRicovero, concludiRicovero, registraDecesso } = ACCESSO_RPC;

describe('ricoveri of a persona (NATS → accesso → PostgreSQL, events for the misure service)', () => {
  let svc: TestAccesso;
  const crema = () => svc.as(ATTORI.operatoreCrema, 'comunicazione di ricovero dalla famiglia');
  const eventi = (personaId: string) =>
    svc.sql<{ type: string; payload: Record<string, unknown> }>(
      `SELECT type, envelope->'payload' AS payload FROM outbox_message
        WHERE type LIKE 'accesso.ricovero.%' AND envelope->'payload'->>'personaId' = $1 ORDER BY created_at`,
      [personaId],
    );

  beforeAll(async () => {
    svc = await startTestAccesso();
  });
  afterAll(() => svc?.close());

  it('records a hospital stay and its end, publishing ids and dates only, audited', async () => {
    const p = await crema()(registraPersona, persona('RSSMRA50A41D142K'));
    const r = await crema()(registraRicovero, { personaId: p.id, tipo: 'ospedaliero', dal: '2026-10-02' });
    expect(r).toMatchObject({ personaId: p.id, tipo: 'ospedaliero', dal: '2026-10-02', al: null });
    const concluso = await crema()(concludiRicovero, { id: r.id, al: '2026-10-20' });
    expect(concluso.al).toBe('2026-10-20');
    expect(await eventi(p.id)).toEqual([
      {
        type: 'accesso.ricovero.iniziato',
        payload: { ricoveroId: r.id, personaId: p.id, dal: '2026-10-02', al: null },
      },
      {
        type: 'accesso.ricovero.concluso',
        payload: { ricoveroId: r.id, personaId: p.id, dal: '2026-10-02', al: '2026-10-20' },
      },
    ]);
    expect(await rifiuto(crema()(concludiRicovero, { id: r.id, al: '2026-10-21' }))).toBe(
      'TRANSIZIONE_NON_CONSENTITA',
    );
    const audit = await svc.sql(
      `SELECT azione, esito, motivo FROM voce_audit WHERE soggetto_id = $1 AND azione LIKE '%ricovero' ORDER BY azione`,
      [p.id],
    );
    expect(audit).toEqual([
      {
        azione: 'concludi-ricovero',
        esito: 'consentito',
        motivo: 'comunicazione di ricovero dalla famiglia',
      },
      {
        azione: 'registra-ricovero',
        esito: 'consentito',
        motivo: 'comunicazione di ricovero dalla famiglia',
      },
    ]);
    // The persona's reading shows its ricoveri, most recent first.
    const definitivo = await crema()(registraRicovero, {
      personaId: p.id,
      tipo: 'residenziale-definitivo',
      dal: '2026-11-01',
    });
    const letta = await crema()(leggiPersona, { id: p.id });
    expect(letta.ricoveri?.map((x) => [x.id, x.tipo])).toEqual([
      [definitivo.id, 'residenziale-definitivo'],
      [r.id, 'ospedaliero'],
    ]);
  });

  describe('refusals', () => {
    let personaId: string;
    beforeAll(async () => {
      const p = await crema()(registraPersona, persona('BNCLRA45B52D142V'));
      personaId = p.id;
      await crema()(registraRicovero, {
        personaId,
        tipo: 'ospedaliero',
        dal: '2026-03-01',
        al: '2026-03-15',
      });
      await crema()(registraDecesso, { id: personaId, dataDecesso: '2026-06-01' });
    });

    it.each([
      [
        'an overlapping period',
        { tipo: 'sollievo', dal: '2026-03-10', al: '2026-03-20' },
        'RICOVERO_SOVRAPPOSTO',
      ],
      [
        'an end before the start',
        { tipo: 'sollievo', dal: '2026-05-10', al: '2026-05-01' },
        'DATA_NON_VALIDA',
      ],
      ['a start in the future', { tipo: 'ospedaliero', dal: '2999-01-01' }, 'DATA_NON_VALIDA'],
      ['a start before birth', { tipo: 'ospedaliero', dal: '1940-01-01' }, 'DATA_NON_VALIDA'],
      ['an unknown kind', { tipo: 'vacanza', dal: '2026-05-10' }, 'VALIDAZIONE_FALLITA'],
      ['a stay after death', { tipo: 'ospedaliero', dal: '2026-06-10' }, 'DATA_NON_VALIDA'],
    ])('refuses %s, writing and publishing nothing', async (_, extra, code) => {
      expect(await rifiuto(crema()(registraRicovero, { personaId, ...extra } as never))).toBe(code);
      expect(await eventi(personaId)).toHaveLength(1);
      expect(await svc.sql(`SELECT 1 FROM ricovero WHERE persona_id = $1`, [personaId])).toHaveLength(1);
    });
  });

  it('lets only one of two concurrent operators open a ricovero for the same persona', async () => {
    const p = await crema()(registraPersona, persona('VRDNNA48C52L826Q'));
    const esiti = await Promise.allSettled([
      crema()(registraRicovero, { personaId: p.id, tipo: 'ospedaliero', dal: '2026-09-01' }),
      crema()(registraRicovero, { personaId: p.id, tipo: 'sollievo', dal: '2026-09-03' }),
      crema()(registraRicovero, { personaId: p.id, tipo: 'ospedaliero', dal: '2026-09-02' }),
    ]);
    expect(esiti.filter((e) => e.status === 'fulfilled')).toHaveLength(1);
    for (const e of esiti.filter((x) => x.status === 'rejected'))
      expect(await rifiuto(Promise.reject((e as PromiseRejectedResult).reason))).toBe('RICOVERO_SOVRAPPOSTO');
    expect(await svc.sql(`SELECT 1 FROM ricovero WHERE persona_id = $1`, [p.id])).toHaveLength(1);
  });

  it('refuses an operator of another sub-ambito, on record', async () => {
    const p = await crema()(registraPersona, persona('PPSLNE80A41Z129H'));
    expect(
      await rifiuto(
        svc.as(ATTORI.operatoreSoncino)(registraRicovero, {
          personaId: p.id,
          tipo: 'ospedaliero',
          dal: '2026-09-01',
        }),
      ),
    ).toBe('PERSONA_NON_TROVATA');
    expect(
      await svc.sql(`SELECT esito FROM voce_audit WHERE soggetto_id = $1 AND utente = 'operatore.soncino'`, [
        p.id,
      ]),
    ).toEqual([{ esito: 'negato' }]);
  });
});

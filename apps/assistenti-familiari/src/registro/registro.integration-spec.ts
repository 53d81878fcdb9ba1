import { ASSISTENTI_FAMILIARI_RPC, type PresentaCandidaturaV1 } from '@ambito/contracts';
import { rifiuto } from '@ambito/testing';
import {
  ATTORI,
  startTestAssistentiFamiliari,
  type TestAssistentiFamiliari,
} from '../../test/assistenti-familiari-harness';
import { candidaturaExtraUe, candidaturaUe } from '../../test/candidature';

const R = ASSISTENTI_FAMILIARI_RPC;
const MOTIVO = 'tenuta del registro';

describe('the registro: re-verification, cancellation, history (NATS → assistenti-familiari → PostgreSQL)', () => {
  let svc: TestAssistentiFamiliari;

  beforeAll(async () => {
    svc = await startTestAssistentiFamiliari();
  });
  afterAll(() => svc?.close());

  async function iscrivi(dati: PresentaCandidaturaV1): Promise<string> {
    const attore = dati.sportello === 'SPORTELLO-AF-VIADANA' ? ATTORI.viadana : ATTORI.casalmaggiore;
    const c = await svc.as(attore)(R.presentaCandidatura, dati);
    const d = await svc.as(attore)(R.decidiCandidatura, {
      id: c.id,
      decisione: 'iscrivi',
      documentiVerificati: true,
    });
    return d.iscrizioneId!;
  }
  const eventi = (id: string) =>
    svc.sql<{ type: string; payload: Record<string, unknown> }>(
      `SELECT type, envelope->'payload' AS payload FROM outbox_message WHERE envelope->'payload'->>'iscrizioneId' = $1 ORDER BY created_at`,
      [id],
    );

  it('suspends automatically, on re-verification, the iscrizioni whose permit expired; once; with history and event', async () => {
    const scade = await iscrivi(candidaturaExtraUe('2026-06-30'));
    const valido = await iscrivi(candidaturaExtraUe('2027-06-30'));
    const ue = await iscrivi(candidaturaUe());
    // The day of expiry the permit is still valid.
    expect((await svc.as(ATTORI.udp)(R.riverificaRegistro, { giorno: '2026-06-30' })).sospese).not.toContain(
      scade,
    );
    const esito = await svc.as(ATTORI.udp)(R.riverificaRegistro, { giorno: '2026-07-01' });
    expect(esito.sospese).toContain(scade);
    expect(esito.sospese).not.toContain(valido);
    expect(esito.sospese).not.toContain(ue);
    // Concurrent runs (replicas, timer and request) never suspend one twice.
    const ancora = await Promise.all([
      svc.as(ATTORI.udp)(R.riverificaRegistro, { giorno: '2026-07-02' }),
      svc.as(ATTORI.admin)(R.riverificaRegistro, { giorno: '2026-07-02' }),
    ]);
    expect(ancora.flatMap((e) => e.sospese)).not.toContain(scade);
    const i = await svc.as(ATTORI.viadana, MOTIVO)(R.leggiIscrizione, { id: scade });
    expect(i).toMatchObject({
      stato: 'sospesa',
      causaSospensione: 'permesso-scaduto',
      permessoScadenza: '2026-06-30',
    });
    expect(i.storia.map((s) => [s.tipo, s.causa, s.da])).toEqual([
      ['iscritta', null, 'sportello.viadana'],
      ['sospesa', 'permesso-scaduto', 'udp'],
    ]);
    expect((await eventi(scade)).map((e) => e.type)).toEqual([
      'assistenti-familiari.iscrizione.registrata',
      'assistenti-familiari.iscrizione.sospesa',
    ]);
    expect((await eventi(scade))[1].payload).toMatchObject({ causa: 'permesso-scaduto', dal: '2026-07-01' });
    expect(await rifiuto(svc.as(ATTORI.casalmaggiore)(R.riverificaRegistro, {}))).toBe(
      'OPERAZIONE_NON_CONSENTITA',
    );
  });

  it('reactivates a suspended iscrizione when the renewed permit is recorded', async () => {
    const id = await iscrivi(candidaturaExtraUe('2026-06-20'));
    svc.oggi('2026-06-25');
    try {
      await svc.as(ATTORI.udp)(R.riverificaRegistro, {});
      const permesso = { tipo: 'lavoro subordinato', validoPerLavoro: true, documento: 'PS-2026-RINNOVO' };
      expect(
        await rifiuto(
          svc.as(ATTORI.viadana)(R.aggiornaPermesso, {
            id,
            permesso: { ...permesso, scadenza: '2026-06-24' },
          }),
        ),
      ).toBe('REQUISITI_NON_SODDISFATTI');
      const i = await svc.as(ATTORI.viadana)(R.aggiornaPermesso, {
        id,
        permesso: { ...permesso, scadenza: '2028-06-24' },
      });
      expect(i).toMatchObject({ stato: 'attiva', causaSospensione: null, permessoScadenza: '2028-06-24' });
      expect(i.storia.map((s) => s.tipo)).toEqual([
        'iscritta',
        'sospesa',
        'permesso-aggiornato',
        'riattivata',
      ]);
      expect((await eventi(id)).map((e) => e.type).at(-1)).toBe('assistenti-familiari.iscrizione.riattivata');
    } finally {
      svc.oggi('2026-06-15');
    }
  });

  it.each(['richiesta-interessato', 'perdita-requisito', 'nuova-condanna'] as const)(
    'cancels with its cause (%s), keeps the history, and a cancelled iscrizione changes no more',
    async (causa) => {
      const id = await iscrivi(candidaturaUe());
      const i = await svc.as(ATTORI.viadana)(R.cancellaIscrizione, {
        id,
        causa,
        motivazione: 'Comunicazione allo sportello',
      });
      expect(i).toMatchObject({ stato: 'cancellata', causaCancellazione: causa });
      expect(i.storia.map((s) => [s.tipo, s.causa])).toEqual([
        ['iscritta', null],
        ['cancellata', causa],
      ]);
      expect((await eventi(id)).at(-1)).toMatchObject({
        type: 'assistenti-familiari.iscrizione.cancellata',
        payload: { iscrizioneId: id, causa },
      });
      expect(
        await rifiuto(svc.as(ATTORI.viadana)(R.cancellaIscrizione, { id, causa, motivazione: 'di nuovo' })),
      ).toBe('ISCRIZIONE_CANCELLATA');
      expect(
        await rifiuto(svc.as(ATTORI.viadana)(R.registraConsenso, { id, campi: ['nome'], documento: 'C-1' })),
      ).toBe('ISCRIZIONE_CANCELLATA');
    },
  );

  it('lets a cancelled assistant apply again, and the history of the old iscrizione stays', async () => {
    const dati = candidaturaUe();
    const vecchia = await iscrivi(dati);
    await svc.as(ATTORI.casalmaggiore)(R.cancellaIscrizione, {
      id: vecchia,
      causa: 'richiesta-interessato',
      motivazione: 'trasferita',
    });
    const nuova = await iscrivi(dati);
    expect(nuova).not.toBe(vecchia);
    expect((await svc.as(ATTORI.udp, MOTIVO)(R.leggiIscrizione, { id: vecchia })).stato).toBe('cancellata');
  });

  it('keeps the history append-only for the service itself', async () => {
    const id = await iscrivi(candidaturaUe());
    await expect(
      svc.sql(`UPDATE storia_iscrizione SET da = 'x' WHERE iscrizione_id = $1`, [id]),
    ).rejects.toThrow(/non si modifica/);
  });

  it('lists the registro for the sportelli without contact data, and audits the list', async () => {
    const pagina = await svc.as(ATTORI.casalmaggiore, MOTIVO)(R.elencaIscrizioni, {
      stato: 'attiva',
      perPagina: 200,
    });
    expect(pagina.totale).toBeGreaterThan(0);
    expect(pagina.elementi.every((e) => e.stato === 'attiva')).toBe(true);
    expect(Object.keys(pagina.elementi[0]).sort()).toEqual(
      ['cognome', 'id', 'iscrittaIl', 'nome', 'permessoScadenza', 'sportello', 'stato'].sort(),
    );
    const [ricerca] = await svc.sql<{ criteri: unknown }>(
      `SELECT criteri FROM voce_audit WHERE azione = 'elenca' AND risorsa_id IS NULL AND utente = 'sportello.casalmaggiore'`,
    );
    expect(ricerca.criteri).toMatchObject({ stato: 'attiva' });
    expect(await rifiuto(svc.as(ATTORI.foedus, MOTIVO)(R.elencaIscrizioni, {}))).toBe(
      'FUORI_AMBITO_TERRITORIALE',
    );
  });
});

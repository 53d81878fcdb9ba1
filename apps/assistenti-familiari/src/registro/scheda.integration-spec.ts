import { ASSISTENTI_FAMILIARI_RPC, type CampoPubblicabile, type SchedaAssistenteV1 } from '@ambito/contracts';
import { rifiuto } from '@ambito/testing';
import {
  ATTORI,
  startTestAssistentiFamiliari,
  type TestAssistentiFamiliari,
} from '../../test/assistenti-familiari-harness';
import { CASALMAGGIORE, VIADANA, candidaturaUe } from '../../test/candidature';
import { RegistroPubblicoService } from '../pubblico/registro-pubblico.service';

const R = ASSISTENTI_FAMILIARI_RPC;
const MOTIVO = 'tenuta del registro';
const GUSSOLA = '019052';

/**
 * Issue 11, the scheda after iscrizione: edited whole (competences, hours, languages, comuni served,
 * live-in, the consent to publish), checked like at iscrizione, with history; the public list shows it
 * at once; the public view's changes published as an event; two edits from the same version never
 * lose one silently (optimistic lock on the scheda's version, SCHEDA_MODIFICATA).
 */
describe('the scheda after iscrizione (NATS → assistenti-familiari → PostgreSQL)', () => {
  let svc: TestAssistentiFamiliari;

  beforeAll(async () => {
    svc = await startTestAssistentiFamiliari();
  });
  afterAll(() => svc?.close());

  async function iscrivi(
    campi: CampoPubblicabile[] | null = null,
  ): Promise<{ id: string; scheda: SchedaAssistenteV1 }> {
    const dati = candidaturaUe();
    const c = await svc.as(ATTORI.casalmaggiore)(R.presentaCandidatura, dati);
    const { iscrizioneId } = await svc.as(ATTORI.casalmaggiore)(R.decidiCandidatura, {
      id: c.id,
      decisione: 'iscrivi',
      documentiVerificati: true,
    });
    if (campi)
      await svc.as(ATTORI.casalmaggiore)(R.registraConsenso, {
        id: iscrizioneId!,
        campi,
        documento: 'CONS-1',
      });
    return { id: iscrizioneId!, scheda: dati.scheda };
  }
  const pubblica = async (id: string) =>
    (await svc.as(ATTORI.pubblico)(R.elencaRegistroPubblico, { perPagina: 200 })).elementi.find(
      (v) => v.id === id,
    );
  const eventi = (id: string) =>
    svc.sql<{ payload: Record<string, unknown> }>(
      `SELECT envelope->'payload' AS payload FROM outbox_message
        WHERE type = 'assistenti-familiari.scheda.modificata' AND envelope->'payload'->>'iscrizioneId' = $1
        ORDER BY created_at`,
      [id],
    );

  it('edits the scheda: stored, history appended, the public list shows it at once, an event names the public fields', async () => {
    const { id, scheda } = await iscrivi(['lingue', 'aree', 'competenze']);
    const servizio = svc.app.get(RegistroPubblicoService);
    const letture = jest.spyOn(servizio as unknown as { leggi: () => Promise<unknown> }, 'leggi');
    expect(await pubblica(id)).toMatchObject({ lingue: ['ro', 'it'], convivente: null });
    expect(await pubblica(id)).toBeDefined(); // cached now
    const nuova: SchedaAssistenteV1 = {
      ...scheda,
      competenze: [...scheda.competenze, 'mobilizzazione'],
      disponibilita: [{ giorno: 'sab', dalle: 8, alle: 20 }],
      lingue: ['ro', 'it', 'uk'],
      aree: [CASALMAGGIORE, VIADANA, GUSSOLA],
      convivente: true,
    };
    const letta = await svc.as(ATTORI.viadana, MOTIVO)(R.leggiIscrizione, { id });
    expect(letta.versioneScheda).toBe(1);
    const i = await svc.as(ATTORI.viadana)(R.modificaScheda, { id, versione: 1, scheda: nuova });
    expect(i.versioneScheda).toBe(2);
    expect(i.scheda).toEqual(nuova);
    expect(i.storia.map((s) => [s.tipo, s.motivazione, s.da])).toEqual([
      ['iscritta', null, 'sportello.casalmaggiore'],
      ['consenso-dato', null, 'sportello.casalmaggiore'],
      [
        'scheda-aggiornata',
        'Campi modificati: competenze, disponibilita, lingue, aree, convivente',
        'sportello.viadana',
      ],
    ]);
    // The public list at once (its version moved with the commit), only the consented fields.
    expect(await pubblica(id)).toMatchObject({
      lingue: ['ro', 'it', 'uk'],
      aree: [CASALMAGGIORE, VIADANA, GUSSOLA],
      competenze: nuova.competenze,
      convivente: null,
      disponibilita: null,
    });
    expect(letture).toHaveBeenCalledTimes(2);
    letture.mockRestore();
    // One event, the public fields that changed (hours and live-in are not published): ids and codes only.
    expect((await eventi(id)).map((e) => e.payload)).toEqual([
      expect.objectContaining({
        iscrizioneId: id,
        versioneScheda: 2,
        campi: ['aree', 'competenze', 'lingue'],
      }),
    ]);
    const audit = await svc.sql(
      `SELECT azione FROM voce_audit WHERE risorsa_id = $1 AND azione = 'modifica-scheda'`,
      [id],
    );
    expect(audit).toHaveLength(1);
  });

  it('publishes no event when the public view does not change, and one when a new consent changes it', async () => {
    const { id, scheda } = await iscrivi(['lingue']);
    await svc.as(ATTORI.casalmaggiore)(R.modificaScheda, {
      id,
      versione: 1,
      scheda: { ...scheda, esperienzaMesi: 72 },
    });
    expect(await eventi(id)).toEqual([]);
    const i = await svc.as(ATTORI.casalmaggiore)(R.modificaScheda, {
      id,
      versione: 2,
      scheda: { ...scheda, esperienzaMesi: 72 },
      consenso: { campi: ['lingue', 'esperienzaMesi'], documento: 'CONS-2' },
    });
    expect(i.consenso).toMatchObject({ campi: ['lingue', 'esperienzaMesi'], documento: 'CONS-2' });
    expect(await pubblica(id)).toMatchObject({ lingue: ['ro', 'it'], esperienzaMesi: 72 });
    expect((await eventi(id)).map((e) => e.payload.campi)).toEqual([['esperienzaMesi']]);
  });

  it('refuses a scheda that would not be accepted at iscrizione, changing nothing', async () => {
    const { id, scheda } = await iscrivi();
    const modifica = (s: Partial<SchedaAssistenteV1>) =>
      rifiuto(
        svc.as(ATTORI.casalmaggiore)(R.modificaScheda, { id, versione: 1, scheda: { ...scheda, ...s } }),
      );
    expect(await modifica({ aree: ['019035'] })).toBe('COMUNE_SCONOSCIUTO');
    expect(await modifica({ disponibilita: [{ giorno: 'lun', dalle: 14, alle: 8 }] })).toBe(
      'VALIDAZIONE_FALLITA',
    );
    expect(await modifica({ competenze: ['astrologia' as never] })).toBe('VALIDAZIONE_FALLITA');
    expect(await modifica({ lingue: ['Romeno'] })).toBe('VALIDAZIONE_FALLITA');
    const i = await svc.as(ATTORI.casalmaggiore, MOTIVO)(R.leggiIscrizione, { id });
    expect(i).toMatchObject({ versioneScheda: 1, scheda });
    expect(i.storia.map((s) => s.tipo)).toEqual(['iscritta']);
    // Not by an operator of a sub-ambito without a sportello; not on a cancelled iscrizione.
    expect(await rifiuto(svc.as(ATTORI.foedus)(R.modificaScheda, { id, versione: 1, scheda }))).toBe(
      'FUORI_AMBITO_TERRITORIALE',
    );
    await svc.as(ATTORI.casalmaggiore)(R.cancellaIscrizione, {
      id,
      causa: 'richiesta-interessato',
      motivazione: 'Richiesta scritta',
    });
    expect(await modifica({})).toBe('ISCRIZIONE_CANCELLATA');
  });

  it('two desks editing from the same version at once: one wins, the other is told, nothing is lost silently', async () => {
    const { id, scheda } = await iscrivi(['lingue', 'aree']);
    const casalmaggiore = { ...scheda, lingue: ['ro', 'it', 'en'] };
    const viadana = { ...scheda, aree: [VIADANA] };
    const esiti = await Promise.allSettled([
      svc.as(ATTORI.casalmaggiore)(R.modificaScheda, { id, versione: 1, scheda: casalmaggiore }),
      svc.as(ATTORI.viadana)(R.modificaScheda, { id, versione: 1, scheda: viadana }),
    ]);
    const riusciti = esiti.filter((e) => e.status === 'fulfilled');
    expect(riusciti).toHaveLength(1);
    const perso = esiti.find((e) => e.status === 'rejected') as PromiseRejectedResult;
    expect((perso.reason as { code: string }).code).toBe('SCHEDA_MODIFICATA');
    const vincitrice = esiti[0].status === 'fulfilled' ? casalmaggiore : viadana;
    const i = await svc.as(ATTORI.casalmaggiore, MOTIVO)(R.leggiIscrizione, { id });
    expect(i).toMatchObject({ versioneScheda: 2, scheda: vincitrice });
    expect(i.storia.filter((s) => s.tipo === 'scheda-aggiornata')).toHaveLength(1);
    // The one told re-reads and applies its change on top: both changes are kept.
    const sopra = { ...vincitrice, lingue: casalmaggiore.lingue, aree: viadana.aree };
    const dopo = await svc.as(ATTORI.viadana)(R.modificaScheda, { id, versione: 2, scheda: sopra });
    expect(dopo).toMatchObject({
      versioneScheda: 3,
      scheda: { lingue: ['ro', 'it', 'en'], aree: [VIADANA] },
    });
    // A stale version stays refused.
    expect(await rifiuto(svc.as(ATTORI.casalmaggiore)(R.modificaScheda, { id, versione: 2, scheda }))).toBe(
      'SCHEDA_MODIFICATA',
    );
  });
});

import { PRESA_IN_CARICO_RPC, type CartellaV1 } from '@ambito/contracts';
import { rifiuto } from '@ambito/testing';
import {
  ATTORI,
  CASTELLEONE,
  CREMA,
  PANDINO,
  apertura,
  codiceFiscale,
  startTestPresaInCarico,
  type TestPresaInCarico,
} from '../../test/presa-in-carico-harness';

const {
  apriCartella,
  assegnaCartella,
  leggiCartella,
  elencaCartelle,
  leggiDiario,
  registraMembroEquipe,
  conteggiCartelle,
  elencaAudit,
} = PRESA_IN_CARICO_RPC;

interface Voce {
  utente: string;
  azione: string;
  esito: string;
  cartella_id: string | null;
  codice_errore: string | null;
  motivo: string | null;
}

describe('visibility per role and audit of every access to a cartella', () => {
  let svc: TestPresaInCarico;
  let assegnata: CartellaV1; // Crema, case manager as.crema
  let inCoda: CartellaV1; // Crema, still in the queue
  let pandino: CartellaV1; // Pandino, in its own queue
  let castelleone: CartellaV1;

  beforeAll(async () => {
    svc = await startTestPresaInCarico();
    await svc.as(ATTORI.coordinatoreCrema)(registraMembroEquipe, {
      subAmbito: 'SA-CREMA',
      userId: 'as.crema',
      nome: 'Sara Riva',
      professione: 'assistente-sociale',
    });
    assegnata = await svc.as(ATTORI.coordinatoreCrema)(apriCartella, apertura(codiceFiscale(), CREMA));
    assegnata = await svc.as(ATTORI.coordinatoreCrema)(assegnaCartella, {
      id: assegnata.id,
      caseManagerId: 'as.crema',
    });
    inCoda = await svc.as(ATTORI.coordinatoreCrema)(apriCartella, apertura(codiceFiscale(), CREMA));
    pandino = await svc.as(ATTORI.coordinatorePandino)(apriCartella, apertura(codiceFiscale(), PANDINO));
    castelleone = await svc.as(ATTORI.asCastelleone)(apriCartella, apertura(codiceFiscale(), CASTELLEONE));
  });
  afterAll(async () => {
    await svc?.close();
  });

  const voci = (utente: string) =>
    svc.sql<Voce>(
      `SELECT utente, azione, esito, soggetto_id AS cartella_id, codice_errore, motivo FROM voce_audit WHERE utente = $1 ORDER BY il`,
      [utente],
    );
  const elenco = async (actor: (typeof ATTORI)[keyof typeof ATTORI]) =>
    (await svc.as(actor)(elencaCartelle, { perPagina: 200 })).elementi.map((c) => c.id).sort();

  it('shows a case manager only the cases assigned to it (my cases)', async () => {
    expect(await elenco(ATTORI.asCrema)).toEqual([assegnata.id]);
    expect(
      (await svc.as(ATTORI.asCrema, 'verifica del progetto')(leggiCartella, { id: assegnata.id })).id,
    ).toBe(assegnata.id);
    expect(await rifiuto(svc.as(ATTORI.asCrema)(leggiCartella, { id: inCoda.id }))).toBe(
      'CARTELLA_NON_TROVATA',
    );
    expect(await rifiuto(svc.as(ATTORI.asCrema2)(leggiDiario, { id: assegnata.id }))).toBe(
      'CARTELLA_NON_TROVATA',
    );

    const audit = await voci('as.crema');
    expect(audit).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ azione: 'elenca', esito: 'consentito', cartella_id: assegnata.id }),
        expect.objectContaining({
          azione: 'leggi',
          esito: 'consentito',
          cartella_id: assegnata.id,
          motivo: 'verifica del progetto',
        }),
        expect.objectContaining({
          azione: 'leggi',
          esito: 'negato',
          cartella_id: inCoda.id,
          codice_errore: 'CARTELLA_NON_TROVATA',
        }),
      ]),
    );
    expect(await voci('as.crema2')).toEqual([
      expect.objectContaining({ azione: 'leggi-diario', esito: 'negato', cartella_id: assegnata.id }),
    ]);
  });

  it('shows the coordinator the whole board of its sub-ambito, queue included, and nothing else', async () => {
    expect(await elenco(ATTORI.coordinatoreCrema)).toEqual([assegnata.id, inCoda.id].sort());
    const coda = await svc.as(ATTORI.coordinatoreCrema)(elencaCartelle, { stato: 'in-attesa' });
    expect(coda.elementi.map((c) => c.id)).toEqual([inCoda.id]);
    expect(await rifiuto(svc.as(ATTORI.coordinatoreCrema)(leggiCartella, { id: pandino.id }))).toBe(
      'CARTELLA_NON_TROVATA',
    );
    expect(await voci('coordinatore.crema')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ azione: 'leggi', esito: 'negato', cartella_id: pandino.id }),
      ]),
    );
  });

  it('shows the responsabile-comune the cases of its residents only', async () => {
    expect(await elenco(ATTORI.responsabilePandino)).toEqual([pandino.id]);
    expect(
      (await svc.as(ATTORI.responsabilePandino)(leggiCartella, { id: pandino.id })).comuneResidenza,
    ).toBe(PANDINO);
    expect(await rifiuto(svc.as(ATTORI.responsabilePandino)(leggiCartella, { id: assegnata.id }))).toBe(
      'CARTELLA_NON_TROVATA',
    );
    const audit = await voci('responsabile.pandino');
    expect(audit.filter((v) => v.esito === 'consentito').map((v) => v.cartella_id)).toEqual([
      pandino.id,
      pandino.id,
    ]);
    expect(audit.filter((v) => v.esito === 'negato').map((v) => v.cartella_id)).toEqual([assegnata.id]);
  });

  it('gives the Ufficio di Piano aggregated counts only, never a cartella', async () => {
    expect(await rifiuto(svc.as(ATTORI.udp)(elencaCartelle, {}))).toBe('OPERAZIONE_NON_CONSENTITA');
    expect(await rifiuto(svc.as(ATTORI.udp)(leggiCartella, { id: assegnata.id }))).toBe(
      'OPERAZIONE_NON_CONSENTITA',
    );
    // Four cells of one cartella each: all under the confidentiality threshold (statistiche/riservatezza).
    const conteggi = await svc.as(ATTORI.udp)(conteggiCartelle, {});
    expect(conteggi).toEqual({ righe: [], totale: 0, celleOmesse: 4, sogliaPersone: 5 });
    expect(JSON.stringify(conteggi)).not.toMatch(/TSTPRS|Bianchi/);
    expect(await voci('udp')).toEqual([
      expect.objectContaining({ azione: 'elenca', esito: 'negato', cartella_id: null }),
      expect.objectContaining({ azione: 'leggi', esito: 'negato', cartella_id: assegnata.id }),
    ]);
  });

  it('limits a coordinator’s counts to its sub-ambiti and refuses them to the case manager', async () => {
    const conteggi = await svc.as(ATTORI.coordinatoreCrema)(conteggiCartelle, {});
    expect(conteggi.righe.map((r) => r.subAmbito)).toEqual(['SA-CREMA', 'SA-CREMA']);
    expect(
      await rifiuto(svc.as(ATTORI.coordinatoreCrema)(conteggiCartelle, { subAmbito: 'SA-PANDINO' })),
    ).toBe('OPERAZIONE_NON_CONSENTITA');
    expect(await rifiuto(svc.as(ATTORI.asCrema)(conteggiCartelle, {}))).toBe('OPERAZIONE_NON_CONSENTITA');
  });

  it('hides every cartella from the administrator and the front desk', async () => {
    for (const actor of [ATTORI.admin, ATTORI.operatoreCrema])
      expect(await rifiuto(svc.as(actor)(leggiCartella, { id: castelleone.id }))).toBe(
        'OPERAZIONE_NON_CONSENTITA',
      );
  });

  it('lets only the administrator query the audit log of a cartella', async () => {
    const voci = await svc.as(ATTORI.admin)(elencaAudit, { cartellaId: assegnata.id, perPagina: 200 });
    expect(voci.elementi.length).toBeGreaterThan(0);
    expect(new Set(voci.elementi.map((v) => v.cartellaId))).toEqual(new Set([assegnata.id]));
    expect(voci.elementi).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          utente: 'as.crema',
          azione: 'leggi',
          esito: 'consentito',
          motivo: 'verifica del progetto',
        }),
        expect.objectContaining({
          utente: 'udp',
          esito: 'negato',
          codiceErrore: 'OPERAZIONE_NON_CONSENTITA',
        }),
      ]),
    );
    const negati = await svc.as(ATTORI.admin)(elencaAudit, { esito: 'negato', utente: 'as.crema2' });
    expect(negati.totale).toBe(1);
    for (const actor of [ATTORI.coordinatoreCrema, ATTORI.udp, ATTORI.asCrema])
      expect(await rifiuto(svc.as(actor)(elencaAudit, {}))).toBe('OPERAZIONE_NON_CONSENTITA');
  });

  it('keeps the audit log append-only: PostgreSQL refuses UPDATE, DELETE and TRUNCATE', async () => {
    const [{ n }] = await svc.sql<{ n: number }>('SELECT count(*)::int AS n FROM voce_audit');
    expect(n).toBeGreaterThan(0);
    await expect(svc.sql(`UPDATE voce_audit SET esito = 'consentito'`)).rejects.toThrow(/non si modifica/);
    await expect(svc.sql(`DELETE FROM voce_audit`)).rejects.toThrow(/non si modifica/);
    await expect(svc.sql(`TRUNCATE voce_audit`)).rejects.toThrow(/non si modifica/);
    const [{ n: dopo }] = await svc.sql<{ n: number }>('SELECT count(*)::int AS n FROM voce_audit');
    expect(dopo).toBe(n);
  });
});

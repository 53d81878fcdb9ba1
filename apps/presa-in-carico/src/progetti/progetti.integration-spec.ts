import { PRESA_IN_CARICO_RPC, type ProgettoDecisioneV1 } from '@ambito/contracts';
import { rifiuto } from '@ambito/testing';
import { ATTORI, conta, eventoDi, progetto } from '../../test/presa-in-carico-harness';
import { scenarioCrema } from '../../test/presa-in-carico-scenario';

const { leggiCartella, proponiProgetto, approvaProgetto, respingiProgetto } = PRESA_IN_CARICO_RPC;

describe('presa in carico › progetto personalizzato and decision of the Comune', () => {
  const scenario = scenarioCrema();
  const { coordinatore, caseManager, comune, inCarico } = scenario;

  it('is proposed by the équipe and approved by the responsabile of the comune of residence', async () => {
    const c = await inCarico();
    const proposto = await caseManager()(proponiProgetto, progetto(c.id));
    expect(proposto).toMatchObject({
      versione: 1,
      stato: 'proposto',
      interventi: [
        {
          codicePrestazione: 'A2.07',
          costoCentesimi: 686_400,
          intensita: { quantita: 6, unita: 'ore-settimana' },
        },
        { codicePrestazione: 'A1.11', costoCentesimi: 480_000 },
      ],
      budget: [{ fonteFinanziamento: 'fondo-non-autosufficienza', costoCentesimi: 1_166_400 }],
      proposto: { da: 'as.crema' },
      decisione: null,
    });
    const evProposto = await eventoDi(
      scenario.svc,
      'presa-in-carico.progetto.proposto',
      (p) => p.progettoId === proposto.id,
    );
    expect((evProposto.payload as ProgettoDecisioneV1).costoTotaleCentesimi).toBe(1_166_400);

    const approvato = await comune()(approvaProgetto, {
      id: proposto.id,
      motivazione: 'Conforme al regolamento',
    });
    expect(approvato).toMatchObject({
      stato: 'approvato',
      decisione: { esito: 'approvato', da: 'responsabile.crema', motivazione: 'Conforme al regolamento' },
    });
    await eventoDi(scenario.svc, 'presa-in-carico.progetto.approvato', (p) => p.progettoId === proposto.id);
  });

  it('refuses to approve twice and leaves the decision untouched', async () => {
    const c = await inCarico();
    const p = await caseManager()(proponiProgetto, progetto(c.id));
    await comune()(approvaProgetto, { id: p.id });
    expect(await rifiuto(scenario.svc.as(ATTORI.responsabileCrema2)(approvaProgetto, { id: p.id }))).toBe(
      'TRANSIZIONE_NON_CONSENTITA',
    );
    expect(await rifiuto(comune()(respingiProgetto, { id: p.id, motivazione: 'ripensamento' }))).toBe(
      'TRANSIZIONE_NON_CONSENTITA',
    );
    const [row] = await scenario.svc.sql<{ stato: string; deciso_da: string }>(
      'SELECT stato, deciso_da FROM progetto WHERE id = $1',
      [p.id],
    );
    expect(row).toEqual({ stato: 'approvato', deciso_da: 'responsabile.crema' });
    // PostgreSQL refuses to rewrite a decided version too.
    await expect(
      scenario.svc.sql(`UPDATE progetto SET stato = 'respinto' WHERE id = $1`, [p.id]),
    ).rejects.toThrow(/già decisa/);
  });

  it('refuses the approval of whoever proposed, also when holding the responsabile-comune role', async () => {
    const c = await inCarico();
    const p = await scenario.svc.as(ATTORI.coordinatoreResponsabileCrema)(proponiProgetto, progetto(c.id));
    expect(
      await rifiuto(scenario.svc.as(ATTORI.coordinatoreResponsabileCrema)(approvaProgetto, { id: p.id })),
    ).toBe('APPROVAZIONE_DEL_PROPONENTE');
    const [row] = await scenario.svc.sql<{ stato: string }>('SELECT stato FROM progetto WHERE id = $1', [
      p.id,
    ]);
    expect(row.stato).toBe('proposto');
    expect((await comune()(approvaProgetto, { id: p.id })).stato).toBe('approvato');
  });

  it('refuses decisions by the équipe and by another comune', async () => {
    const c = await inCarico();
    const p = await caseManager()(proponiProgetto, progetto(c.id));
    expect(await rifiuto(coordinatore()(approvaProgetto, { id: p.id }))).toBe('OPERAZIONE_NON_CONSENTITA');
    expect(await rifiuto(caseManager()(approvaProgetto, { id: p.id }))).toBe('OPERAZIONE_NON_CONSENTITA');
    expect(await rifiuto(scenario.svc.as(ATTORI.responsabilePandino)(approvaProgetto, { id: p.id }))).toBe(
      'CARTELLA_NON_TROVATA',
    );
    expect(await rifiuto(comune()(approvaProgetto, { id: crypto.randomUUID() }))).toBe(
      'PROGETTO_NON_TROVATO',
    );
  });

  it('rejects with a motivazione, then accepts a new version', async () => {
    const c = await inCarico();
    const p1 = await caseManager()(proponiProgetto, progetto(c.id));
    expect(await rifiuto(comune()(respingiProgetto, { id: p1.id, motivazione: '' }))).toBe(
      'VALIDAZIONE_FALLITA',
    );
    const respinto = await comune()(respingiProgetto, {
      id: p1.id,
      motivazione: 'Costo oltre la disponibilità',
    });
    expect(respinto.decisione).toMatchObject({
      esito: 'respinto',
      motivazione: 'Costo oltre la disponibilità',
    });
    await eventoDi(scenario.svc, 'presa-in-carico.progetto.respinto', (p) => p.progettoId === p1.id);
    const p2 = await caseManager()(proponiProgetto, progetto(c.id, { interventi: [] }));
    expect(p2.versione).toBe(2);
  });

  it('revises an approved project as a new version, keeping every version', async () => {
    const c = await inCarico();
    const v1 = await caseManager()(proponiProgetto, progetto(c.id));
    await comune()(approvaProgetto, { id: v1.id });
    const v2 = await caseManager()(proponiProgetto, progetto(c.id, { dataFine: '2027-06-30' }));
    expect(
      await rifiuto(caseManager()(proponiProgetto, progetto(c.id))), // one pending version at a time
    ).toBe('TRANSIZIONE_NON_CONSENTITA');
    // Until the revision is decided the approved version stays in force.
    let cartella = await coordinatore()(leggiCartella, { id: c.id });
    expect(cartella.progetti.map((p) => [p.versione, p.stato])).toEqual([
      [2, 'proposto'],
      [1, 'approvato'],
    ]);
    await comune()(approvaProgetto, { id: v2.id });
    cartella = await coordinatore()(leggiCartella, { id: c.id });
    expect(cartella.progetti.map((p) => [p.versione, p.stato])).toEqual([
      [2, 'approvato'],
      [1, 'superato'],
    ]);
    expect(cartella.progetti[1]).toMatchObject({
      dataFine: '2026-12-31',
      decisione: { esito: 'approvato' },
    });
    const revisione = await eventoDi(
      scenario.svc,
      'presa-in-carico.progetto.revisionato',
      (p) => p.progettoId === v2.id,
    );
    expect(revisione.payload).toMatchObject({ versione: 2, versioneSostituita: 1 });
  });

  it('refuses a verifica before the start and incoherent periods, writing nothing', async () => {
    const c = await inCarico();
    const prima = [await conta(scenario.svc, 'progetto'), await conta(scenario.svc, 'intervento')];
    const errore = await caseManager()(
      proponiProgetto,
      progetto(c.id, { verifiche: [{ data: '2025-12-01', oggetto: 'Prima dell’inizio' }] }),
    ).catch((e: { code: string; details: unknown }) => e);
    expect(errore).toMatchObject({
      code: 'DATA_NON_VALIDA',
      details: [{ campo: 'verifiche.0.data', messaggi: ['fuori dal periodo del progetto'] }],
    });
    expect(await rifiuto(caseManager()(proponiProgetto, progetto(c.id, { dataFine: '2025-12-31' })))).toBe(
      'DATA_NON_VALIDA',
    );
    expect(
      await rifiuto(
        caseManager()(proponiProgetto, {
          ...progetto(c.id),
          interventi: [{ ...progetto(c.id).interventi[0], codicePrestazione: 'SAD', costoCentesimi: 12.5 }],
        }),
      ),
    ).toBe('VALIDAZIONE_FALLITA');
    expect([await conta(scenario.svc, 'progetto'), await conta(scenario.svc, 'intervento')]).toEqual(prima);
  });

  it('records the kind of project and what SIUSS needs of each intervento, optional for older data', async () => {
    const c = await inCarico();
    const base = progetto(c.id);
    const siuss = {
      presenzaProvaMezzi: 1 as const,
      caratterePrestazione: 1 as const,
      importoMensileCentesimi: 57_200,
      periodoErogazione: 12,
      quotaEnteCentesimi: 600_000,
      quotaUtenteCentesimi: 86_400,
      quotaSsnCentesimi: 0,
      areaUtenza: 2 as const,
      protocolloDomanda: 'PG-2025-000123',
    };
    const proposto = await caseManager()(proponiProgetto, {
      ...base,
      tipo: 'progetto-di-vita',
      interventi: [{ ...base.interventi[0], ...siuss }, base.interventi[1]],
    });
    expect(proposto.tipo).toBe('progetto-di-vita');
    expect(proposto.interventi[0]).toMatchObject(siuss);
    expect(proposto.interventi[1]).toMatchObject({
      presenzaProvaMezzi: null,
      caratterePrestazione: null,
      importoMensileCentesimi: null,
      periodoErogazione: null,
      quotaEnteCentesimi: null,
      quotaUtenteCentesimi: null,
      quotaSsnCentesimi: null,
      areaUtenza: null,
      protocolloDomanda: null,
    });
    // A revision keeps the kind unless it says otherwise.
    await comune()(approvaProgetto, { id: proposto.id });
    const revisione = await caseManager()(proponiProgetto, progetto(c.id));
    expect(revisione).toMatchObject({ versione: 2, tipo: 'progetto-di-vita' });
    // SIUSS codes only (PresenzaProvaMezzi 1–4, PeriodoErogazione 1–12).
    const c2 = await inCarico();
    const b2 = progetto(c2.id);
    for (const errato of [{ presenzaProvaMezzi: 5 }, { periodoErogazione: 13 }, { areaUtenza: 4 }])
      expect(
        await rifiuto(
          caseManager()(proponiProgetto, {
            ...b2,
            interventi: [{ ...b2.interventi[0], ...(errato as object) }],
          }),
        ),
      ).toBe('VALIDAZIONE_FALLITA');
    expect(await rifiuto(caseManager()(proponiProgetto, { ...b2, tipo: 'pai' as 'pais' }))).toBe(
      'VALIDAZIONE_FALLITA',
    );
    // A project proposed without a kind has none.
    expect((await caseManager()(proponiProgetto, b2)).tipo).toBeNull();
  });
});

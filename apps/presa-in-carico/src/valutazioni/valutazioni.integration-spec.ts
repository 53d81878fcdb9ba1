import { PRESA_IN_CARICO_RPC, type ValutazioneCompletataV1 } from '@ambito/contracts';
import { rifiuto } from '@ambito/testing';
import {
  cartellaAperta,
  ATTORI,
  CREMA,
  apertura,
  codiceFiscale,
  conta,
  eventoDi,
} from '../../test/presa-in-carico-harness';
import { ADL_AUTONOMO, scenarioCrema } from '../../test/presa-in-carico-scenario';

const { apriCartella, elencaStrumenti, registraValutazione } = PRESA_IN_CARICO_RPC;

describe('presa in carico › valutazione multidimensionale', () => {
  const scenario = scenarioCrema();
  const { coordinatore, caseManager, comune, inCarico } = scenario;

  it('lists the instruments in force with their items and scoring', async () => {
    const strumenti = await caseManager()(elencaStrumenti, {});
    expect(strumenti.map((s) => [s.codice, s.versione, s.punteggio.max])).toEqual([
      ['ADL', 1, 6],
      ['DDN', 1, 16],
      ['IADL', 1, 8],
      ['SINA', 2, null],
    ]);
    const tutti = await caseManager()(elencaStrumenti, { filtro: 'tutti' });
    expect(tutti.filter((s) => s.codice === 'SINA').map((s) => s.versione)).toEqual([2, 1]);
  });

  it('records the SINA grid as INPS defines it: optional items left out, several certifications, and keeps v1 readable', async () => {
    const c = await inCarico();
    const obbligatorie = {
      Mobilita: 2,
      AttivitaVitaQuotidiana: 3,
      DisturbiComportamentali: 1,
      AreaReddituale: 2,
      AreaSupporto: 3,
      FonteDerivazioneValutazione: 2,
      StrumentoValutazione: 1,
    };
    // Only the required items: the optional ones are left out.
    const minima = await caseManager()(registraValutazione, {
      id: c.id,
      strumento: 'SINA',
      data: '2026-02-01',
      risposte: obbligatorie,
    });
    expect(minima).toMatchObject({ strumento: { codice: 'SINA', versione: 2 }, punteggio: null });
    // 104 art. 3 c. 3 and 100% with accompagnamento together, their source and the social needs.
    const completa = await caseManager()(registraValutazione, {
      id: c.id,
      strumento: 'SINA',
      data: '2026-02-01',
      risposte: { ...obbligatorie, NecessitaCureSanitarie: 2, FonteDerivazioneInvalidita: 1 },
      risposteMultiple: { InvaliditaCivile: ['6', '2'], NecessitaInterventiSociali: ['A2.07', 'A1.16'] },
    });
    expect(completa.risposteMultiple).toEqual({
      InvaliditaCivile: ['6', '2'],
      NecessitaInterventiSociali: ['A2.07', 'A1.16'],
    });
    const evento = await eventoDi(
      scenario.svc,
      'presa-in-carico.valutazione.completata',
      (p) => p.valutazioneId === completa.id,
    );
    expect((evento.payload as ValutazioneCompletataV1).risposteMultiple?.InvaliditaCivile).toEqual([
      '6',
      '2',
    ]);
    for (const errate of [
      { risposte: { ...obbligatorie, Mobilita: undefined } }, // a required item left out
      { risposte: obbligatorie, risposteMultiple: { InvaliditaCivile: ['9'] } }, // not an InvCiv code
      { risposte: obbligatorie, risposteMultiple: { InvaliditaCivile: ['6', '6'] } },
      { risposte: obbligatorie, risposteMultiple: { NecessitaInterventiSociali: ['assistenza'] } },
      { risposte: { ...obbligatorie, InvaliditaCivile: 6 } }, // a list, not one value
    ])
      expect(
        await rifiuto(
          caseManager()(registraValutazione, {
            id: c.id,
            strumento: 'SINA',
            data: '2026-02-01',
            ...(errate as { risposte: Record<string, number> }),
          }),
        ),
      ).toBe('VALUTAZIONE_NON_VALIDA');
    // Version 1 is still the one in force before 2026, with its own items.
    const v1 = await caseManager()(registraValutazione, {
      id: c.id,
      strumento: 'SINA',
      data: '2025-11-20',
      risposte: {
        mobilita: 1,
        attivitaVitaQuotidiana: 1,
        disturbiAreaCognitiva: 1,
        disturbiComportamentali: 1,
        necessitaCureSanitarie: 1,
        areaReddituale: 1,
        areaSupporto: 1,
        fonteDerivazioneValutazione: 1,
        strumentoValutazione: 1,
        invaliditaCivile: 6,
      },
    });
    expect(v1).toMatchObject({ strumento: { codice: 'SINA', versione: 1 }, risposteMultiple: {} });
  });

  it('computes the score from the answers and records the instrument version used', async () => {
    const c = await inCarico();
    const adl = await caseManager()(registraValutazione, {
      id: c.id,
      strumento: 'ADL',
      data: '2025-11-20',
      risposte: { ...ADL_AUTONOMO, continenza: 0, 'fare-il-bagno': 0 },
    });
    expect(adl).toMatchObject({
      strumento: { codice: 'ADL', versione: 1 },
      punteggio: 4,
      punteggioMax: 6,
      valutatore: { id: 'as.crema' },
    });
    const iadl = await caseManager()(registraValutazione, {
      id: c.id,
      strumento: 'IADL',
      data: '2025-11-20',
      risposte: {
        telefono: 1,
        spesa: 4,
        pasti: 4,
        casa: 5,
        biancheria: 3,
        trasporti: 5,
        farmaci: 2,
        denaro: 2,
      },
    });
    expect(iadl).toMatchObject({
      strumento: { codice: 'IADL', versione: 1 },
      punteggio: 2,
      punteggioMax: 8,
    });
    const [row] = await scenario.svc.sql<{ strumento_versione: number; punteggio: number }>(
      'SELECT strumento_versione, punteggio FROM valutazione WHERE id = $1',
      [adl.id],
    );
    expect(row).toEqual({ strumento_versione: 1, punteggio: 4 });
    const evento = await eventoDi(
      scenario.svc,
      'presa-in-carico.valutazione.completata',
      (p) => p.valutazioneId === iadl.id,
    );
    expect(evento.payload as ValutazioneCompletataV1).toMatchObject({
      cartellaId: c.id,
      strumento: 'IADL',
      versione: 1,
      punteggio: 2,
      punteggioMax: 8,
      risposte: expect.objectContaining({ telefono: 1 }),
    });
  });

  it('uses the version in force on the assessment date, and a new version once it is in force', async () => {
    const c = await inCarico();
    await scenario.svc.sql(
      `INSERT INTO strumento_valutazione (codice, versione, valido_dal, denominazione, fonte, items, punteggio)
       SELECT codice, 2, '2025-06-01', denominazione || ' (rev. 2025)', fonte, items, punteggio
       FROM strumento_valutazione WHERE codice = 'ADL' AND versione = 1`,
    );
    const prima = await caseManager()(registraValutazione, {
      id: c.id,
      strumento: 'ADL',
      data: '2025-05-31',
      risposte: ADL_AUTONOMO,
    });
    const dopo = await caseManager()(registraValutazione, {
      id: c.id,
      strumento: 'ADL',
      data: '2025-06-01',
      risposte: ADL_AUTONOMO,
    });
    expect([prima.strumento.versione, dopo.strumento.versione]).toEqual([1, 2]);
    expect(
      await rifiuto(
        caseManager()(registraValutazione, {
          id: c.id,
          strumento: 'ADL',
          versione: 2,
          data: '2025-05-01',
          risposte: ADL_AUTONOMO,
        }),
      ),
    ).toBe('STRUMENTO_SCONOSCIUTO');
  });

  it('refuses unknown instruments, wrong answers, a future date and the wrong actor, writing nothing', async () => {
    const c = await inCarico();
    const prima = await conta(scenario.svc, 'valutazione');
    const base = { id: c.id, strumento: 'ADL', data: '2025-11-20', risposte: ADL_AUTONOMO };
    expect(await rifiuto(caseManager()(registraValutazione, { ...base, strumento: 'BARTHEL' }))).toBe(
      'STRUMENTO_SCONOSCIUTO',
    );
    expect(
      await rifiuto(
        caseManager()(registraValutazione, { ...base, risposte: { ...ADL_AUTONOMO, vestirsi: 3 } }),
      ),
    ).toBe('VALUTAZIONE_NON_VALIDA');
    expect(await rifiuto(caseManager()(registraValutazione, { ...base, data: '2999-01-01' }))).toBe(
      'DATA_NON_VALIDA',
    );
    expect(await rifiuto(comune()(registraValutazione, base))).toBe('OPERAZIONE_NON_CONSENTITA');
    expect(await rifiuto(scenario.svc.as(ATTORI.asCrema2)(registraValutazione, base))).toBe(
      'CARTELLA_NON_TROVATA',
    );
    expect(await conta(scenario.svc, 'valutazione')).toBe(prima);
  });

  it('refuses to assess a case still in the queue', async () => {
    const c = cartellaAperta(await coordinatore()(apriCartella, apertura(codiceFiscale(), CREMA)));
    expect(
      await rifiuto(
        coordinatore()(registraValutazione, {
          id: c.id,
          strumento: 'ADL',
          data: '2025-11-20',
          risposte: ADL_AUTONOMO,
        }),
      ),
    ).toBe('TRANSIZIONE_NON_CONSENTITA');
  });
});

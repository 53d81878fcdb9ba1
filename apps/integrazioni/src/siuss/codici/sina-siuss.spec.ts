import type { InterventoPerSiussV1 } from '@ambito/contracts';
import { codificaSiuss } from './codici-siuss';
import { componiIntervento } from '../record/componi-intervento';
import { componiRecord, type DatiPersona } from '../record/componi-record';
import { documentoFlusso, type EnteSiuss } from '../xml/flusso-siuss';
import { ValidatoreXsd } from '../xml/validatore-xsd';
import { MAPPE_SINA, sezioneSina, type ValutazioneSina } from './sina-siuss';

const ente: EnteSiuss = {
  codice: 'D142',
  denominazione: 'Ambito Distrettuale di Crema',
  indirizzo: 'D142',
  cfOperatore: '00111540191',
};
const persona: DatiPersona = {
  codiceFiscale: 'RSSMRA45C12D142X',
  cognome: 'Rossi',
  nome: 'Maria',
  dataNascita: '1945-03-12',
  luogoNascita: 'D142',
  sesso: 'F',
  cittadinanzaIstat: '380',
  comuneResidenza: '019035',
  statoEsteroResidenza: null,
};
const validatore = new ValidatoreXsd();

/** A SINA v2 valutazione (item codes are the XSD's). */
const v2: ValutazioneSina = {
  valutazioneId: '5b1f2c1e-0d7a-4d3e-9c55-0a4b0c7f1e01',
  strumento: 'SINA',
  versione: 2,
  data: '2026-02-10',
  risposte: {
    Mobilita: 2,
    AttivitaVitaQuotidiana: 3,
    DisturbiAreaCognitiva: 1,
    DisturbiComportamentali: 1,
    AreaReddituale: 2,
    AreaSupporto: 2,
    FonteDerivazioneValutazione: 1,
    StrumentoValutazione: 1,
    FonteDerivazioneInvalidita: 1,
  },
  risposteMultiple: { InvaliditaCivile: ['6', '2', '2'], NecessitaInterventiSociali: ['A2.07', 'A1.11'] },
};

const intervento: InterventoPerSiussV1 = {
  id: '0c0b7a62-54b5-4d8e-8d3a-2f5c3e1c9a10',
  codicePrestazione: 'A2.07',
  denominazione: 'Assistenza domiciliare socio-assistenziale',
  dal: '2026-01-01',
  al: '2026-12-31',
  costoCentesimi: 686_400,
  presenzaProvaMezzi: 1,
  caratterePrestazione: 1,
  importoMensileCentesimi: 57_200,
  areaUtenza: 2,
  protocolloDomanda: 'PRG-2026-0042',
};

describe('sezione SINA (versioned map of the valutazioni of presa in carico)', () => {
  it('every version has its source; each instrument mapping its confidence mark', () => {
    for (const v of MAPPE_SINA) {
      expect(v.fonte).toMatch(/PS_PSA_SINA201812\.xsd/);
      for (const m of Object.values(v.strumenti)) expect(['V', 'B']).toContain(m.confidenza);
    }
    expect(MAPPE_SINA[0].strumenti['SINA@2'].confidenza).toBe('V');
    expect(MAPPE_SINA[0].strumenti['SINA@1'].confidenza).toBe('B');
  });

  it('SINA v2: the XSD codes, InvCiv and NecessitaInterventiSociali as lists (deduplicated), and the version used', () => {
    const s = sezioneSina(v2);
    if (s.esito !== 'sina') throw new Error(s.motivo);
    expect(s.sina).toEqual({
      attributi: {
        Mobilita: '2',
        AttivitaVitaQuotidiana: '3',
        DisturbiAreaCognitiva: '1',
        DisturbiComportamentali: '1',
        AreaReddituale: '2',
        AreaSupporto: '2',
        FonteDerivazioneValutazione: '1',
        StrumentoValutazione: '1',
        FonteDerivazioneInvalidita: '1',
      },
      necessitaInterventiSociali: ['A2.07', 'A1.11'],
      invaliditaCivile: ['2', '6'],
    });
    expect(s).toMatchObject({
      versione: 'sina-2026.1/SINA@2',
      confidenza: 'V',
      valutazioneId: v2.valutazioneId,
    });
  });

  it('SINA v1: lower-case items read onto the XSD, one invalidità value (0 = none sent), mark [B]', () => {
    const v1: ValutazioneSina = {
      valutazioneId: v2.valutazioneId,
      strumento: 'SINA',
      versione: 1,
      data: '2024-05-02',
      risposte: {
        mobilita: 3,
        attivitaVitaQuotidiana: 3,
        disturbiComportamentali: 2,
        areaReddituale: 3,
        areaSupporto: 1,
        fonteDerivazioneValutazione: 2,
        strumentoValutazione: 7,
        invaliditaCivile: 0,
      },
      risposteMultiple: null,
    };
    const s = sezioneSina(v1);
    if (s.esito !== 'sina') throw new Error(s.motivo);
    expect(s.confidenza).toBe('B');
    expect(s.sina.attributi).toEqual({
      Mobilita: '3',
      AttivitaVitaQuotidiana: '3',
      DisturbiComportamentali: '2',
      AreaReddituale: '3',
      AreaSupporto: '1',
      FonteDerivazioneValutazione: '2',
      StrumentoValutazione: '7',
    });
    expect(s.sina.invaliditaCivile).toEqual([]);
    const con104 = sezioneSina({ ...v1, risposte: { ...v1.risposte, invaliditaCivile: 6 } });
    expect(con104.esito === 'sina' && con104.sina.invaliditaCivile).toEqual(['6']);
  });

  it('no section without a valutazione, without a map for the instrument, or without a required attribute', () => {
    expect(sezioneSina(null)).toEqual({
      esito: 'assente',
      motivo: 'nessuna valutazione SINA nella cartella',
    });
    expect(sezioneSina({ ...v2, versione: 9 })).toMatchObject({
      esito: 'assente',
      motivo: expect.stringMatching(/SINA versione 9/),
    });
    expect(sezioneSina({ ...v2, data: '2018-06-01' })).toMatchObject({ esito: 'assente' });
    const { AreaSupporto: _tolta, ...senza } = v2.risposte;
    expect(sezioneSina({ ...v2, risposte: senza })).toEqual({
      esito: 'assente',
      motivo: 'valutazione SINA senza AreaSupporto',
    });
  });

  it('a B2 record (area 2) carries the SINA section and the document validates against the XSD', async () => {
    const s = sezioneSina(v2);
    if (s.esito !== 'sina') throw new Error(s.motivo);
    const r = componiRecord({
      beneficio: {
        id: 'b-1',
        misura: 'b2',
        strumento: 'buono-caregiver',
        importoMensileCentesimi: 40_000,
        importoTotaleCentesimi: 480_000,
        dal: '2026-03-01',
        al: '2026-12-31',
        terminaDal: null,
      },
      istanza: { protocollo: 'CREMA-2026-1', protocolloDsu: null, dataDsu: null },
      persona,
      presoInCarico: true,
      codifica: codificaSiuss('b2', 'buono-caregiver', '2026-03-01'),
      sina: s.sina,
    });
    if (r.esito !== 'composto') throw new Error(r.motivo);
    const xml = documentoFlusso('D142.PS.20260301.0000001', ente, [
      { anagrafica: r.anagrafica, prestazioni: [r.prestazioni[0].prestazione] },
    ]);
    await expect(validatore.valida(xml)).resolves.toEqual({ valido: true, errori: [] });
    expect(xml).toMatch(/<SINA [^>]*Mobilita="2"/);
    expect(xml).toMatch(/<NecessitaInterventiSociali>\s*<CodicePrestazione>A2\.07<\/CodicePrestazione>/);
    expect(xml).toMatch(/<InvaliditaCivile>\s*<InvCiv>2<\/InvCiv>\s*<InvCiv>6<\/InvCiv>/);
  });

  it('a voucher minori (area 1) never carries it', () => {
    const s = sezioneSina(v2);
    const r = componiRecord({
      beneficio: {
        id: 'b-2',
        misura: 'b2',
        strumento: 'voucher-minori',
        importoMensileCentesimi: 30_000,
        importoTotaleCentesimi: 300_000,
        dal: '2026-03-01',
        al: '2026-12-31',
        terminaDal: null,
      },
      istanza: { protocollo: 'CREMA-2026-2', protocolloDsu: null, dataDsu: null },
      persona,
      presoInCarico: true,
      codifica: codificaSiuss('b2', 'voucher-minori', '2026-03-01'),
      sina: s.esito === 'sina' ? s.sina : null,
    });
    expect(r.esito === 'composto' && r.prestazioni[0].prestazione.SINA).toBeUndefined();
  });
});

describe('componiIntervento (a prestazione of the progetto)', () => {
  it('a periodic intervento of area 2: its own code, PresaCarico 1, its protocol, SINA; valid against the XSD', async () => {
    const s = sezioneSina(v2);
    const r = componiIntervento(intervento, persona, s.esito === 'sina' ? s.sina : null);
    if (r.esito !== 'composto') throw new Error(r.motivo);
    expect(r.prestazioni).toHaveLength(1);
    const p = r.prestazioni[0].prestazione;
    expect(p).toMatchObject({
      CodicePrestazione: 'A2.07',
      DenominazionePrestazione: 'Assistenza domiciliare socio-assistenziale',
      CaratterePrestazione: '1',
      PresenzaProvaMezzi: '1',
      ProtocolloDomanda: 'PRG-2026-0042',
      PresaCarico: '1',
      AreaUtenza: '2',
      ImportoMensile: '572.00',
      PeriodoErogazione: '12',
      DataInizioPrestazione: '2026-01-01',
      DataFinePrestazione: '2026-12-31',
    });
    expect(p.SINA?.attributi.Mobilita).toBe('2');
    const xml = documentoFlusso('D142.PS.20260101.0000001', ente, [
      { anagrafica: r.anagrafica, prestazioni: [p] },
    ]);
    await expect(validatore.valida(xml)).resolves.toEqual({ valido: true, errori: [] });
  });

  it('one-off: the whole cost on the first day; area 1: no SINA', () => {
    const s = sezioneSina(v2);
    const r = componiIntervento(
      { ...intervento, caratterePrestazione: 2, importoMensileCentesimi: null, areaUtenza: 1 },
      persona,
      s.esito === 'sina' ? s.sina : null,
    );
    if (r.esito !== 'composto') throw new Error(r.motivo);
    expect(r.prestazioni[0].prestazione).toMatchObject({
      CaratterePrestazione: '2',
      DataErogazionePrestazione: '2026-01-01',
      ImportoPrestazione: '6864.00',
    });
    expect(r.prestazioni[0].prestazione.SINA).toBeUndefined();
  });

  it('an intervento without the SIUSS fields, or periodic without a monthly amount, is not a prestazione', () => {
    expect(componiIntervento({ ...intervento, caratterePrestazione: null }, persona, null)).toMatchObject({
      esito: 'non-componibile',
    });
    expect(componiIntervento({ ...intervento, importoMensileCentesimi: null }, persona, null)).toEqual({
      esito: 'non-componibile',
      motivo: 'intervento periodico senza importo mensile',
    });
  });
});

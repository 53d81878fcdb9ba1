import { codificaSiuss } from '../codici/codici-siuss';
import { documentoFlusso, type EnteSiuss } from '../xml/flusso-siuss';
import { ValidatoreXsd } from '../xml/validatore-xsd';
import { componiRecord, type DatiBeneficio, type DatiIstanza, type DatiPersona } from './componi-record';

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
const istanza: DatiIstanza = {
  protocollo: 'CREMA-2026-000123',
  protocolloDsu: 'INPS-ISEE-2026-00597381W-00',
  dataDsu: '2026-01-20',
};
const b2: DatiBeneficio = {
  id: 'b-1',
  misura: 'b2',
  strumento: 'buono-caregiver',
  importoMensileCentesimi: 40_000,
  importoTotaleCentesimi: 480_000,
  dal: '2026-03-01',
  al: '2027-02-28',
  terminaDal: null,
};
const validatore = new ValidatoreXsd();

describe('componiRecord (PS-PSA-SINA)', () => {
  it('a B2 buono is a periodic A1.11 prestazione per calendar year, with DSU, and validates against the XSD', async () => {
    const r = componiRecord({
      beneficio: b2,
      istanza,
      persona,
      presoInCarico: true,
      codifica: codificaSiuss('b2', 'buono-caregiver', b2.dal),
    });
    if (r.esito !== 'composto') throw new Error(r.motivo);
    expect(
      r.prestazioni.map((p) => [
        p.anno,
        p.prestazione.DataInizioPrestazione,
        p.prestazione.DataFinePrestazione,
        p.prestazione.PeriodoErogazione,
      ]),
    ).toEqual([
      [2026, '2026-03-01', '2026-12-31', '10'],
      [2027, '2027-01-01', '2027-02-28', '2'],
    ]);
    expect(r.prestazioni[0].prestazione).toMatchObject({
      CodicePrestazione: 'A1.11',
      CaratterePrestazione: '1',
      ImportoMensile: '400.00',
      PresenzaProvaMezzi: '1',
      NumeroProtocolloDSU: 'INPS-ISEE-2026-00597381W-00',
      AnnoProtocolloDSU: '2026',
      DataDSU: '2026-01-20',
      ProtocolloDomanda: 'CREMA-2026-000123',
      PresaCarico: '1',
      AreaUtenza: '2',
    });
    for (const p of r.prestazioni) {
      const xml = documentoFlusso('D142.PS.20260301.0000001', ente, [
        { anagrafica: r.anagrafica, prestazioni: [p.prestazione] },
      ]);
      await expect(validatore.valida(xml)).resolves.toEqual({ valido: true, errori: [] });
    }
  });

  it('a revoca ends the prestazione the day before; a one-off Dopo di Noi amount is occasional', async () => {
    const revocato = componiRecord({
      beneficio: { ...b2, terminaDal: '2026-06-15' },
      istanza,
      persona,
      presoInCarico: false,
      codifica: codificaSiuss('b2', 'buono-caregiver', b2.dal),
    });
    if (revocato.esito !== 'composto') throw new Error(revocato.motivo);
    expect(revocato.prestazioni).toHaveLength(1);
    expect(revocato.prestazioni[0].prestazione).toMatchObject({
      DataFinePrestazione: '2026-06-14',
      PeriodoErogazione: '4',
      PresaCarico: '2',
    });
    const ddn = componiRecord({
      beneficio: { ...b2, misura: 'dopo-di-noi', strumento: 'ddn-a', importoMensileCentesimi: null },
      istanza,
      persona,
      presoInCarico: true,
      codifica: codificaSiuss('dopo-di-noi', 'ddn-a', b2.dal),
    });
    if (ddn.esito !== 'composto') throw new Error(ddn.motivo);
    expect(ddn.prestazioni[0].prestazione).toMatchObject({
      CaratterePrestazione: '2',
      DataErogazionePrestazione: '2026-03-01',
      ImportoPrestazione: '4800.00',
    });
    const xml = documentoFlusso('D142.PS.20260301.0000002', ente, [
      { anagrafica: ddn.anagrafica, prestazioni: [ddn.prestazioni[0].prestazione] },
    ]);
    await expect(validatore.valida(xml)).resolves.toMatchObject({ valido: true });
  });

  it('a strumento with no SIUSS code is not composed, with the reason', () => {
    const r = componiRecord({
      beneficio: b2,
      istanza,
      persona,
      presoInCarico: true,
      codifica: codificaSiuss('b2', 'ignoto', b2.dal),
    });
    expect(r).toEqual({
      esito: 'non-componibile',
      motivo: expect.stringContaining('nessun codice prestazione SIUSS'),
    });
  });

  it('the validator refuses a document the XSD refuses, and says why', async () => {
    const r = componiRecord({
      beneficio: b2,
      istanza,
      persona: { ...persona, codiceFiscale: 'NON-UN-CF' },
      presoInCarico: true,
      codifica: codificaSiuss('b2', 'buono-caregiver', b2.dal),
    });
    if (r.esito !== 'composto') throw new Error(r.motivo);
    const xml = documentoFlusso('D142.PS.20260301.0000003', ente, [
      { anagrafica: r.anagrafica, prestazioni: [r.prestazioni[0].prestazione] },
    ]);
    const esito = await validatore.valida(xml);
    expect(esito.valido).toBe(false);
    expect(esito.errori.join(' ')).toContain('CodiceFiscale');
  });
});

import { RegoleMisuraV1, validaContratto, type RegoleMisuraV1 as Regole } from '@ambito/contracts';
import { valutaIstanza } from '../istruttoria/valuta-istanza';
import { istanzaAdulto, istanzaAnziano } from '../../test/regole-fixture';
import {
  REGOLE_B2_2025,
  REGOLE_B2_2025_VARIANTE_CINISELLO,
  REGOLE_DOPO_DI_NOI_2025,
  REGOLE_PREDEFINITE_2025,
  REGOLE_PRO_VI_2025,
} from './predefinite-2025';

/** Every leaf of a document as a path `a.b[0].c` (an empty array or null is a leaf too). */
function foglie(valore: unknown, percorso = ''): string[] {
  if (Array.isArray(valore)) {
    if (valore.length === 0 || valore.every((v) => v === null || typeof v !== 'object')) return [percorso];
    return valore.flatMap((v, i) => foglie(v, `${percorso}[${i}]`));
  }
  if (valore !== null && typeof valore === 'object')
    return Object.entries(valore).flatMap(([k, v]) => foglie(v, percorso ? `${percorso}.${k}` : k));
  return [percorso];
}

/** Whether `percorso` names a part of the document. */
function esiste(documento: unknown, percorso: string): boolean {
  let corrente: unknown = documento;
  for (const parte of percorso.replace(/\[(\d+)\]/g, '.$1').split('.')) {
    if (corrente === null || typeof corrente !== 'object' || !(parte in corrente)) return false;
    corrente = (corrente as Record<string, unknown>)[parte];
  }
  return true;
}

const TUTTE: [string, Regole][] = [
  ['B2', REGOLE_B2_2025],
  ['B2 variante Cinisello', REGOLE_B2_2025_VARIANTE_CINISELLO],
  ['Dopo di Noi', REGOLE_DOPO_DI_NOI_2025],
  ['Pro.Vi.', REGOLE_PRO_VI_2025],
];

describe('default 2025 rule sets (unit)', () => {
  it.each(TUTTE)('%s is valid for the contract classes (unknown fields refused)', async (_n, doc) => {
    await expect(validaContratto(RegoleMisuraV1, structuredClone(doc))).resolves.toBeInstanceOf(
      RegoleMisuraV1,
    );
  });

  it.each(TUTTE)('%s: every fonte names an existing parameter, once', (_n, doc) => {
    const parametri = doc.parametri.fonti.map((f) => f.parametro);
    expect(parametri.filter((p) => !esiste(doc.parametri, p))).toEqual([]);
    expect(new Set(parametri).size).toBe(parametri.length);
  });

  it.each(TUTTE)('%s: every parameter has a fonte (its own or of the part it belongs to)', (_n, doc) => {
    // A section of another measure (dopoDiNoi, proVi: null) is no parameter of this one.
    const { fonti, ...tutti } = doc.parametri;
    const parametri = Object.fromEntries(Object.entries(tutti).filter(([, v]) => v !== null));
    const coperti = fonti.map((f) => f.parametro);
    const scoperti = foglie(parametri).filter(
      (foglia) =>
        !coperti.some((c) => foglia === c || foglia.startsWith(`${c}.`) || foglia.startsWith(`${c}[`)),
    );
    expect(scoperti).toEqual([]);
  });

  it('keeps the rules file’s marks on the amounts and thresholds', () => {
    const marca = (doc: Regole, p: string) =>
      doc.parametri.fonti.find((f) => f.parametro === p)?.affidabilita;
    expect(marca(REGOLE_B2_2025, 'strumenti[0].importoCentesimi')).toBe('S'); // € 100/mese
    expect(marca(REGOLE_B2_2025, 'requisiti.fasce[1].isee.sogliaCentesimi')).toBe('S'); // € 25.000
    expect(marca(REGOLE_B2_2025, 'strumenti[2].importoCentesimi')).toBe('NF'); // voucher minori
    expect(marca(REGOLE_B2_2025, 'strumenti[3].importoCentesimi')).toBe('NF'); // vita indipendente 2025
    expect(marca(REGOLE_B2_2025, 'strumenti[1].fasceOre')).toBe('B');
    expect(marca(REGOLE_DOPO_DI_NOI_2025, 'strumenti[0].percentualeCostoMassima')).toBe('S'); // 70 %
    expect(marca(REGOLE_DOPO_DI_NOI_2025, 'strumenti[5].importoCentesimi')).toBe('B'); // DGR 6674 da memoria
    expect(marca(REGOLE_DOPO_DI_NOI_2025, 'requisiti.disabilitaNonDaSenilita')).toBe('V');
    expect(marca(REGOLE_PRO_VI_2025, 'requisiti.fasce[0].isee.riduzioni')).toBe('S');
  });

  it('carries the acts and values of the rules file', () => {
    expect(REGOLE_B2_2025.atti).toEqual([{ tipo: 'dgr', numero: 'XII/3719', data: '2024-12-30' }]);
    expect(REGOLE_DOPO_DI_NOI_2025.atti).toContainEqual({
      tipo: 'dgr',
      numero: 'XII/2912',
      data: '2024-08-05',
    });
    expect(REGOLE_PRO_VI_2025.atti).toEqual([{ tipo: 'dgr', numero: 'XII/2033', data: '2024-03-18' }]);
    expect(
      REGOLE_B2_2025.parametri.requisiti.fasce.map((f) => [
        f.area,
        f.etaMinima,
        f.etaMassima,
        f.isee.tipi,
        f.isee.sogliaCentesimi,
      ]),
    ).toEqual([
      ['minori', 0, 17, ['ordinario'], 4_000_000],
      ['disabili-adulti', 18, 64, ['sociosanitario'], 2_500_000],
      ['anziani', 65, null, ['sociosanitario'], 2_500_000],
    ]);
    expect(REGOLE_B2_2025.parametri.incompatibilita.map((i) => i.misura).sort()).toEqual([
      'b1',
      'home-care-premium',
      'prestazione-universale',
      'pro-vi-assistente-personale',
      'residenzialita-definitiva',
      'rsa-aperta',
      'sollievo-fsr',
    ]);
    expect(REGOLE_B2_2025.parametri.sollievo).toEqual({ giorniMassimiAdulti: 60, giorniMassimiMinori: 90 });
    expect(REGOLE_DOPO_DI_NOI_2025.parametri.strumenti.map((s) => s.codice)).toEqual([
      'ddn-a',
      'ddn-b1',
      'ddn-b2',
      'ddn-c1',
      'ddn-c2',
      'ddn-d',
      'ddn-e',
      'ddn-f',
    ]);
    expect(REGOLE_PRO_VI_2025.parametri.proVi).toMatchObject({ macroareeMinime: 2 });
    expect(REGOLE_PRO_VI_2025.parametri.strumenti[0].importoCentesimi).toBe(2_000_000);
    expect(REGOLE_PREDEFINITE_2025.map((r) => r.misura)).toEqual(['b2', 'dopo-di-noi', 'pro-vi']);
  });

  it('the engine reads them: a B2 caregiver buono of € 100,00 for 12 months', () => {
    const v = valutaIstanza(
      { dati: istanzaAnziano(), strumento: 'buono-caregiver', dataRiferimento: '2025-06-15', mesi: 12 },
      { id: 'b2', parametri: REGOLE_B2_2025.parametri },
    );
    expect(v).toMatchObject({
      esito: 'ammissibile',
      area: 'anziani',
      importoMensileCentesimi: 10_000,
      importoTotaleCentesimi: 120_000,
    });
  });

  it('the Cinisello variant refuses gravità without 100 % invalidity, which the standard admits', () => {
    const dati = istanzaAdulto();
    dati.isee = istanzaAnziano().isee;
    dati.caregiver = { parentela: 'parente-1-grado', convivente: true };
    const esito = (doc: Regole) =>
      valutaIstanza(
        { dati, strumento: 'buono-caregiver', dataRiferimento: '2025-06-15', mesi: 12 },
        { id: 'x', parametri: doc.parametri },
      ).esito;
    expect(esito(REGOLE_B2_2025)).toBe('ammissibile');
    expect(esito(REGOLE_B2_2025_VARIANTE_CINISELLO)).toBe('non-ammissibile');
  });
});

import { REGOLE_B2_2025, REGOLE_DOPO_DI_NOI_2025, REGOLE_PRO_VI_2025 } from './predefinite-2025';

const marca = (doc: typeof REGOLE_B2_2025, p: string) =>
  doc.parametri.fonti.find((f) => f.parametro === p)?.affidabilita;

describe('accounting parameters of the 2025 rule sets (unit)', () => {
  it('Dopo di Noi: the caps of rule 16 and the group home of 5, with the rules file’s marks', () => {
    const ddn = REGOLE_DOPO_DI_NOI_2025.parametri.conti?.dopoDiNoi;
    expect(ddn?.personeMassimeGruppoAppartamento).toBe(5);
    expect(ddn?.interventi.find((i) => i.strumento === 'ddn-a')).toEqual({
      strumento: 'ddn-a',
      massimoCentesimi: 2_000_000,
      periodo: 'intervento',
      percentualeCostoMassima: 70,
      sostegnoFamigliaCentesimi: null,
    });
    expect(ddn?.interventi.find((i) => i.strumento === 'ddn-c1')).toMatchObject({
      massimoCentesimi: 480_000,
      periodo: 'anno',
      sostegnoFamigliaCentesimi: 60_000,
    });
    // Every intervention type with a cap is a strumento of the same rule set.
    const strumenti = REGOLE_DOPO_DI_NOI_2025.parametri.strumenti.map((s) => s.codice);
    expect(ddn?.interventi.every((i) => strumenti.includes(i.strumento))).toBe(true);
    expect(marca(REGOLE_DOPO_DI_NOI_2025, 'conti.dopoDiNoi.interventi[0]')).toBe('S');
    expect(marca(REGOLE_DOPO_DI_NOI_2025, 'conti.dopoDiNoi.interventi[1]')).toBe('B');
    expect(marca(REGOLE_DOPO_DI_NOI_2025, 'conti.dopoDiNoi.personeMassimeGruppoAppartamento')).toBe('S');
  });

  it('Pro.Vi.: € 20.000 per beneficiary, the exclusions of §3, at least 20 % from the ambito', () => {
    const p = REGOLE_PRO_VI_2025.parametri.conti?.proVi;
    expect(p).toMatchObject({ massimaleBeneficiarioCentesimi: 2_000_000, cofinanziamentoAmbitoPercento: 20 });
    expect(p?.esclusioni.map((e) => `${e.macroarea}/${e.tipoSpesa}`)).toEqual([
      'assistente-personale/registrazione-contratto',
      'assistente-personale/tenuta-paghe',
      'assistente-personale/sad',
      'abitare-in-autonomia/retribuzione-assistente',
      'abitare-in-autonomia/domotica',
    ]);
    expect(marca(REGOLE_PRO_VI_2025, 'conti.proVi.cofinanziamentoAmbitoPercento')).toBe('S');
    expect(marca(REGOLE_PRO_VI_2025, 'conti.proVi.costoOrarioMassimoCentesimi')).toBe('NF');
  });

  it('B2: B1, B2, Bonus and Dopo di Noi add up for the same assistant (rule 10)', () => {
    expect(REGOLE_B2_2025.parametri.conti?.cumulo?.misure).toEqual([
      'b1',
      'b2',
      'bonus-assistenti-familiari',
      'dopo-di-noi',
    ]);
  });
});

import { CONTI_DOPO_DI_NOI_2025 } from '../regole/conti-2025';
import { valutaBudgetProgetto, valutaIntervento, type InterventoProgetto } from './massimali';

const parametri = CONTI_DOPO_DI_NOI_2025.conti.dopoDiNoi!;
const intervento = (i: Partial<InterventoProgetto>): InterventoProgetto => ({
  strumento: 'ddn-a',
  costoCentesimi: 1_000_000,
  contributoRichiestoCentesimi: 1_000_000,
  sostegnoFamigliaRichiestoCentesimi: 0,
  mesi: 1,
  ...i,
});

describe('Dopo di Noi caps (unit)', () => {
  it('home adaptation: at most 70 % of the cost, and never above € 20.000', () => {
    const piccolo = valutaIntervento(intervento({ costoCentesimi: 1_000_000 }), 0, parametri);
    expect(piccolo).toMatchObject({
      massimaleCentesimi: 700_000,
      contributoCentesimi: 700_000,
      ridotto: true,
    });
    expect(piccolo.motivo).toContain('70 % del costo di € 10.000,00 (€ 7.000,00)');
    const grande = valutaIntervento(
      intervento({ costoCentesimi: 5_000_000, contributoRichiestoCentesimi: 3_000_000 }),
      0,
      parametri,
    );
    expect(grande).toMatchObject({ massimaleCentesimi: 2_000_000, contributoCentesimi: 2_000_000 });
    const entro = valutaIntervento(
      intervento({ costoCentesimi: 1_000_000, contributoRichiestoCentesimi: 600_000 }),
      0,
      parametri,
    );
    expect(entro).toMatchObject({ contributoCentesimi: 600_000, ridotto: false });
  });

  it('accompaniment voucher: € 4.800 a year plus € 600 of family support, per year of the project', () => {
    const unAnno = valutaIntervento(
      intervento({
        strumento: 'ddn-c1',
        costoCentesimi: 600_000,
        contributoRichiestoCentesimi: 600_000,
        sostegnoFamigliaRichiestoCentesimi: 80_000,
        mesi: 12,
      }),
      0,
      parametri,
    );
    expect(unAnno).toMatchObject({
      contributoCentesimi: 480_000,
      sostegnoFamigliaCentesimi: 60_000,
      ridotto: true,
    });
    const dueAnni = valutaIntervento(
      intervento({
        strumento: 'ddn-c1',
        costoCentesimi: 960_000,
        contributoRichiestoCentesimi: 960_000,
        mesi: 24,
      }),
      0,
      parametri,
    );
    expect(dueAnni.contributoCentesimi).toBe(960_000);
  });

  it('monthly caps multiply by the months; an unknown type is refused', () => {
    const d = valutaIntervento(
      intervento({
        strumento: 'ddn-d',
        costoCentesimi: 1_200_000,
        contributoRichiestoCentesimi: 1_200_000,
        mesi: 12,
      }),
      0,
      parametri,
    );
    expect(d.contributoCentesimi).toBe(600_000);
    expect(() => valutaIntervento(intervento({ strumento: 'ddn-z' }), 0, parametri)).toThrow(
      expect.objectContaining({ code: 'STRUMENTO_MISURA_SCONOSCIUTO' }),
    );
  });

  it('a budget di progetto across sources: the fund’s part within its source, the uncovered cost shown', () => {
    const e = valutaBudgetProgetto(
      [intervento({ costoCentesimi: 1_000_000, contributoRichiestoCentesimi: 700_000 })],
      [
        { fonte: 'fondo-dopo-di-noi', importoCentesimi: 700_000 },
        { fonte: 'famiglia', importoCentesimi: 200_000 },
      ],
      parametri,
    );
    expect(e).toMatchObject({
      costoTotaleCentesimi: 1_000_000,
      risorseTotaliCentesimi: 900_000,
      contributoDopoDiNoiCentesimi: 700_000,
      scopertoCentesimi: 100_000,
    });
    expect(() =>
      valutaBudgetProgetto(
        [intervento({ costoCentesimi: 1_000_000, contributoRichiestoCentesimi: 700_000 })],
        [{ fonte: 'fondo-dopo-di-noi', importoCentesimi: 500_000 }],
        parametri,
      ),
    ).toThrow(expect.objectContaining({ code: 'BUDGET_PROGETTO_NON_COPERTO' }));
  });
});

import { validaContratto } from '../../common/validation';
import { BUDGET_EVENTS, BUDGET_RPC } from './budget.messages';
import { ImpegnoRegistratoV1 } from './budget.events';
import { LiquidazioneV1 } from './impegni.dto';
import { SaldiPerComuneV1, SituazioneLineaRispostaV1 } from './situazione.dto';

/** Reply and event classes are checked as a reader checks them: unknown fields are tolerated. */
const valida = <T extends object>(cls: new () => T, value: unknown) =>
  validaContratto(cls, value, { rifiutaCampiIgnoti: false });

const campi = (error: unknown) =>
  ((error as { details?: Array<{ campo: string }> }).details ?? []).map((d) => d.campo);

const liquidazione = {
  id: '5b0e4a3e-8d5c-4a55-9a53-7f0b1c2d3e4f',
  impegnoId: '0f3b2c1d-8d5c-4a55-9a53-7f0b1c2d3e4f',
  importoCentesimi: 123_456,
  periodo: '2024-03',
  mandatoId: null,
  mandato: null,
  registrataIl: '2024-03-31T10:00:00.000Z',
};

const saldi = {
  dotatoCentesimi: 0,
  impegnatoCentesimi: 0,
  liquidatoCentesimi: 0,
  pagatoCentesimi: 0,
  disponibileCentesimi: 0,
};

describe('budget reply classes: amounts in integer cents (int64)', () => {
  it('refuses a fractional cent amount in a reply', async () => {
    await expect(valida(LiquidazioneV1, { ...liquidazione, importoCentesimi: 100.5 })).rejects.toMatchObject({
      code: 'VALIDAZIONE_FALLITA',
    });
    const error = await valida(LiquidazioneV1, { ...liquidazione, importoCentesimi: 0.01 }).catch((e) => e);
    expect(campi(error)).toEqual(['importoCentesimi']);
  });

  it('refuses a fractional cent amount nested in a reply', async () => {
    const risposta = {
      linea: {
        codice: 'B2-2024',
        denominazione: 'Misura B2',
        esercizio: 2024,
        categoria: 'misure-b2',
        preventivoCentesimi: 0,
        lineaPadre: null,
        fondo: null,
      },
      alla: null,
      ...saldi,
      perAnnualita: [],
      perComune: [{ comune: null, impegnatoCentesimi: 10.25, liquidatoCentesimi: 0, pagatoCentesimi: 0 }],
      articoli: [],
    };
    const error = await valida(SituazioneLineaRispostaV1, risposta).catch((e) => e);
    expect(campi(error)).toEqual(['perComune.0.impegnatoCentesimi']);
  });

  it('accepts integers in the int64 range that JSON numbers carry exactly, zero and negative balances', async () => {
    for (const importoCentesimi of [1, Number.MAX_SAFE_INTEGER]) {
      await expect(valida(LiquidazioneV1, { ...liquidazione, importoCentesimi })).resolves.toBeInstanceOf(
        LiquidazioneV1,
      );
    }
    await expect(
      valida(SaldiPerComuneV1, {
        comune: '019035',
        impegnatoCentesimi: Number.MIN_SAFE_INTEGER,
        liquidatoCentesimi: 0,
        pagatoCentesimi: 0,
      }),
    ).resolves.toBeInstanceOf(SaldiPerComuneV1);
  });

  it('refuses euros as a string in an event payload', async () => {
    const evento = {
      impegnoId: liquidazione.id,
      chiaveIdempotenza: 'misure:beneficio:42',
      linea: 'B2-2024',
      fondo: 'FNA-B2',
      anno: 2024,
      importoCentesimi: '1.234,56',
      riferimento: null,
      comuneResidenza: null,
      disponibileLineaCentesimi: 0,
    };
    const error = await valida(ImpegnoRegistratoV1, evento).catch((e) => e);
    expect(campi(error)).toEqual(['importoCentesimi']);
    await expect(
      valida(ImpegnoRegistratoV1, { ...evento, importoCentesimi: 123_456 }),
    ).resolves.toBeDefined();
  });

  it('declares the reply and payload classes with the subjects and types on the wire', () => {
    expect(BUDGET_RPC.registraLiquidazione).toMatchObject({
      subject: 'budget.liquidazione.registra',
      reply: LiquidazioneV1,
    });
    expect(BUDGET_RPC.elencaFondi.reply).toHaveLength(1);
    expect(BUDGET_EVENTS.impegnoRegistrato).toMatchObject({
      type: 'budget.impegno.registrato',
      version: 1,
      payload: ImpegnoRegistratoV1,
    });
  });
});

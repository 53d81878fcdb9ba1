import type { ReferenceObject, SchemaObject } from '@nestjs/swagger';
import {
  CATEGORIE_LINEA,
  STATI_IMPEGNO,
  STATI_VARIAZIONE,
  TIPI_REGOLA,
  TIPI_ATTO,
  type AbitantiRegistratiV1,
  type AnnualitaV1,
  type AssegnazioneFondoV1,
  type DotazioneV1,
  type FondoV1,
  type ImpegnoV1,
  type LineaV1,
  type LiquidazioneV1,
  type ProspettoQuoteComuniRispostaV1,
  type QuotaCapitariaV1,
  type QuotaComuneV1,
  type RegolaFondoV1,
  type SaldiAnnualitaV1,
  type SaldiV1,
  type SituazioneFondoRispostaV1,
  type SituazioneLineaRispostaV1,
  type VariazioneV1,
} from '@ambito/contracts';
import { ref } from './schema-ref';
import { data, elenco, istante, intero, oggetto, testo, testoNullable, uuid } from './response-schemas';

type Schema = SchemaObject | ReferenceObject;

const centesimi = (description: string): SchemaObject => ({
  type: 'integer',
  format: 'int64',
  description: `${description} (centesimi di euro)`,
});

const SALDI: { [K in keyof SaldiV1]: Schema } = {
  dotatoCentesimi: centesimi('Assegnato alla linea con dotazioni'),
  impegnatoCentesimi: centesimi('Impegnato (al netto delle liberazioni)'),
  liquidatoCentesimi: centesimi('Liquidato'),
  disponibileCentesimi: centesimi('Disponibile da impegnare: dotato − impegnato'),
};
const SALDI_ANNUALITA: { [K in keyof SaldiAnnualitaV1]: Schema } = {
  ...SALDI,
  assegnatoCentesimi: centesimi('Assegnato all’Ambito dagli atti'),
  daDotareCentesimi: centesimi('Assegnato e non ancora dotato a una linea'),
};
const ALLA = testoNullable('Momento ricostruito (`alla` della richiesta); null = ora');

/** Schemas of the budget replies, merged into `components.schemas` (checked against the contracts). */
export const BUDGET_RESPONSE_SCHEMAS: Record<string, SchemaObject> = {
  FondoV1: oggetto<FondoV1>('Fondo e annualità assegnate', {
    codice: testo('es. FNA-B2'),
    denominazione: testo(),
    fondoPadre: testoNullable('Fondo di cui è una quota (es. FNA)'),
    annualita: {
      type: 'array',
      items: {
        type: 'object',
        required: ['anno', 'assegnatoCentesimi'],
        properties: { anno: intero(), assegnatoCentesimi: centesimi('Assegnato') },
      },
    },
  }),
  AssegnazioneFondoV1: oggetto<AssegnazioneFondoV1>('Assegnazione di un’annualità con il suo atto', {
    id: uuid,
    atto: {
      type: 'object',
      required: ['tipo', 'numero', 'data'],
      properties: { tipo: elenco(TIPI_ATTO), numero: testo(), data: data('Data dell’atto') },
    },
    importoCentesimi: centesimi('Importo'),
    registrataIl: istante('Quando è stata registrata'),
  }),
  AnnualitaV1: oggetto<AnnualitaV1>('Annualità di un fondo (es. FNA 2024), distinta dall’esercizio', {
    id: uuid,
    fondo: testo(),
    anno: intero('Anno del fondo'),
    assegnatoCentesimi: centesimi('Totale assegnato'),
    assegnazioni: { type: 'array', items: ref('AssegnazioneFondoV1') },
  }),
  LineaV1: oggetto<LineaV1>('Linea di spesa del piano operativo', {
    id: uuid,
    codice: testo(),
    denominazione: testo(),
    esercizio: intero('Esercizio di spesa'),
    categoria: elenco(CATEGORIE_LINEA),
    obiettivo: testoNullable('Obiettivo del piano operativo, es. 7.10'),
    preventivoCentesimi: centesimi('Preventivo'),
  }),
  DotazioneV1: oggetto<DotazioneV1>('Dotazione di un’annualità a una linea', {
    id: uuid,
    fondo: testo(),
    anno: intero(),
    linea: testo(),
    importoCentesimi: centesimi('Importo'),
    atto: testoNullable(),
    registrataIl: istante('Quando'),
  }),
  LiquidazioneV1: oggetto<LiquidazioneV1>('Liquidazione su un impegno', {
    id: uuid,
    impegnoId: uuid,
    importoCentesimi: centesimi('Importo'),
    periodo: testo('Mese pagato, AAAA-MM'),
    mandato: testoNullable('Riferimento del mandato di pagamento'),
    registrataIl: istante('Quando'),
  }),
  ImpegnoV1: oggetto<ImpegnoV1>('Impegno su una linea, imputato a un’annualità di fondo', {
    id: uuid,
    chiaveIdempotenza: testo(),
    linea: testo(),
    fondo: testo(),
    anno: intero(),
    descrizione: testo(),
    riferimento: testoNullable('Oggetto dell’impegno nel servizio chiamante'),
    comuneResidenza: testoNullable('Codice ISTAT del comune di residenza del beneficiario'),
    importoInizialeCentesimi: centesimi('Importo impegnato all’origine'),
    importoCentesimi: centesimi('Importo impegnato ora'),
    liquidatoCentesimi: centesimi('Liquidato'),
    residuoCentesimi: centesimi('Impegnato e non liquidato'),
    stato: elenco(STATI_IMPEGNO),
    registratoIl: istante('Quando'),
    liquidazioni: { type: 'array', items: ref('LiquidazioneV1') },
  }),
  SituazioneFondoRispostaV1: oggetto<SituazioneFondoRispostaV1>('Situazione di un fondo per annualità', {
    fondo: {
      type: 'object',
      required: ['codice', 'denominazione'],
      properties: { codice: testo(), denominazione: testo() },
    },
    alla: ALLA,
    annualita: {
      type: 'array',
      items: {
        type: 'object',
        required: ['anno', ...Object.keys(SALDI_ANNUALITA), 'linee'],
        properties: {
          anno: intero(),
          ...SALDI_ANNUALITA,
          linee: {
            type: 'array',
            items: {
              type: 'object',
              required: ['codice', 'denominazione', 'categoria', ...Object.keys(SALDI)],
              properties: {
                codice: testo(),
                denominazione: testo(),
                categoria: elenco(CATEGORIE_LINEA),
                ...SALDI,
              },
            },
          },
        },
      },
    },
    totale: { type: 'object', required: Object.keys(SALDI_ANNUALITA), properties: SALDI_ANNUALITA },
  }),
  SituazioneLineaRispostaV1: oggetto<SituazioneLineaRispostaV1>('Situazione di una linea di spesa', {
    linea: {
      type: 'object',
      required: ['codice', 'denominazione', 'esercizio', 'categoria', 'preventivoCentesimi'],
      properties: {
        codice: testo(),
        denominazione: testo(),
        esercizio: intero(),
        categoria: elenco(CATEGORIE_LINEA),
        preventivoCentesimi: centesimi('Preventivo'),
      },
    },
    alla: ALLA,
    ...SALDI,
    perAnnualita: {
      type: 'array',
      items: {
        type: 'object',
        required: ['fondo', 'anno', ...Object.keys(SALDI)],
        properties: { fondo: testo(), anno: intero(), ...SALDI },
      },
    },
    perComune: {
      type: 'array',
      items: {
        type: 'object',
        required: ['comune', 'impegnatoCentesimi', 'liquidatoCentesimi'],
        properties: {
          comune: testoNullable('Codice ISTAT; null = non indicato'),
          impegnatoCentesimi: SALDI.impegnatoCentesimi,
          liquidatoCentesimi: SALDI.liquidatoCentesimi,
        },
      },
    },
  }),
  QuotaCapitariaV1: oggetto<QuotaCapitariaV1>('Quota pro-capite deliberata dall’Assemblea', {
    id: uuid,
    anno: intero(),
    quotaPerAbitanteCentesimi: centesimi('Quota per abitante'),
    solidarietaPerAbitanteCentesimi: centesimi('Contributo per abitante al fondo di solidarietà'),
    dataRiferimentoAbitanti: data('Data della popolazione considerata'),
    atto: testo(),
    registrataIl: istante('Quando'),
  }),
  AbitantiRegistratiV1: oggetto<AbitantiRegistratiV1>('Abitanti registrati', {
    dataRiferimento: data('Data di riferimento'),
    comuni: intero('Comuni registrati'),
    abitanti: intero('Totale abitanti'),
  }),
  QuotaComuneV1: oggetto<QuotaComuneV1>('Quota dovuta da un comune', {
    istat: testo('Codice ISTAT'),
    denominazione: testo(),
    abitanti: intero(),
    quotaCentesimi: centesimi('Abitanti × quota per abitante'),
    solidarietaCentesimi: centesimi('Abitanti × contributo al fondo di solidarietà'),
    dovutoCentesimi: centesimi('Dovuto: quota + solidarietà'),
  }),
  ProspettoQuoteComuniRispostaV1: oggetto<ProspettoQuoteComuniRispostaV1>(
    'Prospetto delle quote dei comuni',
    {
      anno: intero(),
      quotaPerAbitanteCentesimi: centesimi('Quota per abitante'),
      solidarietaPerAbitanteCentesimi: centesimi('Contributo per abitante al fondo di solidarietà'),
      dataRiferimentoAbitanti: data('Data della popolazione considerata'),
      atto: testo('Delibera'),
      comuni: { type: 'array', items: ref('QuotaComuneV1') },
      totaleCentesimi: centesimi('Totale dovuto'),
    },
  ),
  VariazioneV1: oggetto<VariazioneV1>('Variazione del preventivo di una linea del piano operativo', {
    id: uuid,
    linea: testo(),
    preventivoPrecedenteCentesimi: centesimi('Preventivo al momento della proposta'),
    preventivoCentesimi: centesimi('Preventivo proposto'),
    motivazione: testo(),
    stato: elenco(STATI_VARIAZIONE),
    propostaDa: testo(),
    propostaIl: istante('Quando è stata proposta'),
    decisaDa: testoNullable('Chi l’ha approvata o respinta'),
    decisaIl: { ...istante('Quando è stata decisa'), nullable: true },
  }),
  RegolaFondoV1: oggetto<RegolaFondoV1>('Versione di una regola di fondo (la legge come dati)', {
    id: uuid,
    fondo: testo(),
    tipo: elenco(TIPI_REGOLA),
    categoria: elenco(CATEGORIE_LINEA),
    puntiBase: { ...intero('Percentuale in punti base (500 = 5%)'), nullable: true },
    fondoCofinanziamento: testoNullable('Fondo che cofinanzia (cofinanziamento-minimo)'),
    validoDal: data('Inizio di validità'),
    validoAl: { ...data('Fine di validità'), nullable: true },
    atto: testo('Atto che la stabilisce'),
  }),
};

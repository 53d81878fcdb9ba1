import type { Affidabilita, FonteParametroV1, RegoleContiV1 } from '@ambito/contracts';

/*
 * The 2025 accounting parameters (issue 10, lane misure-conti) of the default rule sets: Pro.Vi. a
 * consuntivo, the Dopo di Noi caps per intervention type, the cumulation per assistant (rules 10, 16,
 * 18, 19). Kept apart from predefinite-2025.ts, which only plugs them in; each value has its source and
 * the confidence mark of regole-lombardia.md.
 */

const RL = 'regole-lombardia.md';
const fonte = (parametro: string, affidabilita: Affidabilita, testo: string): FonteParametroV1 => ({
  parametro: `conti.${parametro}`,
  fonte: `${testo} (${RL})`,
  affidabilita,
});

export interface Conti {
  conti: RegoleContiV1;
  fonti: FonteParametroV1[];
}

const CUMULO_FONTE = (misura: string) =>
  fonte(
    'cumulo.misure',
    'S',
    `§11 regola 10 e §1.4: per lo stesso assistente familiare B1/B2 + Bonus AF + sostegni del Dopo di Noi non superano il costo della retribuzione (${misura}; ATS Brescia per la B1 [V], Trezzo per la B2 [S])`,
  );

/** B2: only the cumulation per assistant applies. */
export const CONTI_B2_2025: Conti = {
  conti: {
    proVi: null,
    dopoDiNoi: null,
    cumulo: { misure: ['b1', 'b2', 'bonus-assistenti-familiari', 'dopo-di-noi'] },
  },
  fonti: [
    fonte('proVi', 'V', 'non si applica alla B2'),
    fonte('dopoDiNoi', 'V', 'non si applica alla B2'),
    CUMULO_FONTE('B2'),
  ],
};

/** Dopo di Noi: the caps of §2.7 per intervention type and the group home of 5 (§2.6). */
export const CONTI_DOPO_DI_NOI_2025: Conti = {
  conti: {
    proVi: null,
    dopoDiNoi: {
      interventi: [
        {
          strumento: 'ddn-a',
          massimoCentesimi: 2_000_000,
          periodo: 'intervento',
          percentualeCostoMassima: 70,
          sostegnoFamigliaCentesimi: null,
        },
        {
          strumento: 'ddn-b1',
          massimoCentesimi: 30_000,
          periodo: 'mese',
          percentualeCostoMassima: 80,
          sostegnoFamigliaCentesimi: null,
        },
        {
          strumento: 'ddn-b2',
          massimoCentesimi: 150_000,
          periodo: 'anno',
          percentualeCostoMassima: null,
          sostegnoFamigliaCentesimi: null,
        },
        {
          strumento: 'ddn-c1',
          massimoCentesimi: 480_000,
          periodo: 'anno',
          percentualeCostoMassima: null,
          sostegnoFamigliaCentesimi: 60_000,
        },
        {
          strumento: 'ddn-d',
          massimoCentesimi: 50_000,
          periodo: 'mese',
          percentualeCostoMassima: null,
          sostegnoFamigliaCentesimi: null,
        },
        {
          strumento: 'ddn-e',
          massimoCentesimi: 60_000,
          periodo: 'mese',
          percentualeCostoMassima: null,
          sostegnoFamigliaCentesimi: null,
        },
        {
          strumento: 'ddn-f',
          massimoCentesimi: 70_000,
          periodo: 'mese',
          percentualeCostoMassima: null,
          sostegnoFamigliaCentesimi: null,
        },
      ],
      personeMassimeGruppoAppartamento: 5,
    },
    cumulo: { misure: ['b1', 'b2', 'bonus-assistenti-familiari', 'dopo-di-noi'] },
  },
  fonti: [
    fonte('proVi', 'V', 'non si applica al Dopo di Noi'),
    fonte(
      'dopoDiNoi.interventi[0]',
      'S',
      '§2.7 e §11 regola 16: ristrutturazione ≤ min(€ 20.000 per unità immobiliare, 70 % del costo) (versione 2022, Tradate; da riconfermare sulla DGR 2912/2024)',
    ),
    fonte(
      'dopoDiNoi.interventi[1]',
      'B',
      '§2.7: canone fino a € 300/mese e ≤ 80 % del costo, da memoria della DGR 6674/2017, NON verificato',
    ),
    fonte(
      'dopoDiNoi.interventi[2]',
      'B',
      '§2.7: spese condominiali fino a € 1.500/anno, da memoria della DGR 6674/2017, NON verificato',
    ),
    fonte(
      'dopoDiNoi.interventi[3]',
      'S',
      '§2.7 e §11 regola 16: voucher di accompagnamento ≤ € 4.800/anno pro capite + ≤ € 600 per il sostegno alla famiglia (versione 2022)',
    ),
    fonte(
      'dopoDiNoi.interventi[4]',
      'B',
      '§2.7: voucher con ente gestore fino a € 500/mese, da memoria della DGR 6674/2017, NON verificato',
    ),
    fonte(
      'dopoDiNoi.interventi[5]',
      'B',
      '§2.7: contributo autogestito fino a € 600/mese, da memoria della DGR 6674/2017, NON verificato',
    ),
    fonte(
      'dopoDiNoi.interventi[6]',
      'B',
      '§2.7: buono cohousing fino a € 700/mese, da memoria della DGR 6674/2017, NON verificato',
    ),
    fonte(
      'dopoDiNoi.personeMassimeGruppoAppartamento',
      'S',
      '§2.6 e §11 regola 16: gruppo appartamento di massimo 5 persone (DGR 6674/2017, cumfide.it)',
    ),
    CUMULO_FONTE('sostegni del Dopo di Noi'),
  ],
};

/** Pro.Vi.: reimbursement a consuntivo up to € 20.000, the exclusions of §3, 20 % from the ambito. */
export const CONTI_PRO_VI_2025: Conti = {
  conti: {
    proVi: {
      massimaleBeneficiarioCentesimi: 2_000_000,
      costoOrarioMassimoCentesimi: null,
      esclusioni: [
        {
          macroarea: 'assistente-personale',
          tipoSpesa: 'registrazione-contratto',
          motivo: 'la registrazione del contratto non è rimborsabile nella macroarea assistente personale',
        },
        {
          macroarea: 'assistente-personale',
          tipoSpesa: 'tenuta-paghe',
          motivo: 'la tenuta delle paghe non è rimborsabile nella macroarea assistente personale',
        },
        {
          macroarea: 'assistente-personale',
          tipoSpesa: 'sad',
          motivo: 'il SAD non è rimborsabile nella macroarea assistente personale',
        },
        {
          macroarea: 'abitare-in-autonomia',
          tipoSpesa: 'retribuzione-assistente',
          motivo: 'l’assistente personale si rendiconta nella sua macroarea, non nell’abitare in autonomia',
        },
        {
          macroarea: 'abitare-in-autonomia',
          tipoSpesa: 'domotica',
          motivo: 'la domotica si rendiconta nella sua macroarea, non nell’abitare in autonomia',
        },
      ],
      cofinanziamentoAmbitoPercento: 20,
    },
    dopoDiNoi: null,
    cumulo: null,
  },
  fonti: [
    fonte(
      'proVi.massimaleBeneficiarioCentesimi',
      'S',
      '§3 e §11 regola 18: massimale fino a € 20.000 per beneficiario (Consorzio Progetto Solidarietà; regionale NF)',
    ),
    fonte('proVi.costoOrarioMassimoCentesimi', 'NF', '§3: nessun costo orario massimo trovato'),
    fonte(
      'proVi.esclusioni',
      'S',
      '§3: macroarea A esclusi registrazione del contratto, tenuta paghe, SAD; macroarea B escluso l’assistente personale e la domotica (Rodigo, Castellucchio)',
    ),
    fonte(
      'proVi.cofinanziamentoAmbitoPercento',
      'S',
      '§3 e §11 regola 19: 80 % dal Ministero + cofinanziamento d’Ambito ≥ 20 % (ATS Val Padana)',
    ),
    fonte('dopoDiNoi', 'V', 'non si applica al Pro.Vi.'),
    fonte(
      'cumulo',
      'B',
      '§3, §5: l’assistente personale Pro.Vi. è incompatibile con B1/B2, il cumulo per assistente non si applica',
    ),
  ],
};

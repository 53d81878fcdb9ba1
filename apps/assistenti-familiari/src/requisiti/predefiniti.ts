import type { FonteParametroV1, ParametriRequisitiV1 } from '@ambito/contracts';

/**
 * The requirements installed when a registro has none yet (valid from 2016-10-03, DGR X/5648), from
 * /work/shared/domain/regole-lombardia.md §4.2 with its marks: V read on the law's text, S secondary
 * sources (the ambiti's forms). The language proof is configurable per ambito: the default accepts the
 * three modes found in Lombard forms; an ambito narrows it with a new version.
 */
export const VALIDITA_PREDEFINITA = '2016-10-03';

export const PARAMETRI_PREDEFINITI: ParametriRequisitiV1 = {
  etaMinima: 18,
  // EU 27, EEA (IS, LI, NO) and Switzerland.
  paesiUe: [
    'AT',
    'BE',
    'BG',
    'CY',
    'CZ',
    'DE',
    'DK',
    'EE',
    'ES',
    'FI',
    'FR',
    'GR',
    'HR',
    'HU',
    'IE',
    'IT',
    'LT',
    'LU',
    'LV',
    'MT',
    'NL',
    'PL',
    'PT',
    'RO',
    'SE',
    'SI',
    'SK',
    'IS',
    'LI',
    'NO',
    'CH',
  ],
  titoliAmmessi: [
    'titolo-ue-traduzione-asseverata',
    'attestato-160-ore',
    'qualifica-asa-oss',
    'attestato-regionale-assistente-familiare',
    'esperienza-12-mesi',
  ],
  titoliExtraUe: ['attestato-160-ore', 'attestato-regionale-assistente-familiare', 'esperienza-12-mesi'],
  oreMinimeAttestato: 160,
  mesiMinimiEsperienza: 12,
  permessoPerLavoroExtraUe: true,
  provaLingua: {
    modiAmmessi: ['diploma-secondaria-italia', 'certificato-a2', 'autodichiarazione'],
    entiCertificatoriA2: [
      'Università Roma Tre',
      'Università per Stranieri di Perugia',
      'Università per Stranieri di Siena',
      'Società Dante Alighieri',
      'CPIA',
    ],
    cittadinanzeEsenti: ['IT'],
  },
};

export const FONTI_PREDEFINITE: FonteParametroV1[] = [
  { parametro: 'etaMinima', fonte: 'L.R. Lombardia 15/2015 art. 7 c. 3', affidabilita: 'V' },
  {
    parametro: 'titoliAmmessi',
    fonte: 'L.R. 15/2015 art. 7 c. 3; DGR X/5648/2016 (moduli d’Ambito)',
    affidabilita: 'S',
  },
  { parametro: 'titoliExtraUe', fonte: 'L.R. 15/2015 art. 7 c. 4', affidabilita: 'V' },
  {
    parametro: 'oreMinimeAttestato',
    fonte: 'DGR X/5648/2016, moduli d’Ambito (Lodi, Valle Trompia)',
    affidabilita: 'S',
  },
  { parametro: 'mesiMinimiEsperienza', fonte: 'L.R. 15/2015 art. 7 c. 3 lett. c', affidabilita: 'V' },
  { parametro: 'permessoPerLavoroExtraUe', fonte: 'DGR X/5648/2016, moduli d’Ambito', affidabilita: 'S' },
  {
    parametro: 'provaLingua',
    fonte: 'L.R. 15/2015 art. 7 c. 5; moduli d’Ambito (modalità configurabile)',
    affidabilita: 'S',
  },
];

/** Controlled vocabularies of the segretariato sociale. Wire values: do not change them. */
export const CANALI = ['sportello', 'telefono', 'visita-domiciliare', 'email', 'segnalazione-terzi'] as const;
export type Canale = (typeof CANALI)[number];

export const PRESENTATO_DA = ['interessato', 'familiare', 'altra-persona', 'servizio'] as const;
export type PresentatoDa = (typeof PRESENTATO_DA)[number];

export const AREE_BISOGNO = [
  'anziani',
  'disabilita',
  'minori-famiglia',
  'poverta-esclusione',
  'immigrazione',
  'abitare',
  'lavoro',
  'violenza-genere',
  'salute-mentale-dipendenze',
  'altro',
] as const;
export type AreaBisogno = (typeof AREE_BISOGNO)[number];

export const TIPI_ESITO = [
  'informazione-orientamento',
  'invio-altro-servizio',
  'segnalazione-servizio-specialistico',
  'proposta-presa-in-carico',
] as const;
export type TipoEsito = (typeof TIPI_ESITO)[number];

export const URGENZE = ['ordinaria', 'prioritaria', 'urgente'] as const;
export type Urgenza = (typeof URGENZE)[number];

export const SESSI = ['M', 'F'] as const;
export type Sesso = (typeof SESSI)[number];

export const STATI_ACCESSO = ['aperto', 'chiuso'] as const;
export type StatoAccesso = (typeof STATI_ACCESSO)[number];

/**
 * Kinds of ricovero the misure service suspends or ends payments on: in hospital, a temporary relief
 * stay in a structure (ricovero di sollievo), a definitive residential placement (RSA, RSD, CSS).
 */
export const TIPI_RICOVERO = ['ospedaliero', 'sollievo', 'residenziale-definitivo'] as const;
export type TipoRicovero = (typeof TIPI_RICOVERO)[number];

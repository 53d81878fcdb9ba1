import type { ReferenceObject, SchemaObject } from '@nestjs/swagger';
import {
  FONTI_FINANZIAMENTO,
  MOTIVI_CHIUSURA,
  ORIGINI_PROPOSTA,
  PROFESSIONI,
  SESSI,
  STATI_CARTELLA,
  STATI_PROGETTO,
  STATI_PROPOSTA,
  TIPI_PUNTEGGIO,
  TIPI_VOCE_DIARIO,
  UNITA_INTENSITA,
  URGENZE,
  type AssegnazioneV1,
  type CartellaV1,
  type ConteggiCartelleRispostaV1,
  type ConteggioCartelleV1,
  type InterventoProgettoV1,
  type ItemStrumentoV1,
  type MembroEquipeV1,
  type ProgettoV1,
  type PropostaV1,
  type StrumentoV1,
  type ValutazioneV1,
  type VoceDiarioV1,
} from '@ambito/contracts';
import {
  data,
  elenco,
  intero,
  istante,
  oggetto,
  pagina,
  testo,
  testoNullable,
  uuid,
} from './response-schemas';
import { ref } from './schema-ref';

type Schema = SchemaObject | ReferenceObject;

const persona = (): Schema => ({
  type: 'object',
  required: ['id', 'nome'],
  properties: { id: testo('Identificativo dell’utente'), nome: testo() },
});
const nullable = (schema: Schema): Schema => ({ allOf: [schema], nullable: true });

const cartella = {
  id: uuid,
  persona: {
    type: 'object',
    required: ['codiceFiscale', 'cognome', 'nome', 'dataNascita', 'sesso'],
    properties: {
      codiceFiscale: testo(),
      cognome: testo(),
      nome: testo(),
      dataNascita: data('Data di nascita'),
      sesso: elenco(SESSI),
    },
  },
  comuneResidenza: testo('Codice ISTAT: decide il sub-ambito dell’équipe e il Comune che decide'),
  subAmbito: testo('Sub-ambito della cui équipe è la cartella'),
  stato: elenco(STATI_CARTELLA),
  episodio: intero('Episodio di presa in carico (una riapertura ne inizia uno nuovo)'),
  caseManager: nullable(persona()),
  apertaIl: istante('Creazione della cartella'),
  chiusura: nullable({
    type: 'object',
    required: ['motivo', 'il', 'da', 'note'],
    properties: {
      motivo: elenco(MOTIVI_CHIUSURA),
      il: istante('Quando'),
      da: testo(),
      note: testoNullable(),
    },
  }),
  proposte: { type: 'array', items: ref('PropostaV1') },
} satisfies Record<string, Schema>;

/** Reply schemas of the presa-in-carico routes, merged into `components.schemas`. */
export const CARTELLE_SCHEMAS: Record<string, SchemaObject> = {
  PropostaV1: oggetto<PropostaV1>('Proposta di presa in carico', {
    id: uuid,
    origine: elenco(ORIGINI_PROPOSTA),
    accessoId: { ...uuid, nullable: true, description: 'Accesso da cui proviene' },
    inviante: testoNullable('Chi ha inviato il caso'),
    motivazione: testoNullable(),
    urgenza: elenco(URGENZE, true),
    stato: elenco(STATI_PROPOSTA),
    ricevutaIl: istante('Quando è entrata in coda'),
  }),
  AssegnazioneV1: oggetto<AssegnazioneV1>('Assegnazione del case manager (storico)', {
    caseManager: persona(),
    assegnataDa: testo(),
    dal: istante('Inizio'),
    al: { ...istante('Fine (null per l’assegnazione corrente)'), nullable: true },
    note: testoNullable(),
  }),
  CartellaSintesiV1: oggetto<Omit<CartellaV1, 'valutazioni' | 'progetti' | 'assegnazioni'>>(
    'Cartella sociale (sintesi)',
    cartella,
  ),
  PaginaCartelleV1: pagina('cartelle', 'CartellaSintesiV1'),
  CartellaV1: oggetto<CartellaV1>('Cartella sociale', {
    ...cartella,
    assegnazioni: { type: 'array', items: ref('AssegnazioneV1') },
    valutazioni: { type: 'array', items: ref('ValutazioneV1') },
    progetti: {
      type: 'array',
      items: ref('ProgettoV1'),
      description: 'Tutte le versioni, dalla più recente',
    },
  }),
  ValutazioneV1: oggetto<ValutazioneV1>('Valutazione multidimensionale', {
    id: uuid,
    strumento: {
      type: 'object',
      required: ['codice', 'versione', 'denominazione'],
      properties: { codice: testo(), versione: intero('Versione usata'), denominazione: testo() },
    },
    data: data('Data della valutazione'),
    risposte: { type: 'object', additionalProperties: { type: 'integer' } },
    punteggio: { ...intero('Calcolato dal servizio; null per i profili (SINA)'), nullable: true },
    punteggioMax: { ...intero(), nullable: true },
    valutatore: persona(),
    note: testoNullable(),
    episodio: intero(),
    registrataIl: istante('Quando'),
  }),
  InterventoProgettoV1: oggetto<InterventoProgettoV1>('Intervento del progetto', {
    codicePrestazione: testo('Codice SIUSS, es. A2.07'),
    denominazione: testo(),
    erogatore: testo(),
    intensita: {
      type: 'object',
      required: ['quantita', 'unita'],
      properties: { quantita: intero(), unita: elenco(UNITA_INTENSITA) },
    },
    dal: data('Inizio'),
    al: data('Fine'),
    costoCentesimi: intero('Costo nel periodo, in centesimi di euro'),
    fonteFinanziamento: elenco(FONTI_FINANZIAMENTO),
  }),
  ProgettoV1: oggetto<ProgettoV1>('Versione del progetto personalizzato', {
    id: uuid,
    cartellaId: uuid,
    versione: intero(),
    stato: elenco(STATI_PROGETTO),
    dataInizio: data('Inizio'),
    dataFine: data('Fine'),
    obiettivi: { type: 'array', items: ref('ObiettivoV1') },
    interventi: { type: 'array', items: ref('InterventoProgettoV1') },
    verifiche: {
      type: 'array',
      items: {
        type: 'object',
        required: ['data', 'oggetto'],
        properties: { data: data('Data'), oggetto: testo() },
      },
    },
    impegni: { type: 'array', items: testo() },
    consensoPersona: { type: 'boolean' },
    budget: {
      type: 'array',
      description: 'Budget di progetto per fonte, in centesimi',
      items: {
        type: 'object',
        required: ['fonteFinanziamento', 'costoCentesimi'],
        properties: { fonteFinanziamento: elenco(FONTI_FINANZIAMENTO), costoCentesimi: intero() },
      },
    },
    proposto: {
      type: 'object',
      required: ['da', 'nome', 'il'],
      properties: { da: testo(), nome: testo(), il: istante('Quando') },
    },
    decisione: nullable({
      type: 'object',
      required: ['esito', 'da', 'nome', 'il', 'motivazione'],
      properties: {
        esito: elenco(['approvato', 'respinto']),
        da: testo(),
        nome: testo(),
        il: istante('Quando'),
        motivazione: testoNullable(),
      },
    }),
  }),
  VoceDiarioV1: oggetto<VoceDiarioV1>('Voce del diario', {
    id: uuid,
    il: istante('Quando'),
    tipo: elenco(TIPI_VOCE_DIARIO),
    testo: testo(),
    autore: persona(),
    episodio: intero(),
  }),
  MembroEquipeV1: oggetto<MembroEquipeV1>('Membro dell’équipe', {
    subAmbito: testo(),
    userId: testo(),
    nome: testo(),
    professione: elenco(PROFESSIONI),
    registratoIl: istante('Quando'),
  }),
  ItemStrumentoV1: oggetto<ItemStrumentoV1>('Voce di uno strumento', {
    codice: testo(),
    descrizione: testo(),
    valori: {
      type: 'array',
      items: {
        type: 'object',
        required: ['valore', 'etichetta', 'punti'],
        properties: { valore: intero(), etichetta: testo(), punti: intero() },
      },
    },
  }),
  StrumentoV1: oggetto<StrumentoV1>('Strumento di valutazione versionato', {
    codice: testo(),
    versione: intero(),
    validoDal: data('Inizio di validità'),
    denominazione: testo(),
    fonte: testo(),
    items: { type: 'array', items: ref('ItemStrumentoV1') },
    punteggio: {
      type: 'object',
      required: ['tipo', 'min', 'max', 'descrizione'],
      properties: {
        tipo: elenco(TIPI_PUNTEGGIO),
        min: { ...intero(), nullable: true },
        max: { ...intero(), nullable: true },
        descrizione: testo(),
      },
    },
  }),
  ConteggioCartelleV1: oggetto<ConteggioCartelleV1>('Cartelle per sub-ambito e stato', {
    subAmbito: testo(),
    stato: elenco(STATI_CARTELLA),
    totale: intero(),
  }),
  ConteggiCartelleRispostaV1: oggetto<ConteggiCartelleRispostaV1>('Conteggi delle cartelle', {
    righe: { type: 'array', items: ref('ConteggioCartelleV1') },
    totale: intero(),
  }),
};

import type {
  AccessoV1,
  EsitoV1,
  PersonaV1,
  RegistraAccessoV1,
  RegistraPersonaV1,
  TerritorioV1,
} from '@ambito/contracts';
import { seedDemoCartelle } from './demo-cartelle';

/** Fictional people; their codici fiscali are valid (check character included) but belong to nobody. */
const PERSONE: Array<Omit<RegistraPersonaV1, 'comuneResidenza'> & { subAmbito: string }> = [
  {
    codiceFiscale: 'RSSMRA41C52D142R',
    cognome: 'Rossi',
    nome: 'Maria',
    dataNascita: '1941-03-12',
    sesso: 'F',
    luogoNascita: 'D142',
    cittadinanza: 'IT',
    subAmbito: 'SA-CREMA',
  },
  {
    codiceFiscale: 'BNCGPP38L05D150F',
    cognome: 'Bianchi',
    nome: 'Giuseppe',
    dataNascita: '1938-07-05',
    sesso: 'M',
    luogoNascita: 'D150',
    cittadinanza: 'IT',
    subAmbito: 'SA-CREMA',
  },
  {
    codiceFiscale: 'FRRNNA52S63D142T',
    cognome: 'Ferrari',
    nome: 'Anna',
    dataNascita: '1952-11-23',
    sesso: 'F',
    luogoNascita: 'D142',
    cittadinanza: 'IT',
    subAmbito: 'SA-CREMA',
  },
  {
    codiceFiscale: 'LMBPLA79A30F205L',
    cognome: 'Lombardi',
    nome: 'Paolo',
    dataNascita: '1979-01-30',
    sesso: 'M',
    luogoNascita: 'F205',
    cittadinanza: 'IT',
    subAmbito: 'SA-SONCINO',
  },
  {
    codiceFiscale: 'PPSLNE85H54Z129M',
    cognome: 'Popescu',
    nome: 'Elena',
    dataNascita: '1985-06-14',
    sesso: 'F',
    luogoNascita: 'Z129',
    cittadinanza: 'RO',
    // An assistente familiare who resides in Romania and lives with the person she assists: registered
    // with her domicile in the sub-ambito (SIUSS country code 642, ISO 3166-1 numeric).
    cittadinanzaIstat: '642',
    statoEsteroResidenza: '642',
    subAmbito: 'SA-SONCINO',
  },
  {
    codiceFiscale: 'LMRYSF90P02Z330A',
    cognome: 'El Amrani',
    nome: 'Youssef',
    dataNascita: '1990-09-02',
    sesso: 'M',
    luogoNascita: 'Z330',
    cittadinanza: 'MA',
    subAmbito: 'SA-CASTELLEONE',
  },
  {
    codiceFiscale: 'GLLCHR12D58D142H',
    cognome: 'Galli',
    nome: 'Chiara',
    dataNascita: '2012-04-18',
    sesso: 'F',
    luogoNascita: 'D142',
    cittadinanza: 'IT',
    subAmbito: 'SA-CASTELLEONE',
  },
  {
    codiceFiscale: 'MRTLGU47T01D150E',
    cognome: 'Moretti',
    nome: 'Luigi',
    dataNascita: '1947-12-01',
    sesso: 'M',
    luogoNascita: 'D150',
    cittadinanza: 'IT',
    subAmbito: 'SA-CREMA',
  },
];

/** Which demo user works in which sub-ambito (see apps/gateway/README.md). */
const OPERATORI: Record<string, string> = {
  'SA-CREMA': 'operatore.crema',
  'SA-SONCINO': 'operatore.soncino',
  'SA-CASTELLEONE': 'as.castelleone',
};

type Accesso = Pick<
  RegistraAccessoV1,
  'canale' | 'presentatoDa' | 'referente' | 'areaBisogno' | 'richiesta'
> & {
  giorniFa: number;
  esito?: EsitoV1;
};

const ACCESSI: Accesso[][] = [
  [
    {
      giorniFa: 40,
      canale: 'sportello',
      presentatoDa: 'familiare',
      referente: 'Luca Rossi (figlio)',
      areaBisogno: 'anziani',
      richiesta: 'La madre vive sola e non riesce più a gestire la casa; chiede un aiuto domiciliare.',
      esito: {
        tipo: 'proposta-presa-in-carico',
        motivazione: 'Anziana sola con perdita di autonomia: serve una valutazione multidimensionale.',
        urgenza: 'prioritaria',
      },
    },
    {
      giorniFa: 3,
      canale: 'telefono',
      presentatoDa: 'familiare',
      referente: 'Luca Rossi (figlio)',
      areaBisogno: 'anziani',
      richiesta: 'Aggiornamento sulla richiesta di assistenza domiciliare.',
    },
  ],
  [
    {
      giorniFa: 35,
      canale: 'visita-domiciliare',
      presentatoDa: 'interessato',
      areaBisogno: 'anziani',
      richiesta: 'Informazioni sul buono per assistente familiare (Misura B2).',
      esito: { tipo: 'informazione-orientamento', note: 'Consegnato il modulo della Misura B2.' },
    },
  ],
  [
    {
      giorniFa: 20,
      canale: 'sportello',
      presentatoDa: 'interessato',
      areaBisogno: 'abitare',
      richiesta: 'Sfratto esecutivo entro due mesi.',
      esito: { tipo: 'invio-altro-servizio', servizio: 'Agenzia per l’abitare d’Ambito' },
    },
  ],
  [
    {
      giorniFa: 12,
      canale: 'sportello',
      presentatoDa: 'interessato',
      areaBisogno: 'lavoro',
      richiesta: 'Cerca un percorso di inserimento lavorativo.',
      esito: { tipo: 'invio-altro-servizio', servizio: 'Servizio inserimento lavorativo (SIL)' },
    },
  ],
  [
    {
      giorniFa: 8,
      canale: 'email',
      presentatoDa: 'interessato',
      areaBisogno: 'poverta-esclusione',
      richiesta: 'Chiede informazioni sull’Assegno di inclusione.',
    },
  ],
  [
    {
      giorniFa: 15,
      canale: 'segnalazione-terzi',
      presentatoDa: 'servizio',
      referente: 'Centro per l’impiego di Crema',
      areaBisogno: 'immigrazione',
      richiesta: 'Orientamento ai corsi di lingua italiana e al riconoscimento del titolo di studio.',
      esito: { tipo: 'informazione-orientamento' },
    },
  ],
  [
    {
      giorniFa: 25,
      canale: 'segnalazione-terzi',
      presentatoDa: 'servizio',
      referente: 'Istituto comprensivo',
      areaBisogno: 'minori-famiglia',
      richiesta: 'Assenze scolastiche ripetute e segnali di trascuratezza.',
      esito: { tipo: 'segnalazione-servizio-specialistico', servizio: 'Servizio tutela minori' },
    },
  ],
  [
    {
      giorniFa: 2,
      canale: 'sportello',
      presentatoDa: 'familiare',
      referente: 'Carla Moretti (moglie)',
      areaBisogno: 'disabilita',
      richiesta: 'Il marito, dopo un ictus, necessita di assistenza continuativa; chiede la presa in carico.',
      esito: {
        tipo: 'proposta-presa-in-carico',
        motivazione: 'Disabilità grave sopravvenuta, caregiver anziana: progetto personalizzato urgente.',
        urgenza: 'urgente',
      },
    },
  ],
];

export class DemoClient {
  private tokens = new Map<string, string>();

  constructor(private readonly baseUrl: string) {}

  async call<T>(
    user: string,
    method: string,
    path: string,
    body?: unknown,
    intestazioni: Record<string, string> = {},
  ): Promise<{ status: number; body: T }> {
    const response = await fetch(`${this.baseUrl}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await this.token(user)}`,
        'content-type': 'application/json',
        // Reads of personal data declare their purpose (code and text), as every operator's do; a
        // caller may name another purpose (the registro degli assistenti familiari's).
        'x-finalita': 'segretariato-sociale',
        'x-motivo': 'caricamento dati dimostrativi',
        ...intestazioni,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as T };
  }

  /**
   * A write with an Idempotency-Key, sent again while its outcome is not known; the key keeps its
   * effect one. On a busy machine the demo meets all three: 503 (the service was not reached in time:
   * nothing done), 504 ESITO_NON_DETERMINATO (maybe done: the key gets its answer back) and 409
   * IDEMPOTENCY_KEY_IN_USO (the first one still running).
   */
  async scrivi<T>(
    user: string,
    method: string,
    path: string,
    body: unknown,
    chiave: string,
    intestazioni: Record<string, string> = {},
  ): Promise<{ status: number; body: T }> {
    for (let tentativo = 1; ; tentativo++) {
      const risposta = await this.call<T>(user, method, path, body, {
        ...intestazioni,
        'idempotency-key': chiave,
      });
      const codice = (risposta.body as { code?: string } | null)?.code;
      const incerto =
        risposta.status === 503 ||
        risposta.status === 504 ||
        (risposta.status === 409 && codice === 'IDEMPOTENCY_KEY_IN_USO');
      if (!incerto || tentativo === 6) return risposta;
      await new Promise((r) => setTimeout(r, 500 * tentativo));
    }
  }

  private async token(user: string): Promise<string> {
    const cached = this.tokens.get(user);
    if (cached) return cached;
    const response = await fetch(`${this.baseUrl}/api/v1/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: user, password: 'demo' }),
    });
    if (!response.ok) throw new Error(`token per ${user}: HTTP ${response.status}`);
    const { access_token } = (await response.json()) as { access_token: string };
    this.tokens.set(user, access_token);
    return access_token;
  }
}

/**
 * Loads the demo records through the public API, once: a second run finds them and stops. They are
 * for the Cremasco demo territorio (its sub-ambiti and users): on another territorio nothing is loaded.
 */
export async function seedDemoData(
  gatewayUrl: string,
  api: DemoClient = new DemoClient(gatewayUrl),
): Promise<{
  created: boolean;
  persone: number;
  accessi: number;
  cartelle: number;
  ambito: string;
  /** The territorio is not the Cremasco demo one: no demo records. */
  altroTerritorio: boolean;
}> {
  const { body: territorio } = await api.call<TerritorioV1>('operatore.crema', 'GET', '/territorio');
  const ambito = territorio.ambito.denominazione;
  const subAmbiti = new Set(territorio.subAmbiti.map((s) => s.codice));
  if (!Object.keys(OPERATORI).every((s) => subAmbiti.has(s)))
    return { created: false, persone: 0, accessi: 0, cartelle: 0, ambito, altroTerritorio: true };
  const existing = await api.call<{ totale: number }>(
    'operatore.crema',
    'GET',
    `/persone?codiceFiscale=${PERSONE[0].codiceFiscale}`,
  );
  if (existing.status === 200 && existing.body.totale > 0) {
    const { cartelle } = await seedDemoCartelle(api);
    return { created: false, persone: 0, accessi: 0, cartelle, ambito, altroTerritorio: false };
  }

  let accessi = 0;
  for (const [i, { subAmbito, ...persona }] of PERSONE.entries()) {
    const comuni = territorio.comuni.filter((c) => c.subAmbito === subAmbito);
    const sede =
      territorio.sedi.find((s) => s.subAmbito === subAmbito && s.tipo === 'hub') ??
      territorio.sedi.find((s) => s.subAmbito === subAmbito);
    if (comuni.length === 0 || !sede) throw new Error(`territorio senza comuni o sedi per ${subAmbito}`);
    const operatore = OPERATORI[subAmbito];
    const comune = comuni[i % comuni.length].istat;
    const registrata = await api.call<PersonaV1>(
      operatore,
      'POST',
      '/persone',
      persona.statoEsteroResidenza
        ? { ...persona, comuneDomicilio: comune }
        : { ...persona, comuneResidenza: comune },
    );
    if (registrata.status !== 201)
      throw new Error(`persona ${persona.cognome}: ${JSON.stringify(registrata.body)}`);
    if (i === 0) {
      // A ricovero di sollievo that ended two weeks ago (published as accesso.ricovero.iniziato/concluso).
      const giorno = (giorniFa: number) =>
        new Date(Date.now() - giorniFa * 86_400_000).toISOString().slice(0, 10);
      const ricovero = await api.call(operatore, 'POST', `/persone/${registrata.body.id}/ricoveri`, {
        tipo: 'sollievo',
        dal: giorno(45),
        al: giorno(15),
      });
      if (ricovero.status !== 201) throw new Error(`ricovero: ${JSON.stringify(ricovero.body)}`);
    }
    for (const accesso of ACCESSI[i] ?? []) {
      const { giorniFa, esito, ...dati } = accesso;
      const dataOra = new Date(Date.now() - giorniFa * 86_400_000).toISOString();
      const creato = await api.call<AccessoV1>(operatore, 'POST', '/accessi', {
        ...dati,
        personaId: registrata.body.id,
        sede: sede.codice,
        dataOra,
      });
      if (creato.status !== 201) throw new Error(`accesso: ${JSON.stringify(creato.body)}`);
      accessi += 1;
      if (esito) {
        const chiuso = await api.call<AccessoV1>(
          operatore,
          'POST',
          `/accessi/${creato.body.id}/esito`,
          esito,
        );
        if (chiuso.status !== 200) throw new Error(`esito: ${JSON.stringify(chiuso.body)}`);
      }
    }
  }
  const { cartelle } = await seedDemoCartelle(api);
  return { created: true, persone: PERSONE.length, accessi, cartelle, ambito, altroTerritorio: false };
}

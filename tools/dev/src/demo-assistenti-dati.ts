import {
  COMPETENZE_ASSISTENTE,
  GIORNI_SETTIMANA,
  type CampoPubblicabile,
  type CompetenzaAssistente,
  type Convivenza,
  type PresentaCandidaturaV1,
  type RegistraRichiestaV1,
  type TerritorioV1,
  type TitoloAssistente,
} from '@ambito/contracts';
import { checkChar } from '@ambito/kernel';

/*
 * The demo registro degli assistenti familiari of a territorio (issue 11, point 8): pure and seeded, so
 * that every start makes the same people. Fictional people: names from common ones of each country,
 * codici fiscali valid (check character included) and belonging to nobody (birth dates spread so that
 * no two are equal). Who is where follows the territorio's sportelli and comuni.
 */

export interface AssistenteDemo {
  candidatura: PresentaCandidaturaV1;
  /** What the sportello does with it: registers it, rejects it with a motivazione, or not yet decided. */
  decisione: 'iscrivi' | 'respingi' | 'in-attesa';
  motivazione?: string;
  /** The fields consented to publish (none: not in the public register). */
  consenso: CampoPubblicabile[];
  /** Later, at the assistant's request: consent revoked, or iscrizione cancelled. */
  poi?: 'revoca-consenso' | 'cancellazione';
}

export interface RichiestaDemo {
  richiesta: Omit<RegistraRichiestaV1, 'personaId'>;
  /** The first candidate is proposed, both accept and the contract is signed. */
  contratto: boolean;
}

/** mulberry32: a small seeded generator. */
function generatore(seme: number) {
  let a = seme;
  const r = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const intero = (n: number) => Math.floor(r() * n);
  const uno = <T>(da: readonly T[]): T => da[intero(da.length)];
  const alcuni = <T>(da: readonly T[], min: number, max: number): T[] => {
    const copia = [...da];
    for (let i = copia.length - 1; i > 0; i--) {
      const j = intero(i + 1);
      [copia[i], copia[j]] = [copia[j], copia[i]];
    }
    return copia.slice(0, Math.min(copia.length, min + intero(max - min + 1)));
  };
  return { r, intero, uno, alcuni };
}

interface Paese {
  cittadinanza: string;
  /** Codice catastale of the country (Z…), the place of birth in the codice fiscale. */
  belfiore: string;
  ue: boolean;
  lingue: string[];
  donne: string[];
  uomini: string[];
  cognomi: string[];
  /** How many of 100 assistants come from there (roughly the sportelli's registers). */
  quota: number;
}

const PAESI: Paese[] = [
  {
    cittadinanza: 'RO',
    belfiore: 'Z129',
    ue: true,
    lingue: ['ro'],
    donne: ['Elena', 'Maria', 'Ioana', 'Mihaela', 'Gabriela', 'Daniela', 'Florentina', 'Adriana'],
    uomini: ['Ion', 'Mihai', 'Constantin'],
    cognomi: ['Popescu', 'Ionescu', 'Popa', 'Dumitru', 'Stan', 'Stoica', 'Gheorghe', 'Munteanu'],
    quota: 30,
  },
  {
    cittadinanza: 'UA',
    belfiore: 'Z138',
    ue: false,
    lingue: ['uk', 'ru'],
    donne: ['Olena', 'Oksana', 'Natalia', 'Tetiana', 'Svitlana', 'Halyna', 'Iryna'],
    uomini: ['Andriy', 'Vasyl'],
    cognomi: ['Kovalenko', 'Shevchenko', 'Bondarenko', 'Tkachenko', 'Kravchenko', 'Melnyk', 'Boyko'],
    quota: 18,
  },
  {
    cittadinanza: 'MD',
    belfiore: 'Z140',
    ue: false,
    lingue: ['ro', 'ru'],
    donne: ['Ana', 'Tatiana', 'Valentina', 'Lilia', 'Svetlana'],
    uomini: ['Vasile', 'Sergiu'],
    cognomi: ['Rusu', 'Ciobanu', 'Ceban', 'Lungu', 'Cojocaru'],
    quota: 10,
  },
  {
    cittadinanza: 'PE',
    belfiore: 'Z611',
    ue: false,
    lingue: ['es'],
    donne: ['Rosa', 'Carmen', 'Luz', 'Milagros', 'Gladys'],
    uomini: ['Jorge', 'Luis'],
    cognomi: ['Quispe', 'Flores', 'Huaman', 'Mamani', 'Rojas'],
    quota: 8,
  },
  {
    cittadinanza: 'MA',
    belfiore: 'Z330',
    ue: false,
    lingue: ['ar', 'fr'],
    donne: ['Fatima', 'Khadija', 'Naima', 'Samira'],
    uomini: ['Youssef', 'Mohamed', 'Rachid'],
    cognomi: ['El Amrani', 'Benali', 'Alaoui', 'Bennani', 'Tazi'],
    quota: 7,
  },
  {
    cittadinanza: 'AL',
    belfiore: 'Z100',
    ue: false,
    lingue: ['sq'],
    donne: ['Elona', 'Mirela', 'Blerina', 'Lindita'],
    uomini: ['Arben', 'Gentian'],
    cognomi: ['Hoxha', 'Shehu', 'Dervishi', 'Leka'],
    quota: 6,
  },
  {
    cittadinanza: 'GE',
    belfiore: 'Z254',
    ue: false,
    lingue: ['ka', 'ru'],
    donne: ['Nino', 'Tamar', 'Ketevan', 'Manana'],
    uomini: ['Giorgi'],
    cognomi: ['Beridze', 'Kapanadze', 'Gelashvili', 'Maisuradze'],
    quota: 5,
  },
  {
    cittadinanza: 'PH',
    belfiore: 'Z216',
    ue: false,
    lingue: ['tl', 'en'],
    donne: ['Maricel', 'Jocelyn', 'Rowena', 'Analyn'],
    uomini: ['Ramon', 'Jericho'],
    cognomi: ['Santos', 'Reyes', 'Cruz', 'Bautista', 'Garcia'],
    quota: 4,
  },
  {
    cittadinanza: 'BG',
    belfiore: 'Z104',
    ue: true,
    lingue: ['bg'],
    donne: ['Petya', 'Desislava', 'Mariya', 'Radka'],
    uomini: ['Georgi'],
    cognomi: ['Ivanova', 'Georgieva', 'Dimitrova', 'Petrova'],
    quota: 3,
  },
  {
    cittadinanza: 'IT',
    belfiore: 'D142', // Crema
    ue: true,
    lingue: [],
    donne: ['Giovanna', 'Lucia', 'Franca', 'Patrizia', 'Silvia', 'Roberta'],
    uomini: ['Marco', 'Stefano'],
    cognomi: ['Bianchi', 'Ferrari', 'Colombo', 'Ricci', 'Marino', 'Galli', 'Conti', 'Fontana'],
    quota: 9,
  },
];

const MESI_CF = 'ABCDEHLMPRST';
const consonanti = (s: string) =>
  s
    .toUpperCase()
    .replace(/[^A-Z]/g, '')
    .replace(/[AEIOU]/g, '');
const vocali = (s: string) => s.toUpperCase().replace(/[^AEIOU]/g, '');
const triade = (s: string) => (consonanti(s) + vocali(s) + 'XXX').slice(0, 3);
function triadeNome(nome: string): string {
  const c = consonanti(nome);
  return c.length >= 4 ? c[0] + c[2] + c[3] : triade(nome);
}

/** A valid codice fiscale of the person (the usual rules; no omocodia: dates are all different). */
export function codiceFiscaleDemo(p: {
  cognome: string;
  nome: string;
  dataNascita: string;
  donna: boolean;
  belfiore: string;
}): string {
  const [anno, mese, giorno] = p.dataNascita.split('-').map(Number);
  const primi15 =
    triade(p.cognome) +
    triadeNome(p.nome) +
    String(anno % 100).padStart(2, '0') +
    MESI_CF[mese - 1] +
    String(giorno + (p.donna ? 40 : 0)).padStart(2, '0') +
    p.belfiore;
  return primi15 + checkChar(primi15);
}

const ENTI_FORMAZIONE = [
  'Cr.Forma',
  'ENAIP Lombardia',
  'Fondazione Casalasca Servizi',
  'CFP Mantova',
  'Caritas',
];
const ENTI_A2 = ['CPIA', 'Università per Stranieri di Perugia', 'Società Dante Alighieri'];

/** Weekly bands: mornings, afternoons, full days, nights (live-in), weekends; in whole hours. */
function disponibilita(g: ReturnType<typeof generatore>, convivente: boolean) {
  const feriali = GIORNI_SETTIMANA.slice(0, 5);
  const modello = convivente ? 4 : g.intero(4);
  const fasce: Array<{ giorno: (typeof GIORNI_SETTIMANA)[number]; dalle: number; alle: number }> = [];
  if (modello === 0) {
    const dalle = 7 + g.intero(3);
    for (const giorno of g.alcuni(feriali, 3, 5))
      fasce.push({ giorno, dalle, alle: dalle + 4 + g.intero(2) });
  } else if (modello === 1) {
    const dalle = 13 + g.intero(3);
    for (const giorno of g.alcuni(feriali, 2, 5))
      fasce.push({ giorno, dalle, alle: dalle + 3 + g.intero(3) });
  } else if (modello === 2) {
    for (const giorno of g.alcuni(feriali, 4, 5)) fasce.push({ giorno, dalle: 8, alle: 18 });
    if (g.r() < 0.4) fasce.push({ giorno: 'sab', dalle: 8, alle: 13 });
  } else {
    for (const giorno of g.alcuni(GIORNI_SETTIMANA, 5, 6)) fasce.push({ giorno, dalle: 0, alle: 24 });
  }
  if (!convivente && g.r() < 0.15) fasce.push({ giorno: 'dom', dalle: 9, alle: 13 });
  return fasce.sort(
    (a, b) => GIORNI_SETTIMANA.indexOf(a.giorno) - GIORNI_SETTIMANA.indexOf(b.giorno) || a.dalle - b.dalle,
  );
}

const CONSENSI: CampoPubblicabile[][] = [
  ['nome', 'competenze', 'formazione', 'disponibilita', 'lingue', 'aree', 'convivente', 'esperienzaMesi'],
  ['nome', 'competenze', 'disponibilita', 'lingue', 'aree'],
  ['competenze', 'disponibilita', 'aree'],
  ['competenze', 'lingue', 'aree', 'convivente'],
  ['nome', 'aree'],
  [],
];

function hash(testo: string): number {
  let h = 2166136261;
  for (const c of testo) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  return h;
}

function giornoDopo(giorno: string, giorni: number): string {
  return new Date(Date.parse(`${giorno}T00:00:00Z`) + giorni * 86_400_000).toISOString().slice(0, 10);
}

/** The sedi that are sportelli assistenti familiari (none: the territorio has no registro). */
export function sportelliAssistenti(territorio: TerritorioV1): TerritorioV1['sedi'] {
  return territorio.sedi.filter((s) => s.funzioni?.includes('sportello-assistenti-familiari'));
}

/** `quanti` assistants for the sportelli of the territorio, received on `oggi` (AAAA-MM-GG). */
export function assistentiDemo(territorio: TerritorioV1, quanti: number, oggi: string): AssistenteDemo[] {
  const sportelli = sportelliAssistenti(territorio);
  if (sportelli.length === 0) return [];
  // Another territorio, other people: the service's registro code may be the same in both demos.
  const ambito = hash(territorio.ambito.codice);
  const g = generatore(15_2015 ^ ambito);
  const paesi = PAESI.flatMap((p) => Array.from({ length: p.quota }, () => p));
  const comuniDi = (subAmbito: string) => territorio.comuni.filter((c) => c.subAmbito === subAmbito);
  const risultato: AssistenteDemo[] = [];
  for (let n = 0; n < quanti; n++) {
    const sportello = sportelli[n % sportelli.length];
    const paese = g.uno(paesi);
    const donna = g.r() < 0.88;
    const nome = g.uno(donna ? paese.donne : paese.uomini);
    const cognome = g.uno(paese.cognomi);
    // Unique birth dates: 36 years × 12 months × 28 days (the day shifted by territorio).
    const giorno = 1 + ((Math.floor(n / 432) + ambito) % 28);
    const dataNascita = `${1958 + (n % 36)}-${String(1 + (Math.floor(n / 36) % 12)).padStart(2, '0')}-${String(giorno).padStart(2, '0')}`;
    const codiceFiscale = codiceFiscaleDemo({ cognome, nome, dataNascita, donna, belfiore: paese.belfiore });
    const convivente = g.r() < 0.25;
    // Where they work: comuni near the sportello (its sub-ambito), some also in a neighbouring one.
    const vicini = comuniDi(sportello.subAmbito);
    const altrove = g.uno(territorio.subAmbiti).codice;
    const aree = [
      ...new Set([
        ...g.alcuni(vicini.length ? vicini : territorio.comuni, 1, 4).map((c) => c.istat),
        ...(g.r() < 0.4 ? g.alcuni(comuniDi(altrove), 1, 3).map((c) => c.istat) : []),
      ]),
    ].sort();
    const competenze = g
      .alcuni(COMPETENZE_ASSISTENTE, 2, 7)
      .sort(
        (a, b) => COMPETENZE_ASSISTENTE.indexOf(a) - COMPETENZE_ASSISTENTE.indexOf(b),
      ) as CompetenzaAssistente[];
    if (convivente && !competenze.includes('assistenza-notturna')) competenze.push('assistenza-notturna');
    const esperienzaMesi = 6 + g.intero(180);
    const titoliPossibili: TitoloAssistente[] = paese.ue
      ? [
          'qualifica-asa-oss',
          'attestato-160-ore',
          'attestato-regionale-assistente-familiare',
          'esperienza-12-mesi',
        ]
      : ['attestato-160-ore', 'attestato-regionale-assistente-familiare', 'esperienza-12-mesi'];
    const tipo = g.uno(titoliPossibili);
    const anno = 2012 + g.intero(13);
    const titolo = {
      tipo,
      ore: tipo === 'attestato-160-ore' ? 160 + 20 * g.intero(10) : null,
      mesi: tipo === 'esperienza-12-mesi' ? Math.max(12, esperienzaMesi) : null,
      descrizione:
        tipo === 'esperienza-12-mesi'
          ? 'Contratti di lavoro domestico (CCNL), assistenza a persona anziana'
          : tipo === 'qualifica-asa-oss'
            ? `Qualifica ASA, ${g.uno(ENTI_FORMAZIONE)} ${anno}`
            : `Corso per assistente familiare, ${g.uno(ENTI_FORMAZIONE)} ${anno}`,
      documento: `${tipo === 'esperienza-12-mesi' ? 'CONTR' : 'ATT'}-${anno}-${1000 + n}`,
    };
    const italiana = paese.cittadinanza === 'IT';
    const modoLingua = italiana
      ? null
      : g.uno(['autodichiarazione', 'certificato-a2', 'diploma-secondaria-italia'] as const);
    // A few cannot be registered: a pending criminal proceeding declared (rejected with its motivazione).
    const procedimento = n % 53 === 17;
    const decisione: AssistenteDemo['decisione'] = procedimento
      ? 'respingi'
      : n % 41 === 9
        ? 'in-attesa'
        : 'iscrivi';
    const lingue = [
      ...paese.lingue,
      ...(italiana || g.r() < 0.85 ? ['it'] : []),
      ...(g.r() < 0.1 ? ['en'] : []),
    ];
    risultato.push({
      candidatura: {
        sportello: sportello.codice,
        assistente: {
          codiceFiscale,
          nome,
          cognome,
          dataNascita,
          cittadinanza: paese.cittadinanza,
          telefono: `+39 3${String(20 + (n % 80)).padStart(2, '0')} ${String(1_000_000 + n * 7919).slice(-7)}`,
          email: g.r() < 0.5 ? `assistente.${n + 1}@example.org` : null,
          indirizzo: `Indirizzo dimostrativo ${n + 1}`,
        },
        dichiarazioni: {
          assenzaCondanne: true,
          assenzaProcedimentiPendenti: !procedimento,
          permessoSoggiorno: paese.ue
            ? null
            : {
                tipo: g.r() < 0.8 ? 'lavoro subordinato' : 'famiglia',
                validoPerLavoro: true,
                scadenza: giornoDopo(oggi, 60 + g.intero(900)),
                documento: `PS-${n + 1}`,
              },
          titoli: [titolo],
          provaLingua: modoLingua
            ? {
                modo: modoLingua,
                ente: modoLingua === 'certificato-a2' ? g.uno(ENTI_A2) : null,
                documento: modoLingua === 'autodichiarazione' ? null : `LINGUA-${n + 1}`,
              }
            : null,
        },
        scheda: {
          competenze,
          formazione:
            tipo === 'esperienza-12-mesi'
              ? []
              : [{ titolo: titolo.descrizione, ente: g.uno(ENTI_FORMAZIONE), ore: titolo.ore, anno }],
          disponibilita: disponibilita(g, convivente),
          lingue: [...new Set(lingue)],
          aree,
          convivente,
          esperienzaMesi,
        },
        documenti: [
          { tipo: 'documento-identita', riferimento: `DOC-${n + 1}`, data: oggi },
          { tipo: 'autocertificazione-casellario', riferimento: `AUTO-${n + 1}`, data: oggi },
        ],
      },
      decisione,
      motivazione: procedimento
        ? 'Procedimento penale pendente dichiarato: requisito dell’art. 7 c. 3 non soddisfatto.'
        : undefined,
      consenso: CONSENSI[n % CONSENSI.length],
      poi: n % 37 === 11 ? 'cancellazione' : n % 29 === 5 ? 'revoca-consenso' : undefined,
    });
  }
  return risultato;
}

/** `quante` richieste of families across the territorio's comuni, from the sportelli. */
export function richiesteDemo(territorio: TerritorioV1, quante: number, oggi: string): RichiestaDemo[] {
  const sportelli = sportelliAssistenti(territorio);
  if (sportelli.length === 0) return [];
  const g = generatore(2016_5648 ^ hash(territorio.ambito.codice));
  const bisogni: Array<{ competenze: CompetenzaAssistente[]; indispensabili: CompetenzaAssistente[] }> = [
    { competenze: ['demenza', 'igiene-personale', 'compagnia'], indispensabili: ['demenza'] },
    { competenze: ['mobilizzazione', 'igiene-personale'], indispensabili: ['mobilizzazione'] },
    { competenze: ['cucina', 'economia-domestica', 'compagnia'], indispensabili: [] },
    { competenze: ['somministrazione-farmaci', 'alimentazione'], indispensabili: [] },
    { competenze: ['disabilita', 'mobilizzazione', 'patente-guida'], indispensabili: ['disabilita'] },
    { competenze: ['assistenza-notturna', 'demenza'], indispensabili: ['assistenza-notturna'] },
  ];
  const convivenze: Convivenza[] = ['indifferente', 'indifferente', 'gradita', 'necessaria'];
  return Array.from({ length: quante }, (_, n) => {
    const sportello = sportelli[n % sportelli.length];
    const vicini = territorio.comuni.filter((c) => c.subAmbito === sportello.subAmbito);
    const comune = g.uno(g.r() < 0.7 && vicini.length ? vicini : territorio.comuni).istat;
    const bisogno = bisogni[n % bisogni.length];
    const convivenza = convivenze[g.intero(convivenze.length)];
    const dalle = convivenza === 'necessaria' ? 0 : 8 + g.intero(6);
    const alle = convivenza === 'necessaria' ? 24 : dalle + 3 + g.intero(4);
    const giorni =
      convivenza === 'necessaria'
        ? GIORNI_SETTIMANA.slice(0, 6)
        : g.alcuni(GIORNI_SETTIMANA.slice(0, 5), 2, 5);
    return {
      richiesta: {
        sportello: sportello.codice,
        comune,
        orari: giorni.map((giorno) => ({
          giorno,
          dalle: `${String(dalle).padStart(2, '0')}:00`,
          alle: `${String(alle).padStart(2, '0')}:00`,
        })),
        convivenza,
        competenze: bisogno.competenze,
        competenzeIndispensabili: bisogno.indispensabili,
        lingue: g.r() < 0.5 ? ['it'] : g.alcuni(['it', 'ro', 'uk', 'es', 'ru'], 1, 2),
        dataInizio: giornoDopo(oggi, 7 + g.intero(60)),
        note: null,
      },
      contratto: n % 12 === 3,
    };
  });
}

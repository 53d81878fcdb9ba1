import { giornoInItalia } from '@ambito/kernel';
import type {
  Area,
  AvvisoMisuraV1,
  CartellaV1,
  DatiIstanzaV1,
  DichiarazioniIstanzaV1,
  GraduatoriaV1,
  GraduatorieFormateV1,
  IstanzaV1,
  PaginaIstanzeV1,
  PersonaV1,
  ProgettoV1,
  ProponiProgettoV1,
  TerritorioV1,
  VersioneRegoleMisuraV1,
} from '@ambito/contracts';
import { generaIstanzeB2, generatoreCasuale, type IstanzaGenerata } from '@ambito/testing';
import type { DemoClient } from './demo-data';
import { aGruppi, budgetGraduatorieB2, personaDemo, type PersonaDemo } from './demo-misure-dati';
import { mesiDemo } from './demo-liquidazioni-dati';

/*
 * The misure demo (issue 9): the 2025 B2 avviso of the Ambito Cremasco with ~200 istanze across the
 * three areas, closed, its graduatorie formed and approved within their budgets on the articoli
 * PO2025-7.10-B2-*; a Dopo di Noi and a Pro.Vi. avviso, published, with a few istanze each. Everything
 * through the public API with the demo users, once (a later start finds the B2 avviso and stops).
 */

const UDP = 'udp';
/** The second user of the Ufficio di Piano: whoever formed a graduatoria or decided its istanze may not approve it. */
const UDP_APPROVA = 'udp.dirigente';
const ANNUALITA = 2025;
const ISTANZE_B2 = 200;
const MESI = 12;
const PARALLELE = 8;
/** Presentations wait for the protocol counter of the ambito in turn: more at once only queue up. */
const PRESENTAZIONI_PARALLELE = 3;
/** The articoli of line 7.10 of 2025 (budget-demo-data.ts) and their money, in cents. */
const ARTICOLI_B2: Record<Area, string> = {
  anziani: 'PO2025-7.10-B2-ANZIANI',
  'disabili-adulti': 'PO2025-7.10-B2-DISABILI',
  minori: 'PO2025-7.10-B2-MINORI',
};
const DISPONIBILE: Record<string, number> = {
  'PO2025-7.10-B2-ANZIANI': 30_000_000,
  'PO2025-7.10-B2-DISABILI': 25_000_000,
  'PO2025-7.10-B2-MINORI': 10_000_000,
};
const CREMA = '019035';
/** Where the demo's istanze are received: the operator and the sedi of each sub-ambito. */
const SPORTELLI: Record<string, { operatore: string; sedi: string[] }> = {
  'SA-CREMA': { operatore: 'operatore.crema', sedi: ['SEDE-CREMA-HUB', 'SEDE-RIPALTA-CREMASCA-SPOKE'] },
  'SA-SONCINO': { operatore: 'operatore.soncino', sedi: ['SEDE-SONCINO-HUB', 'SEDE-OFFANENGO-SPOKE'] },
  'SA-CASTELLEONE': { operatore: 'as.castelleone', sedi: ['SEDE-CASTELLEONE-HUB', 'SEDE-MONTODINE-SPOKE'] },
};

export interface EsitoDemoMisure {
  created: boolean;
  avvisi: number;
  istanze: number;
  finanziate: number;
  idoneeNonFinanziate: number;
  nonAmmissibili: number;
  secondi: number;
}

type Chiamata<T> = Promise<{ status: number; body: T }>;

async function ok<T>(passo: string, chiamata: Chiamata<T>): Promise<T> {
  const { status, body } = await chiamata;
  if (status >= 300)
    throw new Error(`dati demo delle misure, ${passo}: HTTP ${status} ${JSON.stringify(body)}`);
  return body;
}

const piuGiorni = (giorno: string, n: number) =>
  new Date(Date.parse(`${giorno}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const alPiu = (giorno: string, limite: string) => (giorno > limite ? limite : giorno);

/**
 * The avvisi's window. The rules in force are those of 2025 (the only annualità installed), so the
 * window opens in 2025; istanze are presented today, so it closes after today (a demo run any day).
 * The benefici start two months ago, so that the liquidazioni demo (demo-liquidazioni.ts) has a month
 * paid before a late death and last month to run.
 */
function finestra(oggi: string): { apertura: string; chiusura: string; decorrenza: string } {
  const chiusura = piuGiorni(oggi, 30) > `${ANNUALITA}-04-30` ? piuGiorni(oggi, 30) : `${ANNUALITA}-04-30`;
  return { apertura: `${ANNUALITA}-03-01`, chiusura, decorrenza: mesiDemo(oggi).decorrenza };
}

/**
 * The declarations of a generated istanza (what the person states; birth, residence and the cartella
 * come from accesso and presa in carico). Its dates are of the current year: none after today.
 */
function dichiarazioni(dati: DatiIstanzaV1, oggi: string): DichiarazioniIstanzaV1 {
  const inizioMese = `${oggi.slice(0, 7)}-01`;
  return {
    alDomicilio: dati.alDomicilio,
    disabilitaDaSenilita: dati.disabilitaDaSenilita,
    isee: dati.isee.map((a) => ({ ...a, dataPresentazione: alPiu(a.dataPresentazione, oggi) })),
    riconoscimenti: dati.riconoscimenti,
    caregiver: dati.caregiver,
    contrattoAssistente: dati.contrattoAssistente && {
      ...dati.contrattoAssistente,
      dataInizio: alPiu(dati.contrattoAssistente.dataInizio, inizioMese),
    },
    altreMisure: dati.altreMisure,
    frequenzaDiurnaOreSettimanali: dati.frequenzaDiurnaOreSettimanali,
    dopoDiNoi: dati.dopoDiNoi,
    proVi: dati.proVi,
  };
}

const ADL = {
  'fare-il-bagno': 0,
  vestirsi: 0,
  'uso-servizi': 1,
  spostarsi: 0,
  continenza: 1,
  alimentarsi: 1,
};
const DDN = { 'cura-di-se': 2, mobilita: 3, 'comunicazione-cognitive': 2, 'strumentali-relazionali': 3 };

function progetto(anno: number, interventoCentesimi: number): Omit<ProponiProgettoV1, 'id'> {
  return {
    dataInizio: `${anno}-01-01`,
    dataFine: `${anno}-12-31`,
    obiettivi: [
      {
        descrizione: 'Permanenza al domicilio con il sostegno di chi assiste',
        indicatore: 'Mesi al domicilio senza ricoveri definitivi',
        risultatoAtteso: 'Permanenza al domicilio per tutto l’anno',
      },
    ],
    interventi: [
      {
        codicePrestazione: 'A2.07',
        denominazione: 'Assistenza domiciliare socio-assistenziale',
        erogatore: 'Cooperativa sociale accreditata',
        intensita: { quantita: 3, unita: 'ore-settimana' },
        dal: `${anno}-01-01`,
        al: `${anno}-12-31`,
        costoCentesimi: interventoCentesimi,
        fonteFinanziamento: 'fondo-non-autosufficienza',
        // The demo budget's FNA-B2 money for services (line 7.10 of the Piano Operativo 2020).
        imputazione: { fondo: 'FNA-B2', linea: 'PO2020-7.10', annualita: 2019 },
      },
    ],
    verifiche: [{ data: `${anno}-12-15`, oggetto: 'Verifica annuale con la famiglia' }],
    impegni: ['La famiglia garantisce l’assistenza quotidiana'],
    consensoPersona: true,
    tipo: 'progetto-individuale-art14',
    risorse: [{ tipo: 'umana', descrizione: 'Assistenza quotidiana', fornitaDa: 'Familiare caregiver' }],
  };
}

interface PersonaIstanza {
  persona: PersonaDemo;
  comune: string;
  subAmbito: string;
  valutazione: 'ADL' | 'DDN' | null;
  progettoApprovato: boolean;
}

/**
 * Where a person lives: the Comune of Crema when her progetto must be approved (the demo's only
 * responsabile-comune of the SA-CREMA équipe is Crema's), another comune of SA-CREMA when the équipe
 * only assessed her, else a comune of the sub-ambiti with a front desk among the demo users.
 */
function residenza(
  territorio: TerritorioV1,
  caso: () => number,
  cartella: boolean,
  progettoApprovato: boolean,
): { comune: string; subAmbito: string } {
  if (progettoApprovato) return { comune: CREMA, subAmbito: 'SA-CREMA' };
  const candidati = territorio.comuni.filter((c) =>
    cartella ? c.subAmbito === 'SA-CREMA' && c.istat !== CREMA : c.subAmbito in SPORTELLI,
  );
  const c = candidati[Math.floor(caso() * candidati.length)];
  return { comune: c.istat, subAmbito: c.subAmbito };
}

/** Registers the person in accesso and, when asked, her cartella: assessment, project approved by the Comune. */
async function registra(api: DemoClient, p: PersonaIstanza, anno: number): Promise<string> {
  const operatore = SPORTELLI[p.subAmbito].operatore;
  const persona = await ok(
    `persona ${p.persona.codiceFiscale}`,
    api.call<PersonaV1>(operatore, 'POST', '/persone', {
      ...p.persona,
      cittadinanza: 'IT',
      comuneResidenza: p.comune,
    }),
  );
  if (!p.valutazione) return persona.id;
  const { codiceFiscale, cognome, nome, dataNascita, sesso } = p.persona;
  const cartella = await ok(
    'apertura della cartella',
    api.call<CartellaV1>('coordinatore.crema', 'POST', '/cartelle', {
      persona: { codiceFiscale, cognome, nome, dataNascita, sesso, comuneResidenza: p.comune },
      personaId: persona.id,
      origine: 'segnalazione-servizio-specialistico',
      inviante: 'ASST Crema – Casa di Comunità',
      motivazione: 'Persona non autosufficiente al domicilio: valutazione per le misure di sostegno.',
      urgenza: 'ordinaria',
    }),
  );
  await ok(
    'assegnazione',
    api.call('coordinatore.crema', 'POST', `/cartelle/${cartella.id}/assegnazione`, {
      caseManagerId: 'as.crema',
    }),
  );
  if (p.valutazione === 'DDN')
    // The Dopo di Noi assessment needs a clinical member in the équipe of the case (DM 23/11/2016 art. 2).
    await ok(
      'équipe del caso',
      api.call('coordinatore.crema', 'POST', `/cartelle/${cartella.id}/equipe`, { membri: ['psi.crema'] }),
    );
  await ok(
    'valutazione',
    api.call('as.crema', 'POST', `/cartelle/${cartella.id}/valutazioni`, {
      strumento: p.valutazione,
      data: giornoInItalia(),
      risposte: p.valutazione === 'DDN' ? DDN : ADL,
    }),
  );
  if (p.progettoApprovato) {
    const proposto = await ok(
      'progetto',
      api.call<ProgettoV1>('as.crema', 'POST', `/cartelle/${cartella.id}/progetti`, progetto(anno, 312_000)),
    );
    await ok(
      'approvazione del progetto',
      api.call('responsabile.crema', 'POST', `/cartelle/progetti/${proposto.id}/approvazione`, {
        motivazione: 'Conforme al regolamento comunale dei servizi domiciliari.',
      }),
    );
  }
  return persona.id;
}

/** Presents an istanza at a sede of the person's sub-ambito, by its operator. */
function presenta(
  api: DemoClient,
  avvisoId: string,
  personaId: string,
  subAmbito: string,
  i: number,
  strumento: string,
  dich: DichiarazioniIstanzaV1,
  nominativo: string,
): Promise<IstanzaV1> {
  const { operatore, sedi } = SPORTELLI[subAmbito];
  const isee = dich.isee[0];
  const corpo = {
    avvisoId,
    personaId,
    strumento,
    richiedente: i % 3 === 0 ? { tipo: 'interessato' } : { tipo: 'familiare', nominativo },
    sede: sedi[i % sedi.length],
    dichiarazioni: dich,
    documenti: isee
      ? [{ tipo: 'attestazione-isee', riferimento: isee.protocolloDsu, data: isee.dataPresentazione }]
      : [{ tipo: 'verbale-invalidita', riferimento: `INPS verbale ${i + 1}`, data: '2020-05-04' }],
  };
  // Presentations of one ambito take their protocol numbers one at a time: under load one may outlast
  // the gateway's deadline. It is sent again with the same Idempotency-Key: never two istanze.
  const chiave = `demo-misure:${avvisoId}:${personaId}:${strumento}`;
  return ok('istanza', api.scrivi<IstanzaV1>(operatore, 'POST', '/misure/istanze', corpo, chiave));
}

async function creaEPubblica(api: DemoClient, corpo: Record<string, unknown>): Promise<AvvisoMisuraV1> {
  const avviso = await ok('avviso', api.call<AvvisoMisuraV1>(UDP, 'POST', '/misure/avvisi', corpo));
  return ok(
    'pubblicazione',
    api.call<AvvisoMisuraV1>(UDP, 'POST', `/misure/avvisi/${avviso.id}/pubblicazione`, {}),
  );
}

/** Every istanza of an avviso (all pages), as the Ufficio di Piano sees them. */
async function istanzeDi(api: DemoClient, avvisoId: string, esito?: string) {
  const tutte: PaginaIstanzeV1['elementi'] = [];
  for (let pagina = 1; ; pagina++) {
    const filtro = esito ? `&esito=${esito}` : '';
    const p = await ok(
      'istanze',
      api.call<PaginaIstanzeV1>(
        UDP,
        'GET',
        `/misure/avvisi/${avvisoId}/istanze?pagina=${pagina}&perPagina=100${filtro}`,
      ),
    );
    tutte.push(...p.elementi);
    if (p.elementi.length === 0 || tutte.length >= p.totale) return tutte;
  }
}

/** The istanze to be verified (a difformità in the DSU) are decided by the Ufficio di Piano. */
async function decidiDaVerificare(api: DemoClient, avvisoId: string): Promise<number> {
  const daVerificare = await istanzeDi(api, avvisoId, 'da-verificare');
  await aGruppi(daVerificare, PARALLELE, (istanza) =>
    ok(
      'decisione',
      api.call(UDP, 'POST', `/misure/istanze/${istanza.id}/decisione`, {
        esito: 'ammissibile',
        motivazione: 'Difformità chiarita: rettifica della DSU acquisita da INPS.',
      }),
    ),
  );
  return daVerificare.length;
}

/** Approves a graduatoria as the second user of the Ufficio di Piano and waits until it is approved. */
async function approva(
  api: DemoClient,
  avvisoId: string,
  g: GraduatoriaV1,
  n: number,
): Promise<GraduatoriaV1> {
  const percorso = `/misure/avvisi/${avvisoId}/graduatorie/${g.id}`;
  const risposta = await api.call(UDP_APPROVA, 'POST', `${percorso}/approvazione`, {
    determina: { numero: `DEMO-B2-${ANNUALITA}/${n}`, data: giornoInItalia() },
  });
  if (risposta.status >= 300 && risposta.status !== 409)
    throw new Error(
      `approvazione della graduatoria ${g.area} ${g.strumento}: ${JSON.stringify(risposta.body)}`,
    );
  // A large graduatoria answers `in-approvazione`: its impegni go on beyond the request.
  const scadenza = Date.now() + 60_000;
  for (;;) {
    const letta = await ok('graduatoria', api.call<GraduatoriaV1>(UDP, 'GET', percorso));
    if (letta.stato === 'approvata') return letta;
    if (letta.ultimoErrore || Date.now() > scadenza)
      throw new Error(
        `graduatoria ${g.area} ${g.strumento} non approvata: ${JSON.stringify(letta.ultimoErrore)}`,
      );
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** The misure demo, once; nothing when the territorio is not the Cremasco demo one or the B2 avviso exists. */
export async function seedDemoMisure(api: DemoClient): Promise<EsitoDemoMisure> {
  const inizio = Date.now();
  const niente = {
    created: false,
    avvisi: 0,
    istanze: 0,
    finanziate: 0,
    idoneeNonFinanziate: 0,
    nonAmmissibili: 0,
  };
  const { body: territorio } = await api.call<TerritorioV1>(UDP, 'GET', '/territorio');
  const subAmbiti = new Set(territorio.subAmbiti.map((s) => s.codice));
  if (!Object.keys(SPORTELLI).every((s) => subAmbiti.has(s))) return { ...niente, secondi: 0 };
  const esistenti = await ok(
    'avvisi',
    api.call<AvvisoMisuraV1[]>(UDP, 'GET', `/misure/avvisi?misura=b2&annualita=${ANNUALITA}`),
  );
  if (esistenti.length > 0) return { ...niente, secondi: 0 };

  const oggi = giornoInItalia();
  const anno = Number(oggi.slice(0, 4));
  const caso = generatoreCasuale(9010);
  const usati = new Set<string>();
  // Ages and DSU of the current year: the istanze are presented today.
  // An istanza with an expired DSU is refused at the front desk (a new one is asked for): not presented.
  const generate = generaIstanzeB2(ISTANZE_B2, { annualita: anno, seme: 2025 }).filter((g) =>
    g.dati.isee.every((a) => a.dataPresentazione.startsWith(String(anno))),
  );
  const personeB2: PersonaIstanza[] = generate.map((g) => {
    const pic = g.dati.presaInCarico;
    const cartella = pic.valutazioneCompletata || pic.progettoApprovato;
    const progettoApprovato = pic.valutazioneCompletata && pic.progettoApprovato;
    return {
      persona: personaDemo(caso, g.dati.dataNascita, usati),
      ...residenza(territorio, caso, cartella, progettoApprovato),
      valutazione: pic.valutazioneCompletata ? 'ADL' : null,
      progettoApprovato,
    };
  });
  // Dopo di Noi and Pro.Vi.: adults with disabilità grave, assessed by a clinical and social équipe.
  const altre = Array.from({ length: 8 }, (_, i) => {
    const nascita = `${anno - 25 - i * 4}-0${1 + (i % 9)}-1${i}`;
    return {
      persona: personaDemo(caso, nascita, usati),
      comune: CREMA,
      subAmbito: 'SA-CREMA',
      valutazione: 'DDN' as const,
      progettoApprovato: true,
    };
  });

  await ok(
    'psicologo dell’équipe',
    api.call('coordinatore.crema', 'POST', '/equipe', {
      subAmbito: 'SA-CREMA',
      userId: 'psi.crema',
      nome: 'Elisa Vailati',
      professione: 'psicologo',
      ente: 'ASST Crema',
      contratto: 'altro',
      fte: 0.5,
    }),
  );
  const idB2 = await aGruppi(personeB2, PARALLELE, (p) => registra(api, p, anno));
  const idAltre = await aGruppi(altre, PARALLELE, (p) => registra(api, p, anno));

  // B2: budgets from the rule set in force and the istanze, within the articoli.
  const regoleB2 = await ok(
    'regole B2',
    api.call<VersioneRegoleMisuraV1>(
      UDP,
      'GET',
      `/misure/regole-in-vigore?misura=b2&giorno=${ANNUALITA}-03-01`,
    ),
  );
  const budget = budgetGraduatorieB2(generate, regoleB2, MESI, ARTICOLI_B2, DISPONIBILE);
  const f = finestra(oggi);
  const b2 = await creaEPubblica(api, {
    misura: 'b2',
    annualita: ANNUALITA,
    titolo: `Misura B2 ${ANNUALITA}: buoni per caregiver e assistenti familiari, voucher per i minori`,
    ...f,
    mesi: MESI,
    graduatorie: budget.map((b) => ({
      area: b.area,
      strumento: b.strumento,
      linea: b.linea,
      fondo: 'FNA-B2',
      annoFondo: ANNUALITA - 1,
      budgetCentesimi: b.budgetCentesimi,
    })),
  });
  await aGruppi(generate, PRESENTAZIONI_PARALLELE, (g: IstanzaGenerata, i) =>
    presenta(
      api,
      b2.id,
      idB2[i],
      personeB2[i].subAmbito,
      i,
      g.strumento,
      dichiarazioni(g.dati, oggi),
      familiare(personeB2[i].persona),
    ),
  );
  await ok('chiusura', api.call(UDP, 'POST', `/misure/avvisi/${b2.id}/chiusura`, {}));
  // A re-run from a late event of presa in carico may bring a decided istanza back to be verified: decide again.
  let formate: GraduatorieFormateV1 | undefined;
  for (let tentativo = 0; !formate; tentativo++) {
    await decidiDaVerificare(api, b2.id);
    const r = await api.call<GraduatorieFormateV1>(UDP, 'POST', `/misure/avvisi/${b2.id}/graduatorie`, {});
    if (r.status < 300) formate = r.body;
    else if (tentativo > 5) throw new Error(`formazione delle graduatorie: ${JSON.stringify(r.body)}`);
    else await new Promise((res) => setTimeout(res, 1000));
  }
  const approvate: GraduatoriaV1[] = [];
  for (const [n, g] of formate.graduatorie.entries()) approvate.push(await approva(api, b2.id, g, n + 1));

  // Dopo di Noi and Pro.Vi.: published, a few istanze each, still open.
  const ddn = await creaEPubblica(api, {
    misura: 'dopo-di-noi',
    annualita: ANNUALITA,
    titolo: `Dopo di Noi ${ANNUALITA} (L. 112/2016): percorsi di accompagnamento all’autonomia`,
    ...f,
    mesi: MESI,
    graduatorie: [
      {
        area: 'disabili-adulti',
        strumento: 'ddn-c1',
        linea: 'PO2025-7.10-DDN',
        fondo: 'DDN',
        annoFondo: ANNUALITA - 1,
        budgetCentesimi: 6_000_000,
      },
    ],
  });
  const provi = await creaEPubblica(api, {
    misura: 'pro-vi',
    annualita: ANNUALITA,
    titolo: `Pro.Vi. ${ANNUALITA}: progetti di vita indipendente`,
    ...f,
    mesi: MESI,
    graduatorie: [
      {
        area: 'disabili-adulti',
        strumento: 'pro-vi',
        linea: 'PO2025-7.10-PROVI',
        fondo: 'FNA-PROVI',
        annoFondo: ANNUALITA - 1,
        budgetCentesimi: 8_000_000,
      },
    ],
  });
  const base: DichiarazioniIstanzaV1 = {
    alDomicilio: true,
    disabilitaDaSenilita: false,
    isee: [],
    riconoscimenti: [
      {
        condizione: 'l104-art3-c3',
        percentuale: null,
        dataRiconoscimento: '2015-05-04',
        dataRevisione: null,
      },
      {
        condizione: 'invalidita-civile',
        percentuale: 100,
        dataRiconoscimento: '2015-05-04',
        dataRevisione: null,
      },
    ],
    caregiver: null,
    contrattoAssistente: null,
    altreMisure: [],
    frequenzaDiurnaOreSettimanali: null,
    dopoDiNoi: null,
    proVi: null,
  };
  const PRIORITA = [
    'a-senza-genitori-senza-risorse',
    'b-genitori-non-in-grado',
    'c-residenza-lontana-da-casa',
  ] as const;
  await aGruppi(altre, PRESENTAZIONI_PARALLELE, (p, i) => {
    const dich: DichiarazioniIstanzaV1 =
      i < 4
        ? {
            ...base,
            dopoDiNoi: {
              priorita: i < 3 ? [PRIORITA[i]] : [],
              urgenzaAutonomia: 4 + i,
              urgenzaSostegniFamiliari: 8 - i,
              urgenzaAbitativa: 3 + i,
              urgenzaEconomica: 5,
              costoInterventoCentesimi: 600_000 + i * 50_000,
              personeGruppoAppartamento: null,
            },
          }
        : {
            ...base,
            isee: [
              {
                tipo: 'sociosanitario',
                valoreCentesimi: 1_200_000 + i * 450_000,
                protocolloDsu: `INPS-ISEE-${anno}-0${7100000 + i}P-00`,
                dataPresentazione: alPiu(`${anno}-02-1${i}`, oggi),
                difformita: false,
              },
            ],
            proVi: {
              macroaree: ['assistente-personale', 'abitare-in-autonomia', 'inclusione-sociale'].slice(
                0,
                1 + (i % 3),
              ) as never,
              senzaCaregiver: true,
              assistentePersonale: 'diretto',
              costoProgettoCentesimi: 2_400_000 + i * 100_000,
            },
          };
    return presenta(
      api,
      i < 4 ? ddn.id : provi.id,
      idAltre[i],
      p.subAmbito,
      i,
      i < 4 ? 'ddn-c1' : 'pro-vi',
      dich,
      familiare(p.persona),
    );
  });

  const finale = await istanzeDi(api, b2.id);
  return {
    created: true,
    avvisi: 3,
    istanze: finale.length + altre.length,
    finanziate: approvate.reduce((t, g) => t + g.finanziate, 0),
    idoneeNonFinanziate: approvate.reduce((t, g) => t + g.idoneeNonFinanziate, 0),
    nonAmmissibili: finale.filter((i) => i.esito === 'non-ammissibile').length,
    secondi: Math.round((Date.now() - inizio) / 1000),
  };
}

/** Who presents for the person: a relative with her surname. */
function familiare(p: PersonaDemo): string {
  return `${p.sesso === 'F' ? 'Luca' : 'Paola'} ${p.cognome}`;
}

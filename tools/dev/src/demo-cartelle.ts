import type {
  ApriCartellaV1,
  CartellaSintesiV1,
  CartellaV1,
  PaginaV1,
  ProgettoV1,
  ProponiProgettoV1,
  ValutazioneV1,
} from '@ambito/contracts';
import type { DemoClient } from './demo-data';

const CREMA = '019035';

/** People taken in charge directly (not through an accesso); fictional, with valid codici fiscali. */
const DIMISSIONE_PROTETTA: ApriCartellaV1 = {
  persona: {
    codiceFiscale: 'CSTGNN44E12D142M',
    cognome: 'Castelli',
    nome: 'Giovanni',
    dataNascita: '1944-05-12',
    sesso: 'M',
    comuneResidenza: CREMA,
  },
  origine: 'dimissione-protetta',
  inviante: 'ASST Crema – Medicina generale',
  motivazione: 'Dimissione dopo frattura di femore; vive solo al secondo piano senza ascensore.',
  urgenza: 'urgente',
};

const RINUNCIA: ApriCartellaV1 = {
  persona: {
    codiceFiscale: 'SLVNDR81D10D142H',
    cognome: 'Silva',
    nome: 'Andrea',
    dataNascita: '1981-04-10',
    sesso: 'M',
    comuneResidenza: CREMA,
  },
  origine: 'segnalazione-servizio-specialistico',
  inviante: 'CPS di Crema',
  motivazione: 'Sostegno all’abitare dopo un percorso di cura.',
  urgenza: 'ordinaria',
};

const MANDATO: ApriCartellaV1 = {
  persona: {
    codiceFiscale: 'BRGLCA10A01D142J',
    cognome: 'Bergamaschi',
    nome: 'Luca',
    dataNascita: '2010-01-01',
    sesso: 'M',
    comuneResidenza: '019025', // Castelleone
  },
  origine: 'mandato-autorita-giudiziaria',
  inviante: 'Tribunale per i Minorenni di Brescia',
  motivazione: 'Decreto di indagine psicosociale sul nucleo.',
  urgenza: 'prioritaria',
};

const ADL = {
  'fare-il-bagno': 0,
  vestirsi: 1,
  'uso-servizi': 1,
  spostarsi: 0,
  continenza: 1,
  alimentarsi: 1,
};
const IADL = { telefono: 1, spesa: 4, pasti: 3, casa: 4, biancheria: 3, trasporti: 5, farmaci: 2, denaro: 2 };

function progetto(cartellaId: string): ProponiProgettoV1 {
  const anno = new Date().getFullYear();
  return {
    id: cartellaId,
    dataInizio: `${anno}-01-01`,
    dataFine: `${anno}-12-31`,
    obiettivi: [
      {
        descrizione: 'Rientro e permanenza al domicilio in sicurezza',
        indicatore: 'Giorni al domicilio senza ricoveri',
        risultatoAtteso: 'Nessun nuovo ricovero nei 12 mesi',
      },
    ],
    interventi: [
      {
        codicePrestazione: 'A2.07',
        denominazione: 'Assistenza domiciliare socio-assistenziale',
        erogatore: 'Cooperativa sociale accreditata',
        intensita: { quantita: 5, unita: 'ore-settimana' },
        dal: `${anno}-01-01`,
        al: `${anno}-12-31`,
        costoCentesimi: 572_000,
        fonteFinanziamento: 'fondo-non-autosufficienza',
        // The B2 money of the demo budget: FNA-B2, annualità 2019, on line 7.10 of the Piano Operativo.
        imputazione: { fondo: 'FNA-B2', linea: 'PO2020-7.10', annualita: 2019 },
        presenzaProvaMezzi: 1,
        caratterePrestazione: 1,
        importoMensileCentesimi: 47_667,
        periodoErogazione: 12,
        quotaEnteCentesimi: 472_000,
        quotaUtenteCentesimi: 100_000,
        quotaSsnCentesimi: 0,
        areaUtenza: 2,
        protocolloDomanda: `PG-${anno}-000042`,
      },
      {
        codicePrestazione: 'A1.16',
        denominazione: 'Trasporto sociale per le visite',
        erogatore: 'Associazione di volontariato',
        intensita: { quantita: 2, unita: 'accessi-mese' },
        dal: `${anno}-01-01`,
        al: `${anno}-12-31`,
        costoCentesimi: 0,
        fonteFinanziamento: 'comunita',
      },
    ],
    verifiche: [
      { data: `${anno}-04-30`, oggetto: 'Verifica con la famiglia e il medico di base' },
      { data: `${anno}-10-31`, oggetto: 'Verifica finale' },
    ],
    impegni: ['La nipote accompagna alle visite di controllo'],
    consensoPersona: true,
    tipo: 'progetto-individuale-art14',
    risorse: [
      {
        tipo: 'professionale',
        descrizione: 'Infermiere di famiglia e di comunità',
        fornitaDa: 'ASST Crema',
        impegno: { quantita: 2, unita: 'accessi-mese' },
      },
      { tipo: 'umana', descrizione: 'Accompagnamento alle visite di controllo', fornitaDa: 'Nipote' },
      { tipo: 'relazionale', descrizione: 'Centro diurno del quartiere', fornitaDa: 'Parrocchia' },
    ],
  };
}

async function ok<T>(step: string, call: Promise<{ status: number; body: T }>): Promise<T> {
  const { status, body } = await call;
  if (status >= 300) throw new Error(`${step}: HTTP ${status} ${JSON.stringify(body)}`);
  return body;
}

/**
 * Cartelle in several states across sub-ambiti, through the public API and the right actor at each
 * step: the proposte from the seeded accessi wait in the SA-CREMA queue; a dimissione protetta is
 * assigned, assessed and approved by the Comune of Crema; another case is closed; a court mandate waits
 * in the Castelleone queue. Runs once: later starts find the cartelle.
 */
export async function seedDemoCartelle(api: DemoClient): Promise<{ created: boolean; cartelle: number }> {
  const esistenti = await api.call<PaginaV1<CartellaSintesiV1>>(
    'coordinatore.crema',
    'GET',
    '/cartelle?stato=in-carico',
  );
  if (esistenti.status === 200 && esistenti.body.totale > 0) return { created: false, cartelle: 0 };

  await ok(
    'équipe',
    api.call('coordinatore.crema', 'POST', '/equipe', {
      subAmbito: 'SA-CREMA',
      userId: 'as.crema',
      nome: 'Sara Riva',
      professione: 'assistente-sociale',
      ente: 'Azienda Sociale del Cremasco',
      contratto: 'indeterminato',
      fte: 1,
    }),
  );
  await ok(
    'équipe',
    api.call('coordinatore.crema', 'POST', '/equipe', {
      subAmbito: 'SA-CREMA',
      userId: 'edu.crema',
      nome: 'Marco Lodi',
      professione: 'educatore',
      ente: 'Comune di Crema',
      contratto: 'determinato',
      fte: 0.5,
    }),
  );

  // The proposte of the seeded accessi arrive through JetStream: wait for them to reach the queue.
  const scadenza = Date.now() + 15_000;
  let coda: PaginaV1<CartellaSintesiV1> = { elementi: [], totale: 0, pagina: 1, perPagina: 20 };
  while (Date.now() < scadenza) {
    coda = await ok('coda', api.call('coordinatore.crema', 'GET', '/cartelle?stato=in-attesa'));
    if (coda.totale >= 2) break;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  const daAccesso = coda.elementi.find((c) => c.proposte.some((p) => p.origine === 'accesso'));
  if (daAccesso) {
    // Taken in charge and assessed; its project waits for the decision of its Comune.
    await ok(
      'assegna',
      api.call<CartellaV1>('coordinatore.crema', 'POST', `/cartelle/${daAccesso.id}/assegnazione`, {
        caseManagerId: 'as.crema',
      }),
    );
    await ok(
      'valuta',
      api.call<ValutazioneV1>('as.crema', 'POST', `/cartelle/${daAccesso.id}/valutazioni`, {
        strumento: 'ADL',
        data: oggi(),
        risposte: ADL,
      }),
    );
    const { id: _, ...corpo } = progetto(daAccesso.id);
    await ok(
      'proponi',
      api.call<ProgettoV1>('as.crema', 'POST', `/cartelle/${daAccesso.id}/progetti`, corpo),
    );
  }

  const castelli = await ok(
    'apri',
    api.call<CartellaV1>('coordinatore.crema', 'POST', '/cartelle', DIMISSIONE_PROTETTA),
  );
  await ok(
    'assegna',
    api.call('coordinatore.crema', 'POST', `/cartelle/${castelli.id}/assegnazione`, {
      caseManagerId: 'as.crema',
    }),
  );
  await ok(
    'nucleo',
    api.call('as.crema', 'PUT', `/cartelle/${castelli.id}/nucleo`, {
      membri: [
        { cognome: 'Castelli', nome: 'Marta', relazione: 'nipote', convivente: false, caregiver: true },
        { cognome: 'Castelli', nome: 'Piero', relazione: 'figlio', convivente: false, caregiver: false },
      ],
    }),
  );
  await ok(
    'diario',
    api.call('as.crema', 'POST', `/cartelle/${castelli.id}/diario`, {
      tipo: 'visita-domiciliare',
      testo: 'Abitazione al secondo piano senza ascensore; bagno non adeguato.',
    }),
  );
  await ok(
    'valuta',
    api.call('as.crema', 'POST', `/cartelle/${castelli.id}/valutazioni`, {
      strumento: 'ADL',
      data: oggi(),
      risposte: ADL,
    }),
  );
  await ok(
    'valuta',
    api.call('as.crema', 'POST', `/cartelle/${castelli.id}/valutazioni`, {
      strumento: 'IADL',
      data: oggi(),
      risposte: IADL,
    }),
  );
  const { id: _c, ...corpo } = progetto(castelli.id);
  const proposto = await ok(
    'proponi',
    api.call<ProgettoV1>('as.crema', 'POST', `/cartelle/${castelli.id}/progetti`, corpo),
  );
  await ok(
    'approva',
    api.call('responsabile.crema', 'POST', `/cartelle/progetti/${proposto.id}/approvazione`, {
      motivazione: 'Conforme al regolamento comunale dei servizi domiciliari.',
    }),
  );

  const silva = await ok('apri', api.call<CartellaV1>('coordinatore.crema', 'POST', '/cartelle', RINUNCIA));
  await ok(
    'assegna',
    api.call('coordinatore.crema', 'POST', `/cartelle/${silva.id}/assegnazione`, {
      caseManagerId: 'as.crema',
    }),
  );
  await ok(
    'chiudi',
    api.call('as.crema', 'POST', `/cartelle/${silva.id}/chiusura`, {
      motivo: 'rinuncia',
      note: 'La persona ha rinunciato al percorso.',
    }),
  );

  await ok('apri', api.call('as.castelleone', 'POST', '/cartelle', MANDATO));
  return { created: true, cartelle: coda.totale + 3 };
}

function oggi(): string {
  return new Date().toISOString().slice(0, 10);
}

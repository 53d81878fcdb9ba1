import { DomainError, ACCESSO_RPC, INTEGRAZIONI_RPC, PRESA_IN_CARICO_RPC } from '@ambito/contracts';
import { rifiuto } from '@ambito/testing';
// Test fixtures of presa in carico (test code only), to act on its real service as its users do.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { progetto } from '../../../presa-in-carico/test/presa-in-carico-harness';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { registraEquipeCrema } from '../../../presa-in-carico/test/presa-in-carico-scenario';
import {
  ATTORI_GEPI as A,
  codiceFiscaleDi,
  fileGepi,
  startTestGepi,
  type TestGepi,
} from '../../test/gepi-harness';

const { importaNucleiGepi, esportaPattiGepi } = INTEGRAZIONI_RPC;
const { elencaNucleiAdi, apriCartella, assegnaCartella, proponiProgetto, approvaProgetto, registraVerifica } =
  PRESA_IN_CARICO_RPC;

async function dettagli(
  promise: Promise<unknown>,
): Promise<{ code: string; campi: string[]; messaggi: string[] }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError)
      return {
        code: error.code,
        campi: (error.details ?? []).map((d) => d.campo),
        messaggi: (error.details ?? []).flatMap((d) => d.messaggi),
      };
    throw error;
  }
  throw new Error('la richiesta doveva essere rifiutata');
}

describe('GePI: ADI households into presa in carico, patti back to GePI (real accesso and presa in carico)', () => {
  let t: TestGepi;
  // A: new to the platform. B: registered in accesso (its data win). C: already followed by as.crema2.
  const A_CF = codiceFiscaleDi('1985-04-12', 'F');
  const B_CF = codiceFiscaleDi('1950-01-01', 'F');
  const C_CF = codiceFiscaleDi('1979-11-30', 'M');
  let personaB: string;
  let cartellaC: string;
  const primoFile = () =>
    fileGepi([
      {
        domanda: 'INPS-ADI-2026-0000001',
        cf: A_CF,
        cognome: 'Verdi',
        nome: 'Anna',
        nascita: '1985-04-12',
        pad: '2026-09-01',
      },
      {
        domanda: 'INPS-ADI-2026-0000002',
        cf: B_CF,
        cognome: 'ROSSI',
        nome: 'MARIA',
        nascita: '1950-01-01',
        sesso: 'F',
        pad: '2026-10-15',
      },
      {
        domanda: 'INPS-ADI-2026-0000003',
        cf: C_CF,
        cognome: 'Neri',
        nome: 'Paolo',
        nascita: '1979-11-30',
        pad: '2026-11-02',
        componenti: '5',
      },
    ]);
  const conta = async (tabella: string) =>
    Number((await t.presaInCarico.sql<{ n: string }>(`SELECT count(*) AS n FROM ${tabella}`))[0].n);

  beforeAll(async () => {
    t = await startTestGepi();
    // as.crema and as.crema2, the two case managers of the Crema équipe.
    await registraEquipeCrema(t.presaInCarico);
    personaB = (
      await t.accesso.as(A.operatoreCrema)(ACCESSO_RPC.registraPersona, {
        codiceFiscale: B_CF,
        cognome: 'Rossi',
        nome: 'Maria',
        dataNascita: '1950-01-01',
        luogoNascita: 'D142',
        sesso: 'F',
        cittadinanza: 'IT',
        comuneResidenza: '019035',
      })
    ).id;
    const apertura = await t.presaInCarico.as(A.coordinatoreCrema)(apriCartella, {
      persona: {
        codiceFiscale: C_CF,
        cognome: 'Neri',
        nome: 'Paolo',
        dataNascita: '1979-11-30',
        sesso: 'M',
        comuneResidenza: '019035',
      },
      origine: 'segnalazione-servizio-specialistico',
      inviante: 'CPS Crema',
      motivazione: 'Segnalazione del CPS.',
      urgenza: 'ordinaria',
    });
    cartellaC = apertura.cartella!.id;
    await t.presaInCarico.as(A.coordinatoreCrema)(assegnaCartella, {
      id: cartellaC,
      caseManagerId: A.asCrema2.userId,
    });
  }, 120_000);

  afterAll(() => t?.close());

  it('imports the file: each household opens a cartella or joins the person’s, the registry’s data win', async () => {
    const importazione = await t.as(A.coordinatoreCrema)(importaNucleiGepi, {
      nomeFile: 'nuclei-adi.csv',
      contenuto: primoFile(),
    });
    expect(importazione).toMatchObject({
      mappatura: 'gepi-nuclei-adi@1',
      righe: 3,
      aperte: 2,
      unite: 1,
      giaPresenti: 0,
      personeInAnagrafe: 1,
      ripetuta: false,
    });
    const cartelle = await t.presaInCarico.sql<{
      codice_fiscale: string;
      cognome: string;
      persona_id: string | null;
      stato: string;
      case_manager_id: string | null;
    }>(
      `SELECT c.codice_fiscale, c.cognome, c.persona_id, c.stato, c.case_manager_id
       FROM nucleo_adi n JOIN cartella c ON c.id = n.cartella_id ORDER BY n.codice_domanda`,
    );
    expect(cartelle).toEqual([
      { codice_fiscale: A_CF, cognome: 'Verdi', persona_id: null, stato: 'in-attesa', case_manager_id: null },
      // From accesso's registry, not the file's capitals, and linked to the persona.
      {
        codice_fiscale: B_CF,
        cognome: 'Rossi',
        persona_id: personaB,
        stato: 'in-attesa',
        case_manager_id: null,
      },
      // The existing case stays with its case manager.
      {
        codice_fiscale: C_CF,
        cognome: 'Neri',
        persona_id: null,
        stato: 'in-carico',
        case_manager_id: 'as.crema2',
      },
    ]);
    expect(
      await t.presaInCarico.sql(
        `SELECT origine, stato FROM proposta WHERE origine = 'adi-gepi' ORDER BY stato`,
      ),
    ).toEqual([
      { origine: 'adi-gepi', stato: 'accolta' },
      { origine: 'adi-gepi', stato: 'in-attesa' },
      { origine: 'adi-gepi', stato: 'in-attesa' },
    ]);
    // integrazioni keeps ids and counts only.
    expect(await t.sql(`SELECT riga, codice_domanda, esito FROM nucleo_gepi ORDER BY riga`)).toEqual([
      { riga: 2, codice_domanda: 'INPS-ADI-2026-0000001', esito: 'aperta' },
      { riga: 3, codice_domanda: 'INPS-ADI-2026-0000002', esito: 'aperta' },
      { riga: 4, codice_domanda: 'INPS-ADI-2026-0000003', esito: 'unita' },
    ]);
    // accesso recorded integrazioni's read of its registry, with the declared purpose.
    expect(
      await t.accesso.sql(
        `SELECT utente, finalita FROM voce_audit WHERE azione = 'cerca-per-integrazioni' AND soggetto_id IS NOT NULL`,
      ),
    ).toEqual([{ utente: 'servizio:integrazioni', finalita: 'presa-in-carico' }]);
  });

  it('a repeated file changes nothing; a household of another file already imported is gia-presente', async () => {
    const [prima] = await t.sql<{ id: string }>(`SELECT id FROM importazione_gepi`);
    const proposte = await conta('proposta');
    const ancora = await t.as(A.coordinatoreCrema)(importaNucleiGepi, {
      nomeFile: 'di-nuovo.csv',
      contenuto: primoFile(),
    });
    expect(ancora).toMatchObject({ id: prima.id, ripetuta: true, aperte: 2, unite: 1 });
    const D_CF = codiceFiscaleDi('1990-02-20', 'M');
    const secondo = await t.as(A.coordinatoreCrema)(importaNucleiGepi, {
      nomeFile: 'nuclei-adi-2.csv',
      contenuto: fileGepi([
        {
          domanda: 'INPS-ADI-2026-0000001',
          cf: A_CF,
          cognome: 'Verdi',
          nascita: '1985-04-12',
          pad: '2026-09-01',
        },
        {
          domanda: 'INPS-ADI-2026-0000004',
          cf: D_CF,
          cognome: 'Gialli',
          nascita: '1990-02-20',
          pad: '2026-11-20',
        },
      ]),
    });
    expect(secondo).toMatchObject({ righe: 2, aperte: 1, unite: 0, giaPresenti: 1, ripetuta: false });
    expect(await conta('proposta')).toBe(proposte + 1);
    expect(await conta('nucleo_adi')).toBe(4);
  });

  it('two concurrent imports of the same file import it once', async () => {
    const contenuto = fileGepi([
      {
        domanda: 'INPS-ADI-2026-0000005',
        cf: codiceFiscaleDi('1970-06-06', 'F'),
        nascita: '1970-06-06',
        pad: '2026-11-10',
      },
      {
        domanda: 'INPS-ADI-2026-0000006',
        cf: codiceFiscaleDi('1971-07-07', 'M'),
        nascita: '1971-07-07',
        pad: '2026-11-11',
      },
    ]);
    const esiti = await Promise.all(
      [1, 2].map(() => t.as(A.coordinatoreCrema)(importaNucleiGepi, { nomeFile: 'doppio.csv', contenuto })),
    );
    expect(new Set(esiti.map((e) => e.id)).size).toBe(1);
    expect(esiti.map((e) => e.ripetuta).sort()).toEqual([false, true]);
    expect(
      await t.presaInCarico.sql(
        `SELECT codice_domanda, count(*)::int AS n FROM nucleo_adi WHERE codice_domanda IN ('INPS-ADI-2026-0000005', 'INPS-ADI-2026-0000006') GROUP BY 1 ORDER BY 1`,
      ),
    ).toEqual([
      { codice_domanda: 'INPS-ADI-2026-0000005', n: 1 },
      { codice_domanda: 'INPS-ADI-2026-0000006', n: 1 },
    ]);
    expect(
      Number(
        (
          await t.presaInCarico.sql<{ n: string }>(
            `SELECT count(*) AS n FROM cartella WHERE codice_fiscale LIKE 'GP%'`,
          )
        )[0].n,
      ),
    ).toBe(6);
  });

  it('refuses the whole file with every bad row listed, and writes nothing anywhere', async () => {
    const prima = { proposte: await conta('proposta'), nuclei: await conta('nucleo_adi') };
    const buono = codiceFiscaleDi('1960-03-03', 'M');
    const sbagliato = buono.slice(0, 15) + (buono[15] === 'A' ? 'B' : 'A');
    const errore = await dettagli(
      t.as(A.coordinatoreCrema)(importaNucleiGepi, {
        nomeFile: 'errato.csv',
        contenuto: fileGepi([
          { domanda: 'INPS-ADI-2026-0000010', cf: buono, nascita: '1960-03-03', pad: '2026-10-01' },
          { domanda: 'INPS-ADI-2026-0000011', cf: sbagliato, nascita: '1960-03-03', pad: '2026-10-01' },
          {
            domanda: 'INPS-ADI-2026-0000012',
            cf: codiceFiscaleDi('1961-01-01', 'F'),
            nascita: '1961-01-01',
            pad: '31/02/2026',
          },
          {
            domanda: 'INPS-ADI-2026-0000010',
            cf: codiceFiscaleDi('1962-01-01', 'F'),
            nascita: '1962-01-01',
            pad: '2026-10-01',
            cognome: '',
          },
          {
            domanda: 'INPS-ADI-2026-0000013',
            cf: codiceFiscaleDi('1963-01-01', 'F'),
            nascita: '1963-02-01',
            pad: '2026-10-01',
            sesso: 'M',
          },
        ]),
      }),
    );
    expect(errore.code).toBe('GEPI_RIGHE_RIFIUTATE');
    expect(errore.campi).toEqual([
      'riga 3: Codice fiscale richiedente',
      'riga 4: Data sottoscrizione PAD',
      'riga 5: Cognome richiedente',
      'riga 5: Codice domanda',
      'riga 6: Data di nascita',
      'riga 6: Sesso',
    ]);
    expect(errore.messaggi).toEqual([
      'codice fiscale non valido: carattere di controllo errato',
      'data non valida «31/02/2026»: gg/mm/aaaa',
      'obbligatorio',
      'domanda ripetuta (già alla riga 2)',
      'non corrisponde a quella del codice fiscale',
      'non corrisponde a quello del codice fiscale',
    ]);
    expect(await conta('proposta')).toBe(prima.proposte);
    expect(await conta('nucleo_adi')).toBe(prima.nuclei);
    expect(await t.sql(`SELECT * FROM importazione_gepi WHERE nome_file = 'errato.csv'`)).toEqual([]);
    // The refusal is audited (without the file's data).
    expect(
      await t.sql(
        `SELECT esito, codice_errore FROM voce_audit WHERE azione = 'importa-nuclei-gepi' AND esito <> 'consentito'`,
      ),
    ).toEqual([{ esito: 'negato', codice_errore: 'GEPI_RIGHE_RIFIUTATE' }]);
  });

  it('refuses a file without GePI’s columns, and households presa in carico cannot take', async () => {
    const prima = await conta('nucleo_adi');
    const senzaColonna = await dettagli(
      t.as(A.coordinatoreCrema)(importaNucleiGepi, {
        nomeFile: 'altro.csv',
        contenuto: 'Codice domanda;Cognome richiedente\r\nINPS-ADI-1;Rossi\r\n',
      }),
    );
    expect(senzaColonna.code).toBe('GEPI_FILE_NON_VALIDO');
    expect(senzaColonna.campi).toContain('Codice fiscale richiedente');
    // Milano is not in the ambito; a PAD before the ADI existed has no deadline parameter in force.
    const fuori = await dettagli(
      t.as(A.coordinatoreCrema)(importaNucleiGepi, {
        nomeFile: 'fuori.csv',
        contenuto: fileGepi([
          {
            domanda: 'INPS-ADI-2026-0000020',
            cf: codiceFiscaleDi('1980-01-01', 'M'),
            nascita: '1980-01-01',
            pad: '2026-10-01',
          },
          {
            domanda: 'INPS-ADI-2026-0000021',
            cf: codiceFiscaleDi('1980-01-02', 'M'),
            nascita: '1980-01-02',
            pad: '2026-10-01',
            comune: '015146',
          },
          {
            domanda: 'INPS-RDC-2023-0000022',
            cf: codiceFiscaleDi('1980-01-03', 'M'),
            nascita: '1980-01-03',
            pad: '2023-06-01',
          },
        ]),
      }),
    );
    expect(fuori.code).toBe('GEPI_RIGHE_RIFIUTATE');
    expect(fuori.campi).toEqual(['riga 3', 'riga 4']);
    expect(fuori.messaggi[0]).toMatch(/comune 015146 non fa parte dell’Ambito/);
    expect(fuori.messaggi[1]).toMatch(/nessuna regola ADI in vigore alla data del PAD/);
    expect(await conta('nucleo_adi')).toBe(prima);
  });

  it('only the coordinators and the Ufficio di Piano import', async () => {
    for (const actor of [A.asCrema, A.operatoreCrema, A.responsabileCrema])
      expect(
        await rifiuto(t.as(actor)(importaNucleiGepi, { nomeFile: 'x.csv', contenuto: primoFile() })),
      ).toBe('OPERAZIONE_NON_CONSENTITA');
  });

  it('shows the ADI deadlines: PAD + 120 days by law, + 60 recommended, each with its parameter', async () => {
    const pagina = await t.presaInCarico.as(A.coordinatoreCrema)(elencaNucleiAdi, { al: '2026-11-15' });
    const a = pagina.elementi.find((n) => n.codiceDomanda === 'INPS-ADI-2026-0000001')!;
    expect(a.dataPad).toBe('2026-09-01');
    expect(a.scadenze).toEqual([
      {
        tipo: 'presa-in-carico-legale',
        scadenza: '2026-12-30',
        stato: 'aperta',
        rispettataIl: null,
        parametro: expect.objectContaining({
          codice: 'adi.presa-in-carico.giorni-legali',
          giorni: 120,
          validoDal: '2024-01-01',
        }),
      },
      {
        tipo: 'presa-in-carico-raccomandata',
        scadenza: '2026-10-31',
        stato: 'scaduta',
        rispettataIl: null,
        parametro: expect.objectContaining({ codice: 'adi.presa-in-carico.giorni-raccomandati', giorni: 60 }),
      },
    ]);
    expect(a.scadenze[0].parametro.atto).toMatch(/DL 48\/2023/);
    // The coordinator's view of the overdue ones: only the households past a deadline on that day.
    const scaduti = await t.presaInCarico.as(A.coordinatoreCrema)(elencaNucleiAdi, {
      al: '2026-11-15',
      filtro: 'scaduti',
    });
    expect(scaduti.elementi.map((n) => n.codiceDomanda)).toEqual(['INPS-ADI-2026-0000001']);
    // And on the coordinator's board of alerts, with the day it fell due.
    const avvisi = await t.presaInCarico.as(A.coordinatoreCrema)(PRESA_IN_CARICO_RPC.elencaAvvisi, {});
    expect(avvisi.filter((x) => x.tipo === 'adi-presa-in-carico-scaduta')).toEqual(
      expect.arrayContaining([expect.objectContaining({ cartellaId: a.cartellaId, dal: '2026-10-31' })]),
    );
    // Another sub-ambito's coordinator sees none of them.
    expect((await t.presaInCarico.as(A.coordinatorePandino)(elencaNucleiAdi, {})).totale).toBe(0);
  });

  it('a case manager sees only its own ADI households', async () => {
    const cartellaDi = async (domanda: string) =>
      (
        await t.presaInCarico.sql<{ cartella_id: string }>(
          `SELECT cartella_id FROM nucleo_adi WHERE codice_domanda = $1`,
          [domanda],
        )
      )[0].cartella_id;
    await t.presaInCarico.as(A.coordinatoreCrema)(assegnaCartella, {
      id: await cartellaDi('INPS-ADI-2026-0000001'),
      caseManagerId: A.asCrema.userId,
    });
    await t.presaInCarico.as(A.coordinatoreCrema)(assegnaCartella, {
      id: await cartellaDi('INPS-ADI-2026-0000002'),
      caseManagerId: A.asCrema2.userId,
    });
    const di = async (actor: typeof A.asCrema) =>
      (await t.presaInCarico.as(actor)(elencaNucleiAdi, {})).elementi.map((n) => n.codiceDomanda);
    expect(await di(A.asCrema)).toEqual(['INPS-ADI-2026-0000001']);
    expect(await di(A.asCrema2)).toEqual(['INPS-ADI-2026-0000002', 'INPS-ADI-2026-0000003']);
    expect((await di(A.coordinatoreCrema)).length).toBe(6);
    expect(await rifiuto(t.presaInCarico.as(A.responsabileCrema)(elencaNucleiAdi, {}))).toBe(
      'OPERAZIONE_NON_CONSENTITA',
    );
    // Each household listed is an audited read of its cartella.
    const letture = await t.presaInCarico.sql<{ utente: string; soggetto_id: string }>(
      `SELECT utente, soggetto_id FROM voce_audit WHERE risorsa = 'nucleo-adi' AND utente = 'as.crema' AND soggetto_id IS NOT NULL`,
    );
    expect(new Set(letture.map((l) => l.soggetto_id))).toEqual(
      new Set([await cartellaDi('INPS-ADI-2026-0000001')]),
    );
  });

  it('exports the approved patti and their monitoring in the documented layout, then the next verifica is due', async () => {
    const cartellaA = (
      await t.presaInCarico.sql<{ cartella_id: string }>(
        `SELECT cartella_id FROM nucleo_adi WHERE codice_domanda = 'INPS-ADI-2026-0000001'`,
      )
    )[0].cartella_id;
    const proposto = await t.presaInCarico.as(A.asCrema)(
      proponiProgetto,
      progetto(cartellaA, {
        tipo: 'pais',
        obiettivi: [
          {
            descrizione: 'Ricerca attiva di lavoro; con il CPI',
            indicatore: 'Colloqui svolti',
            risultatoAtteso: 'Tre colloqui',
          },
          {
            descrizione: 'Frequenza scolastica dei figli',
            indicatore: 'Assenze',
            risultatoAtteso: '=meno di 10 giorni',
          },
        ],
        impegni: ['Presentarsi ai colloqui', 'Accompagnare i figli a scuola'],
      }),
    );
    await t.presaInCarico.as(A.responsabileCrema)(approvaProgetto, { id: proposto.id });
    const oggi = new Date().toISOString().slice(0, 10);
    const oggiGepi = `${oggi.slice(8, 10)}/${oggi.slice(5, 7)}/${oggi.slice(0, 4)}`;
    await t.presaInCarico.as(A.asCrema)(registraVerifica, {
      id: proposto.id,
      data: oggi,
      esiti: [
        { obiettivo: 0, esito: 'parzialmente-raggiunto', note: 'Un colloquio svolto' },
        { obiettivo: 1, esito: 'raggiunto' },
      ],
    });
    const esportazione = await t.as(A.coordinatoreCrema)(esportaPattiGepi, {});
    expect(esportazione.tracciato).toBe('gepi-patti@1');
    expect(esportazione.righe).toBe(4);
    const righe = esportazione.csv.trimEnd().split('\r\n');
    expect(righe[0]).toBe(
      'Codice domanda;Codice fiscale richiedente;Tipo riga;Versione patto;Data sottoscrizione patto;Data inizio;Data fine;' +
        'Numero obiettivo;Obiettivo;Risultato atteso;Indicatore;Impegni del nucleo;Data monitoraggio;Esito obiettivo;Note',
    );
    expect(righe.slice(1)).toEqual([
      `INPS-ADI-2026-0000001;${A_CF};PATTO;1;${oggiGepi};01/01/2026;31/12/2026;1;"Ricerca attiva di lavoro; con il CPI";Tre colloqui;Colloqui svolti;Presentarsi ai colloqui | Accompagnare i figli a scuola;;;`,
      // A cell a spreadsheet would take for a formula is neutralised.
      `INPS-ADI-2026-0000001;${A_CF};PATTO;1;${oggiGepi};01/01/2026;31/12/2026;2;Frequenza scolastica dei figli;'=meno di 10 giorni;Assenze;Presentarsi ai colloqui | Accompagnare i figli a scuola;;;`,
      `INPS-ADI-2026-0000001;${A_CF};MONITORAGGIO;1;${oggiGepi};01/01/2026;31/12/2026;1;"Ricerca attiva di lavoro; con il CPI";;;;${oggiGepi};Parzialmente raggiunto;Un colloquio svolto`,
      `INPS-ADI-2026-0000001;${A_CF};MONITORAGGIO;1;${oggiGepi};01/01/2026;31/12/2026;2;Frequenza scolastica dei figli;;;;${oggiGepi};Raggiunto;`,
    ]);
    // The coordinator of another sub-ambito exports nothing of Crema; a case manager may not export.
    expect((await t.as(A.coordinatorePandino)(esportaPattiGepi, {})).righe).toBe(0);
    expect(await rifiuto(t.as(A.asCrema)(esportaPattiGepi, {}))).toBe('OPERAZIONE_NON_CONSENTITA');
    expect(await rifiuto(t.as(A.coordinatorePandino)(esportaPattiGepi, { subAmbito: 'SA-CREMA' }))).toBe(
      'FUORI_AMBITO_TERRITORIALE',
    );
    // With the patto approved, the follow-up is due 90 days after the latest of patto and verifica.
    const [a] = (await t.presaInCarico.as(A.asCrema)(elencaNucleiAdi, {})).elementi;
    expect(a.scadenze.at(-1)).toMatchObject({
      tipo: 'verifica-periodica',
      parametro: expect.objectContaining({ giorni: 90 }),
    });
    const attesa = new Date(`${oggi}T00:00:00Z`);
    attesa.setUTCDate(attesa.getUTCDate() + 90);
    expect(a.scadenze.at(-1)!.scadenza).toBe(attesa.toISOString().slice(0, 10));
  });
});

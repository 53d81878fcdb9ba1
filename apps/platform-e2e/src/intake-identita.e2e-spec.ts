import { Client } from 'pg';
import type {
  AccessoV1,
  CartellaSintesiV1,
  CartellaV1,
  PaginaV1,
  PersonaV1,
  TerritorioV1,
} from '@ambito/contracts';
import { eventually } from '@ambito/testing';
import { Api, startPlatform, type Platform } from './platform';

/*
 * Issue 14, point 8, across the processes: accesso.accesso.chiuso.v2 carries ids only; presa-in-carico's
 * intake reads the person and the motivazione from accesso with its own service identity and the
 * purpose presa-in-carico (audited by accesso), and waits for accesso when it is down.
 */

const CREMA = '019035';

describe('intake with service identity, end to end: accesso closed → presa-in-carico reads the proposta from accesso', () => {
  let platform: Platform;
  let api: Api;
  let pg: Client;
  let sede: string;

  beforeAll(async () => {
    platform = await startPlatform({ services: ['accesso', 'presa-in-carico'] });
    api = new Api(platform.gateway);
    pg = new Client({ connectionString: platform.databaseUrl });
    await pg.connect();
    const { body: territorio } = await api.request<TerritorioV1>(
      'operatore.crema',
      'GET',
      '/api/v1/territorio',
    );
    sede = territorio.sedi.find((s) => s.subAmbito === 'SA-CREMA' && s.tipo === 'hub')!.codice;
  });
  afterAll(async () => {
    await pg?.end();
    await platform?.stop();
  });

  /** A persona with an accesso closed with a proposta di presa in carico: the accesso's id. */
  async function proposta(codiceFiscale: string, cognome: string, nome: string, dataNascita: string) {
    const persona = await api.request<PersonaV1>('operatore.crema', 'POST', '/api/v1/persone', {
      codiceFiscale,
      cognome,
      nome,
      dataNascita,
      luogoNascita: 'D142',
      sesso: 'F',
      cittadinanza: 'IT',
      comuneResidenza: CREMA,
    });
    expect(persona.status).toBe(201);
    const accesso = await api.request<AccessoV1>('operatore.crema', 'POST', '/api/v1/accessi', {
      personaId: persona.body.id,
      sede,
      canale: 'sportello',
      presentatoDa: 'interessato',
      areaBisogno: 'anziani',
      richiesta: 'Non riesce più a lavarsi da sola.',
    });
    expect(accesso.status).toBe(201);
    const chiuso = await api.request('operatore.crema', 'POST', `/api/v1/accessi/${accesso.body.id}/esito`, {
      tipo: 'proposta-presa-in-carico',
      motivazione: 'Perdita di autonomia, vive sola.',
      urgenza: 'prioritaria',
    });
    expect(chiuso.status).toBe(200);
    return { accessoId: accesso.body.id, personaId: persona.body.id };
  }

  const cartelleDi = async (codiceFiscale: string) => {
    const coda = await api.request<PaginaV1<CartellaSintesiV1>>(
      'coordinatore.crema',
      'GET',
      '/api/v1/cartelle?stato=in-attesa&perPagina=200',
    );
    return coda.body.elementi.filter((c) => c.persona.codiceFiscale === codiceFiscale);
  };

  it('opens exactly one cartella with the person’s data read from accesso, a read accesso audits with the service and its purpose', async () => {
    const { accessoId, personaId } = await proposta('VLNTRS39M55D142U', 'Valentini', 'Teresa', '1939-08-15');
    const [sintesi] = await eventually(
      async () => {
        const trovate = await cartelleDi('VLNTRS39M55D142U');
        expect(trovate).toHaveLength(1);
        return trovate;
      },
      { timeoutMs: 15_000 },
    );
    const cartella = await api.request<CartellaV1>(
      'coordinatore.crema',
      'GET',
      `/api/v1/cartelle/${sintesi.id}`,
    );
    expect(cartella.body).toMatchObject({
      subAmbito: 'SA-CREMA',
      comuneResidenza: CREMA,
      persona: {
        codiceFiscale: 'VLNTRS39M55D142U',
        cognome: 'Valentini',
        nome: 'Teresa',
        dataNascita: '1939-08-15',
      },
      proposte: [
        {
          origine: 'accesso',
          accessoId,
          urgenza: 'prioritaria',
          motivazione: 'Perdita di autonomia, vive sola.',
        },
      ],
    });
    const { rows } = await pg.query(
      `SELECT utente, ruoli, finalita, esito, soggetto_id FROM accesso.voce_audit
        WHERE azione = 'leggi-proposta' AND risorsa_id = $1`,
      [accessoId],
    );
    expect(rows).toEqual([
      {
        utente: 'servizio:presa-in-carico',
        ruoli: ['servizio-presa-in-carico'],
        finalita: 'presa-in-carico',
        esito: 'consentito',
        soggetto_id: personaId,
      },
    ]);
  });

  it('waits while accesso is stopped: the event comes back and is taken in once accesso is back', async () => {
    // The event on the stream while presa-in-carico is down, then accesso goes down too.
    await platform.ferma('presa-in-carico');
    const { accessoId } = await proposta('NREGLI45E50D142B', 'Neri', 'Giulia', '1945-05-10');
    await eventually(
      async () => {
        const { rows } = await pg.query(
          `SELECT count(*)::int AS n FROM accesso.outbox_message
            WHERE type = 'accesso.accesso.chiuso' AND published_at IS NOT NULL
              AND envelope->'payload'->>'accessoId' = $1`,
          [accessoId],
        );
        expect(rows[0].n).toBe(1);
      },
      { timeoutMs: 15_000 },
    );
    await platform.ferma('accesso');
    await platform.riavvia('presa-in-carico');
    // Several deliveries, with backoff: nothing is opened, nothing dead-lettered.
    await new Promise((r) => setTimeout(r, 7000));
    const aperte = await pg.query(
      `SELECT count(*)::int AS n FROM presa_in_carico.proposta WHERE accesso_id = $1`,
      [accessoId],
    );
    expect(aperte.rows[0].n).toBe(0);

    await platform.riavvia('accesso');
    await eventually(
      async () => {
        const { rows } = await pg.query(
          `SELECT count(*)::int AS n FROM presa_in_carico.proposta WHERE accesso_id = $1`,
          [accessoId],
        );
        expect(rows[0].n).toBe(1);
      },
      { timeoutMs: 45_000 },
    );
    expect(await cartelleDi('NREGLI45E50D142B')).toHaveLength(1);
    const letture = await pg.query(
      `SELECT count(*)::int AS n FROM accesso.voce_audit WHERE azione = 'leggi-proposta' AND risorsa_id = $1`,
      [accessoId],
    );
    expect(letture.rows[0].n).toBe(1);
  });
});

import { XMLParser } from 'fast-xml-parser';
import { randomUUID } from 'node:crypto';
import { ACCESSO_RPC, INTEGRAZIONI_RPC, PRESA_IN_CARICO_RPC, type EventEnvelope } from '@ambito/contracts';
import { eventually, generateIdentityKeys } from '@ambito/testing';
/* eslint-disable @nx/enforce-module-boundaries */
import { ATTORI as ATTORI_ACCESSO, persona } from '../../../accesso/test/accesso-harness';
import {
  avvisoConErogazione,
  concessione,
  istanzaFinanziata,
  pubblica,
} from '../../../misure/test/benefici-fixture';
import { startTestMisure, type TestMisure } from '../../../misure/test/misure-harness';
import {
  ATTORI as ATTORI_PRESA,
  CREMA,
  apertura,
  cartellaAperta,
  codiceFiscale,
  progetto,
} from '../../../presa-in-carico/test/presa-in-carico-harness';
import { registraEquipeCrema } from '../../../presa-in-carico/test/presa-in-carico-scenario';
/* eslint-enable @nx/enforce-module-boundaries */
import { ATTORI, startTestIntegrazioni, type TestIntegrazioni } from '../../test/integrazioni-harness';
import { SiussService } from './siuss.service';
import { ValidatoreXsd } from './xml/validatore-xsd';

/*
 * Issue 12, point 2, the part of presa in carico: the SINA section (disability and non-self-sufficiency)
 * from the SINA valutazione of the cartella, mapped by the versioned table, on the records of the
 * benefici and of the interventi of the approved progetto; both valid against the XSD and served by
 * GET /flussi. Real accesso, presa-in-carico and misure answer integrazioni's reads (its own identity,
 * audited by presa in carico); the events travel on JetStream from presa in carico's outbox.
 */

const { elencaFlussiSiuss, elencaRecordSiuss } = INTEGRAZIONI_RPC;
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  isArray: (nome, _percorso, _foglia, attributo) =>
    !attributo && ['InvCiv', 'CodicePrestazione'].includes(nome),
});
const validatore = new ValidatoreXsd();

interface Prestazione extends Record<string, unknown> {
  CodicePrestazione: string;
  TipoOperazione: string;
  SINA?: Record<string, unknown> & {
    InvaliditaCivile?: { InvCiv: string[] };
    NecessitaInterventiSociali?: { CodicePrestazione: string[] };
  };
}

async function prestazione(base64: string): Promise<Prestazione> {
  const xml = Buffer.from(base64, 'base64').toString('utf8');
  await expect(validatore.valida(xml)).resolves.toEqual({ valido: true, errori: [] });
  const doc = parser.parse(xml) as { Flusso: { Beneficiario: { PrestazioniSociali: Prestazione } } };
  return doc.Flusso.Beneficiario.PrestazioniSociali;
}

const SINA_V2 = {
  Mobilita: 2,
  AttivitaVitaQuotidiana: 3,
  DisturbiAreaCognitiva: 2,
  DisturbiComportamentali: 1,
  AreaReddituale: 2,
  AreaSupporto: 2,
  FonteDerivazioneValutazione: 1,
  StrumentoValutazione: 1,
  FonteDerivazioneInvalidita: 1,
};

describe('integrazioni › SIUSS from presa in carico: SINA section and the progetto’s prestazioni', () => {
  let misure: TestMisure;
  let svc: TestIntegrazioni;
  const inps = () =>
    svc.as(ATTORI.inps, 'Acquisizione dei flussi SIUSS da parte di INPS', 'debito-informativo');

  beforeAll(async () => {
    const identita = generateIdentityKeys();
    misure = await startTestMisure({ servizi: true, identita });
    svc = await startTestIntegrazioni({ identita });
    await registraEquipeCrema(misure.servizi!.presaInCarico);
  }, 180_000);
  afterAll(async () => {
    await svc?.close();
    await misure?.close();
  });

  it('SINA valutazione + approved progetto → records with SINA; a B2 beneficio too; a new valutazione corrects them', async () => {
    const presa = misure.servizi!.presaInCarico;
    const cf = codiceFiscale();
    const p = await misure.servizi!.accesso.as(ATTORI_ACCESSO.operatoreCrema, 'beneficiaria B2')(
      ACCESSO_RPC.registraPersona,
      persona(cf, CREMA),
    );
    const coordinatore = presa.as(ATTORI_PRESA.coordinatoreCrema);
    const c = cartellaAperta(
      await coordinatore(PRESA_IN_CARICO_RPC.apriCartella, { ...apertura(cf, CREMA), personaId: p.id }),
    );
    await coordinatore(PRESA_IN_CARICO_RPC.assegnaCartella, { id: c.id, caseManagerId: 'as.crema' });
    const as = presa.as(ATTORI_PRESA.asCrema);
    await as(PRESA_IN_CARICO_RPC.registraValutazione, {
      id: c.id,
      strumento: 'SINA',
      versione: 2,
      data: '2026-01-10',
      risposte: SINA_V2,
      risposteMultiple: { InvaliditaCivile: ['2', '6'], NecessitaInterventiSociali: ['A2.07'] },
    });
    // Two interventi: the SAD coded for SIUSS (area 2, periodic), and one proposed without SIUSS fields.
    const [sad, buono] = progetto(c.id).interventi;
    const proposto = await as(
      PRESA_IN_CARICO_RPC.proponiProgetto,
      progetto(c.id, {
        interventi: [
          {
            ...sad,
            presenzaProvaMezzi: 1,
            caratterePrestazione: 1,
            importoMensileCentesimi: 57_200,
            areaUtenza: 2,
            protocolloDomanda: 'PRG-2026-0042',
          },
          buono,
        ],
      }),
    );
    await presa.as(ATTORI_PRESA.responsabileCrema)(PRESA_IN_CARICO_RPC.approvaProgetto, { id: proposto.id });

    // The progetto's prestazione: one flow (2026), with the SINA section of the valutazione.
    const [flussoSad] = await eventually(
      async () => {
        const r = await inps()(elencaFlussiSiuss, { since: 0, limit: 100 });
        expect(r.flussi).toHaveLength(1);
        return r.flussi;
      },
      { timeoutMs: 30_000 },
    );
    const ps = await prestazione(flussoSad.flusso);
    expect(ps).toMatchObject({
      TipoOperazione: 'I',
      CodicePrestazione: 'A2.07',
      CaratterePrestazione: '1',
      ImportoMensile: '572.00',
      PeriodoErogazione: '12',
      ProtocolloDomanda: 'PRG-2026-0042',
      PresaCarico: '1',
      AreaUtenza: '2',
      SINA: {
        Mobilita: '2',
        AttivitaVitaQuotidiana: '3',
        DisturbiAreaCognitiva: '2',
        DisturbiComportamentali: '1',
        AreaReddituale: '2',
        AreaSupporto: '2',
        FonteDerivazioneValutazione: '1',
        StrumentoValutazione: '1',
        FonteDerivazioneInvalidita: '1',
        NecessitaInterventiSociali: { CodicePrestazione: ['A2.07'] },
        InvaliditaCivile: { InvCiv: ['2', '6'] },
      },
    });

    // A B2 buono for the same person: its records carry the same SINA section (area 2).
    const avviso = await avvisoConErogazione(misure);
    const istanza = await istanzaFinanziata(misure, avviso, p.id);
    await pubblica(concessione(avviso, istanza));
    const beneficio = await eventually(
      async () => {
        const r = await inps()(elencaFlussiSiuss, { since: Date.parse(flussoSad.tsFlusso), limit: 100 });
        expect(r.flussi).toHaveLength(2);
        return r.flussi;
      },
      { timeoutMs: 30_000 },
    );
    for (const f of beneficio)
      expect(await prestazione(f.flusso)).toMatchObject({
        CodicePrestazione: 'A1.11',
        SINA: { Mobilita: '2', InvaliditaCivile: { InvCiv: ['2', '6'] } },
      });

    // Each record says which map (and how sure) made its SINA section, and from which valutazione.
    const { record } = await svc.as(ATTORI.udp)(elencaRecordSiuss, { personaId: p.id });
    expect(record).toHaveLength(3);
    for (const r of record)
      expect(r.versioneSina).toMatch(/^sina-2026\.1\/SINA@2 \[V\] valutazione [0-9a-f-]{36}$/);
    expect(record.filter((r) => r.interventoId !== null && r.beneficioId === null)).toHaveLength(1);

    // A new SINA valutazione (now does not move): every record in force is corrected, C then I.
    await as(PRESA_IN_CARICO_RPC.registraValutazione, {
      id: c.id,
      strumento: 'SINA',
      versione: 2,
      data: '2026-03-02',
      risposte: { ...SINA_V2, Mobilita: 3 },
      risposteMultiple: { InvaliditaCivile: ['2', '6'] },
    });
    const ultimo = beneficio[1].tsFlusso;
    const correzioni = await eventually(
      async () => {
        const r = await inps()(elencaFlussiSiuss, { since: Date.parse(ultimo), limit: 100 });
        expect(r.flussi).toHaveLength(6);
        return r.flussi;
      },
      { timeoutMs: 30_000 },
    );
    const operazioni = await Promise.all(correzioni.map((f) => prestazione(f.flusso)));
    const per = (tipo: string) =>
      operazioni
        .filter((o) => o.TipoOperazione === tipo)
        .map((o) => [o.CodicePrestazione, (o.SINA as { Mobilita: string }).Mobilita])
        .sort();
    expect(per('C')).toEqual([
      ['A1.11', '2'],
      ['A1.11', '2'],
      ['A2.07', '2'],
    ]);
    expect(per('I')).toEqual([
      ['A1.11', '3'],
      ['A1.11', '3'],
      ['A2.07', '3'],
    ]);
    expect(
      operazioni.find((o) => o.TipoOperazione === 'I')?.SINA?.NecessitaInterventiSociali,
    ).toBeUndefined();

    // The same event again changes nothing (once per event, and nothing changed since).
    expect(
      await svc.sql(`SELECT count(*)::int AS n FROM siuss_record WHERE persona_id = $1 AND in_vigore`, [
        p.id,
      ]),
    ).toEqual([{ n: 3 }]);

    // A revision of the progetto that ends the SAD at June: its 2026 record is corrected (C + I), the
    // benefici's records are untouched.
    const revisione = await as(
      PRESA_IN_CARICO_RPC.proponiProgetto,
      progetto(c.id, {
        interventi: [
          {
            ...sad,
            al: '2026-06-30',
            costoCentesimi: 343_200,
            presenzaProvaMezzi: 1,
            caratterePrestazione: 1,
            importoMensileCentesimi: 57_200,
            areaUtenza: 2,
            protocolloDomanda: 'PRG-2026-0042',
          },
          buono,
        ],
      }),
    );
    await presa.as(ATTORI_PRESA.responsabileCrema)(PRESA_IN_CARICO_RPC.approvaProgetto, { id: revisione.id });
    const dopoValutazione = correzioni[5].tsFlusso;
    const rettifica = await eventually(
      async () => {
        const r = await inps()(elencaFlussiSiuss, { since: Date.parse(dopoValutazione), limit: 100 });
        expect(r.flussi).toHaveLength(2);
        return r.flussi;
      },
      { timeoutMs: 30_000 },
    );
    const [cancellata, inserita] = await Promise.all(rettifica.map((f) => prestazione(f.flusso)));
    expect([cancellata.TipoOperazione, cancellata.CodicePrestazione, cancellata.DataFinePrestazione]).toEqual(
      ['C', 'A2.07', '2026-12-31'],
    );
    expect(inserita).toMatchObject({
      TipoOperazione: 'I',
      CodicePrestazione: 'A2.07',
      DataFinePrestazione: '2026-06-30',
      PeriodoErogazione: '6',
      SINA: { Mobilita: '3' },
    });
    expect(
      await svc.sql(`SELECT count(*)::int AS n FROM siuss_record WHERE persona_id = $1 AND in_vigore`, [
        p.id,
      ]),
    ).toEqual([{ n: 3 }]);

    // Presa in carico audited integrazioni's reads of the cartella, with the service and the purpose.
    const letture = await presa.sql<{ utente: string; finalita: string }>(
      `SELECT DISTINCT utente, finalita FROM voce_audit WHERE azione = 'leggi-per-siuss' AND soggetto_id = $1`,
      [c.id],
    );
    expect(letture).toEqual([{ utente: 'servizio:integrazioni', finalita: 'debito-informativo' }]);
  }, 180_000);

  it('concurrent events of one person leave one insertion in force per prestazione and one flow (the database decides)', async () => {
    const presa = misure.servizi!.presaInCarico;
    const cf = codiceFiscale();
    const p = await misure.servizi!.accesso.as(ATTORI_ACCESSO.operatoreCrema, 'persona in carico')(
      ACCESSO_RPC.registraPersona,
      persona(cf, CREMA),
    );
    const coordinatore = presa.as(ATTORI_PRESA.coordinatoreCrema);
    const c = cartellaAperta(
      await coordinatore(PRESA_IN_CARICO_RPC.apriCartella, { ...apertura(cf, CREMA), personaId: p.id }),
    );
    await coordinatore(PRESA_IN_CARICO_RPC.assegnaCartella, { id: c.id, caseManagerId: 'as.crema' });
    const as = presa.as(ATTORI_PRESA.asCrema);
    const [sad] = progetto(c.id).interventi;
    const proposto = await as(
      PRESA_IN_CARICO_RPC.proponiProgetto,
      progetto(c.id, {
        interventi: [
          {
            ...sad,
            presenzaProvaMezzi: 4,
            caratterePrestazione: 1,
            importoMensileCentesimi: 57_200,
            areaUtenza: 2,
          },
        ],
      }),
    );
    await presa.as(ATTORI_PRESA.responsabileCrema)(PRESA_IN_CARICO_RPC.approvaProgetto, { id: proposto.id });
    // Besides the approval event on JetStream, four more deliveries of one person at the same moment.
    const siuss = svc.app.get(SiussService);
    const evento = () =>
      ({
        id: randomUUID(),
        type: 'presa-in-carico.progetto.approvato',
        version: 1,
        occurredAt: new Date().toISOString(),
        ambito: 'CREMA',
        actor: { userId: 'responsabile.crema', nome: 'responsabile', ruoli: ['responsabile-comune'] },
        correlationId: randomUUID(),
        causationId: null,
        payload: { personaId: p.id },
      }) as EventEnvelope<string, { personaId: string }>;
    const consegne = Array.from({ length: 4 }, evento);
    const esiti = await Promise.allSettled(consegne.map((e) => siuss.progetto('prova-concorrenza', e)));
    // A delivery the unique index refused is delivered again, as JetStream does: it finds the record.
    for (const [i, esito] of esiti.entries())
      if (esito.status === 'rejected') await siuss.progetto('prova-concorrenza', consegne[i]);
    // Each delivery handled once.
    expect(await svc.sql(`SELECT 1 FROM inbox_message WHERE consumer = 'prova-concorrenza'`)).toHaveLength(4);
    // And the approval event that came through JetStream was handled too.
    const [approvazione] = await presa.sql<{ id: string }>(
      `SELECT envelope->>'id' AS id FROM outbox_message
        WHERE type = 'presa-in-carico.progetto.approvato' AND envelope->'payload'->>'cartellaId' = $1`,
      [c.id],
    );
    await eventually(async () =>
      expect(
        await svc.sql(
          `SELECT 1 FROM inbox_message WHERE consumer = 'integrazioni-siuss-progetto' AND event_id = $1`,
          [approvazione.id],
        ),
      ).toHaveLength(1),
    );
    const righe = await svc.sql<{ tipo_operazione: string; in_vigore: boolean }>(
      `SELECT tipo_operazione, in_vigore FROM siuss_record WHERE persona_id = $1 AND stato = 'offerto'`,
      [p.id],
    );
    expect(righe).toEqual([{ tipo_operazione: 'I', in_vigore: true }]);
  }, 120_000);
});

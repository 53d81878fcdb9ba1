import { randomUUID } from 'node:crypto';
import { XMLParser } from 'fast-xml-parser';
import {
  ACCESSO_RPC,
  INTEGRAZIONI_RPC,
  MISURE_RPC,
  type ErogazioneLiquidataV1,
  type EventEnvelope,
} from '@ambito/contracts';
import { eventually, generateIdentityKeys } from '@ambito/testing';
/* eslint-disable @nx/enforce-module-boundaries */
import { ATTORI as ATTORI_ACCESSO, persona } from '../../../accesso/test/accesso-harness';
import {
  avvisoConErogazione,
  concessione,
  istanzaFinanziata,
  pubblica,
} from '../../../misure/test/benefici-fixture';
import type { AvvisoDiTest } from '../../../misure/test/graduatorie-fixture';
import {
  ATTORI as ATTORI_MISURE,
  startTestMisure,
  type TestMisure,
} from '../../../misure/test/misure-harness';
import { CREMA, codiceFiscale } from '../../../presa-in-carico/test/presa-in-carico-harness';
/* eslint-enable @nx/enforce-module-boundaries */
import { ATTORI, startTestIntegrazioni, type TestIntegrazioni } from '../../test/integrazioni-harness';
import { ValidatoreXsd } from './xml/validatore-xsd';

/*
 * Issue 12, point 2 ("Done when"): a granted and paid B2 beneficio becomes a SIUSS record, valid against
 * the XSD, in an XML batch and through GET /flussi; INPS' esito is reconciled on it; its revoca is a
 * correction (cancellation + new insertion). Real misure, accesso and presa-in-carico answer
 * integrazioni's reads, which it makes with its own identity; events travel on JetStream.
 */

const { elencaFlussiSiuss, notificaEsitiSiuss, elencaRecordSiuss, generaLottoSiuss } = INTEGRAZIONI_RPC;
const ID_FLUSSO = /^D142\.PS\.\d{8}\.\d{7}$/;
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' });
const validatore = new ValidatoreXsd();

function documento(base64: string) {
  const xml = Buffer.from(base64, 'base64').toString('utf8');
  const doc = parser.parse(xml) as {
    Flusso: {
      IdentificazioneFlusso: { Nome: string };
      Beneficiario: { CodiceFiscale: string; PrestazioniSociali: Record<string, string> };
    };
  };
  return { xml, flusso: doc.Flusso };
}

function liquidata(
  beneficioId: string,
  personaId: string,
): EventEnvelope<'misure.erogazione.liquidata', ErogazioneLiquidataV1> {
  return {
    id: randomUUID(),
    type: 'misure.erogazione.liquidata',
    version: 1,
    occurredAt: new Date().toISOString(),
    ambito: 'CREMA',
    actor: { userId: 'udp', nome: 'udp', ruoli: ['ufficio-di-piano'] },
    correlationId: randomUUID(),
    causationId: null,
    payload: {
      liquidazioneId: randomUUID(),
      erogazioneId: randomUUID(),
      beneficioId,
      personaId,
      mese: '2025-04',
      misura: 'b2',
      strumento: 'buono-caregiver',
      importoDovutoCentesimi: 40_000,
      compensatoCentesimi: 0,
      importoLiquidatoCentesimi: 40_000,
      impegnoId: randomUUID(),
      liquidazioneBudgetId: randomUUID(),
    },
  } as EventEnvelope<'misure.erogazione.liquidata', ErogazioneLiquidataV1>;
}

describe('integrazioni › SIUSS: a granted and paid B2 beneficio fed to INPS', () => {
  let misure: TestMisure;
  let svc: TestIntegrazioni;
  let avviso: AvvisoDiTest;
  const inps = () =>
    svc.as(ATTORI.inps, 'Acquisizione dei flussi SIUSS da parte di INPS', 'debito-informativo');

  beforeAll(async () => {
    const identita = generateIdentityKeys();
    misure = await startTestMisure({ servizi: true, identita });
    svc = await startTestIntegrazioni({ identita });
    avviso = await avvisoConErogazione(misure);
    // Four services on fresh databases: slow on a loaded machine.
  }, 180_000);
  afterAll(async () => {
    await svc?.close();
    await misure?.close();
  });

  it('grant → record offered and valid; paid → unchanged; esito reconciled; revoca → cancellation + insertion', async () => {
    const cf = codiceFiscale();
    const p = await misure.servizi!.accesso.as(ATTORI_ACCESSO.operatoreCrema, 'beneficiaria B2')(
      ACCESSO_RPC.registraPersona,
      persona(cf, CREMA),
    );
    const istanza = await istanzaFinanziata(misure, avviso, p.id);
    await pubblica(concessione(avviso, istanza));

    // The concessione: one insertion per calendar year of the beneficio (April 2025 – March 2026).
    const { flussi } = await eventually(
      async () => {
        const r = await inps()(elencaFlussiSiuss, { since: 0, limit: 100 });
        expect(r.flussi).toHaveLength(2);
        return r;
      },
      { timeoutMs: 30_000 },
    );
    for (const f of flussi) {
      expect(f).toMatchObject({
        codiceEnte: 'D142',
        tipo: 'PS_PSA_SINA',
        idFlusso: expect.stringMatching(ID_FLUSSO),
      });
      const { xml, flusso } = documento(f.flusso);
      await expect(validatore.valida(xml)).resolves.toEqual({ valido: true, errori: [] });
      expect(flusso.IdentificazioneFlusso.Nome).toBe(f.idFlusso);
      expect(flusso.Beneficiario.CodiceFiscale).toBe(cf);
    }
    const [primo, secondo] = flussi.map((f) => documento(f.flusso).flusso.Beneficiario.PrestazioniSociali);
    expect(primo).toMatchObject({
      TipoOperazione: 'I',
      CodicePrestazione: 'A1.11',
      CaratterePrestazione: '1',
      PresenzaProvaMezzi: '1',
      NumeroProtocolloDSU: 'INPS-ISEE-2025-00597381W-00',
      AnnoProtocolloDSU: '2025',
      ProtocolloDomanda: expect.stringMatching(/\S/),
      DataInizioPrestazione: '2025-04-01',
      DataFinePrestazione: '2025-12-31',
      ImportoMensile: '400.00',
      PeriodoErogazione: '9',
      AreaUtenza: '2',
    });
    expect(secondo).toMatchObject({
      DataInizioPrestazione: '2026-01-01',
      DataFinePrestazione: '2026-03-31',
      PeriodoErogazione: '3',
    });
    // ts_flusso strictly increasing: `since` = the last one taken returns nothing more.
    expect(Date.parse(flussi[1].tsFlusso)).toBeGreaterThan(Date.parse(flussi[0].tsFlusso));
    expect((await inps()(elencaFlussiSiuss, { since: Date.parse(flussi[1].tsFlusso) })).flussi).toEqual([]);
    expect((await inps()(elencaFlussiSiuss, { since: 0, limit: 1 })).flussi.map((f) => f.idFlusso)).toEqual([
      flussi[0].idFlusso,
    ]);

    // Paid: the liquidazione changes nothing the record says, so no new flow.
    const [{ id: beneficioId }] = await misure.sql<{ id: string }>(
      `SELECT id FROM beneficio WHERE istanza_id = $1`,
      [istanza.id],
    );
    await pubblica(liquidata(beneficioId, p.id));
    await eventually(async () =>
      expect(
        await svc.sql(`SELECT 1 FROM inbox_message WHERE consumer = 'integrazioni-siuss-liquidata'`),
      ).toHaveLength(1),
    );
    expect((await inps()(elencaFlussiSiuss, { since: 0, limit: 100 })).flussi).toHaveLength(2);

    // The XML batch for the web upload: both years' prestazioni of the person, valid against the XSD.
    const udp = svc.as(ATTORI.udp, 'Invio annuale al SIUSS', 'debito-informativo');
    const lotto = await udp(generaLottoSiuss, { anno: 2025 });
    expect(lotto.beneficiari).toBe(1);
    await expect(validatore.valida(lotto.xml)).resolves.toEqual({ valido: true, errori: [] });
    expect(lotto.xml).toContain(`CodiceFiscale="${cf}"`);

    // INPS' esiti: OK with its acquisition code on the first, a refusal on the second, an unknown id.
    const esiti = await inps()(notificaEsitiSiuss, {
      esiti: [
        {
          idFlusso: flussi[0].idFlusso,
          tipo: 'PS_PSA_SINA',
          tsFlusso: flussi[0].tsFlusso,
          tsAcquisizione: new Date().toISOString(),
          codiceEsito: 'OK',
          idAcquisizioneSiuss: '22738',
        },
        {
          idFlusso: flussi[1].idFlusso,
          tipo: 'PS_PSA_SINA',
          tsFlusso: flussi[1].tsFlusso,
          tsAcquisizione: new Date().toISOString(),
          codiceEsito: 'DATI_NON_TROVATI',
          descrizioneEsito: 'Beneficiario non trovato',
        },
        {
          idFlusso: 'D142.PS.20990101.0000001',
          tipo: 'PS_PSA_SINA',
          tsFlusso: flussi[1].tsFlusso,
          tsAcquisizione: new Date().toISOString(),
          codiceEsito: 'OK',
        },
      ],
    });
    expect(esiti).toEqual({ riconciliati: 2, sconosciuti: ['D142.PS.20990101.0000001'] });
    const { record } = await svc.as(ATTORI.udp)(elencaRecordSiuss, { beneficioId });
    expect(record.find((r) => r.idFlusso === flussi[0].idFlusso)).toMatchObject({
      stato: 'acquisito',
      idAcquisizioneSiuss: '22738',
    });
    expect(record.find((r) => r.idFlusso === flussi[1].idFlusso)).toMatchObject({
      stato: 'scartato',
      motivo: 'Beneficiario non trovato',
    });

    // Revoca from 1 July 2025: both offered records are cancelled, then 2025 is inserted again up to June.
    await misure.as(ATTORI_MISURE.udp)(MISURE_RPC.terminaBeneficio, {
      beneficioId,
      causa: 'revoca',
      dal: '2025-07-01',
      motivazione: 'Revoca per accoglienza residenziale definitiva.',
    });
    const correzione = await eventually(
      async () => {
        const r = await inps()(elencaFlussiSiuss, { since: Date.parse(flussi[1].tsFlusso) });
        expect(r.flussi).toHaveLength(3);
        return r.flussi;
      },
      { timeoutMs: 30_000 },
    );
    const operazioni = correzione.map((f) => documento(f.flusso).flusso.Beneficiario.PrestazioniSociali);
    expect(operazioni.map((o) => [o.TipoOperazione, o.DataInizioPrestazione, o.DataFinePrestazione])).toEqual(
      [
        ['C', '2025-04-01', '2025-12-31'],
        ['C', '2026-01-01', '2026-03-31'],
        ['I', '2025-04-01', '2025-06-30'],
      ],
    );
    expect(operazioni[2].PeriodoErogazione).toBe('3');
    for (const f of correzione)
      await expect(validatore.valida(documento(f.flusso).xml)).resolves.toMatchObject({ valido: true });
    // Each flow handed to INPS is audited with the person it carries.
    expect(
      await svc.sql(`SELECT 1 FROM voce_audit WHERE risorsa = 'flusso-siuss' AND soggetto_id = $1 LIMIT 1`, [
        p.id,
      ]),
    ).toHaveLength(1);
  }, 120_000);
});

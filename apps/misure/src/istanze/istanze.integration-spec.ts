import { MISURE_RPC } from '@ambito/contracts';
import { rifiuto } from '@ambito/testing';
import { ATTORI, startTestMisure, type TestMisure } from '../../test/misure-harness';
import { ANNO, giorno } from '../../test/regole-di-prova';
import { CREMA, PANDINO, avvisoPubblicato, istanza, persona } from '../../test/istanze-di-prova';

const { presentaIstanza, modificaIstanza, leggiIstanza, elencaIstanze, creaAvviso } = MISURE_RPC;

describe('istanze: presentation, protocol, versions, reads', () => {
  let svc: TestMisure;
  let avvisoId: string;

  beforeAll(async () => {
    svc = await startTestMisure();
    avvisoId = await avvisoPubblicato(svc);
  });
  afterAll(async () => {
    await svc?.close();
  });

  /** What a refused request must not have written. */
  const scritto = async () =>
    (
      await svc.sql<Record<string, string>>(
        `SELECT (SELECT count(*) FROM istanza) AS istanze, (SELECT count(*) FROM istanza_versione) AS versioni,
                (SELECT count(*) FROM istruttoria) AS istruttorie, (SELECT count(*) FROM outbox_message) AS eventi,
                (SELECT coalesce(sum(ultimo), 0) FROM protocollo_contatore) AS protocolli`,
      )
    )[0];
  const numero = (protocollo: string) => Number(protocollo.split('-')[2]);

  it('presents an istanza at a sede: protocol number and time, persona from accesso, istruita at once', async () => {
    const personaId = persona(svc);
    const presentata = await svc.as(ATTORI.operatore)(presentaIstanza, istanza(avvisoId, personaId));
    expect(presentata).toMatchObject({
      avvisoId,
      personaId,
      strumento: 'buono-caregiver',
      sede: 'SEDE-CREMA-HUB',
      comuneResidenza: CREMA,
      stato: 'presentata',
      versione: 1,
      presentataDa: 'operatore.crema',
      richiedente: { tipo: 'familiare', nominativo: 'Paola Ferrari' },
      esito: 'ammissibile',
      area: 'anziani',
      importoMensileCentesimi: 40_000,
      importoTotaleCentesimi: 480_000,
    });
    expect(presentata.protocollo).toMatch(new RegExp(`^CREMA-${ANNO}-\\d{6}$`));
    expect(presentata.versioni).toEqual([
      expect.objectContaining({ versione: 1, registrataDa: 'operatore.crema' }),
    ]);
    // The persona's data come from accesso, never from the request: they are in the snapshot only.
    expect(presentata.ultimaIstruttoria).toMatchObject({
      numero: 1,
      causa: 'presentazione',
      esito: 'ammissibile',
      input: { dati: { dataNascita: `${ANNO - 75}-05-10`, residenteNellAmbito: true }, mesi: 12 },
    });
    const tipi = await svc.sql<{ type: string; payload: Record<string, unknown> }>(
      `SELECT type, envelope->'payload' AS payload FROM outbox_message
        WHERE envelope->'payload'->>'istanzaId' = $1 ORDER BY created_at, type`,
      [presentata.id],
    );
    expect(tipi.map((t) => t.type).sort()).toEqual(['misure.istanza.istruita', 'misure.istanza.presentata']);
    expect(tipi.find((t) => t.type === 'misure.istanza.presentata')!.payload).toEqual({
      istanzaId: presentata.id,
      avvisoId,
      strumento: 'buono-caregiver',
      protocollo: presentata.protocollo,
      protocollataIl: presentata.protocollataIl,
      sede: 'SEDE-CREMA-HUB',
    });
    expect(tipi.find((t) => t.type === 'misure.istanza.istruita')!.payload).toMatchObject({
      esito: 'ammissibile',
      area: 'anziani',
      strumento: 'buono-caregiver',
      importoMensileCentesimi: 40_000,
      origine: 'calcolo',
    });
    // Events carry ids and codes: nothing of the person.
    expect(JSON.stringify(tipi)).not.toMatch(new RegExp(`${personaId}|Ferrari|${ANNO - 75}`));
  });

  it('lets the Ufficio di Piano register an istanza without a sede, presented by the AdS', async () => {
    const personaId = persona(svc);
    const presentata = await svc.as(ATTORI.udp)(
      presentaIstanza,
      istanza(avvisoId, personaId, {
        sede: undefined,
        richiedente: {
          tipo: 'amministratore-di-sostegno',
          nominativo: 'Avv. Luca Bassi',
          provvedimento: 'Trib. Cremona, decreto 123/2024',
        },
      }),
    );
    expect(presentata).toMatchObject({ sede: null, richiedente: { tipo: 'amministratore-di-sostegno' } });
    const senzaProvvedimento = istanza(avvisoId, persona(svc), {
      richiedente: { tipo: 'tutore', nominativo: 'Mario Rossi' },
    });
    expect(await rifiuto(svc.as(ATTORI.operatore)(presentaIstanza, senzaProvvedimento))).toBe(
      'VALIDAZIONE_FALLITA',
    );
  });

  it('refuses bad input with a stable code and writes nothing (no protocol number consumed)', async () => {
    const personaId = persona(svc);
    const gia = await svc.as(ATTORI.operatore)(presentaIstanza, istanza(avvisoId, personaId));
    const prima = await scritto();

    // Unknown strumento, for the avviso.
    expect(
      await rifiuto(
        svc.as(ATTORI.operatore)(
          presentaIstanza,
          istanza(avvisoId, persona(svc), { strumento: 'buono-vacanze' }),
        ),
      ),
    ).toBe('STRUMENTO_MISURA_SCONOSCIUTO');
    // Duplicate: same person, avviso and strumento (the constraint, after the protocol number was taken).
    expect(await rifiuto(svc.as(ATTORI.operatore)(presentaIstanza, istanza(avvisoId, personaId)))).toBe(
      'ISTANZA_GIA_PRESENTATA',
    );
    // Malformed DSU protocol.
    const dsu = await svc
      .as(ATTORI.operatore)(
        presentaIstanza,
        istanza(avvisoId, persona(svc), {}, { dsu: 'INPS-ISEE-2025-123-00' }),
      )
      .catch((e: { code: string; details: Array<{ campo: string }> }) => e);
    expect(dsu).toMatchObject({ code: 'VALIDAZIONE_FALLITA' });
    expect((dsu as { details: Array<{ campo: string }> }).details.map((d) => d.campo)).toEqual([
      'dichiarazioni.isee.0.protocolloDsu',
    ]);
    // A person accesso does not know.
    const sconosciuta = istanza(avvisoId, '00000000-0000-4000-8000-000000000001');
    expect(await rifiuto(svc.as(ATTORI.operatore)(presentaIstanza, sconosciuta))).toBe('PERSONA_NON_TROVATA');

    // An avviso not published yet, and one whose window is over.
    const bozza = await svc.as(ATTORI.udp)(creaAvviso, {
      misura: 'b2',
      annualita: ANNO,
      titolo: 'B2 in bozza',
      apertura: giorno(-1),
      chiusura: giorno(5),
      decorrenza: giorno(10),
      mesi: 6,
      graduatorie: [
        { area: 'anziani', strumento: 'buono-caregiver', linea: '7.10.1', budgetCentesimi: 1_000_000 },
      ],
    });
    expect(await rifiuto(svc.as(ATTORI.operatore)(presentaIstanza, istanza(bozza.id, persona(svc))))).toBe(
      'AVVISO_NON_PUBBLICATO',
    );
    const scaduto = await avvisoPubblicato(svc, { apertura: giorno(-30), chiusura: giorno(-1) });
    const futuro = await avvisoPubblicato(svc, { apertura: giorno(1), chiusura: giorno(30) });
    const dopoGliAvvisi = await scritto();
    for (const id of [scaduto, futuro])
      expect(await rifiuto(svc.as(ATTORI.operatore)(presentaIstanza, istanza(id, persona(svc))))).toBe(
        'ISTANZA_FUORI_FINESTRA',
      );
    expect(await scritto()).toEqual({ ...prima, eventi: dopoGliAvvisi.eventi });
    expect(Number(dopoGliAvvisi.eventi) - Number(prima.eventi)).toBe(2); // the two avvisi published
    // The next istanza takes the number after the last one given: the refusals consumed none.
    const dopo = await svc.as(ATTORI.operatore)(presentaIstanza, istanza(avvisoId, persona(svc)));
    expect(numero(dopo.protocollo)).toBe(numero(gia.protocollo) + 1);
  });

  it('refuses an istanza whose declared ISEE attestations are all expired on the day (ISEE_SCADUTO), writing nothing', async () => {
    const gia = await svc.as(ATTORI.operatore)(presentaIstanza, istanza(avvisoId, persona(svc)));
    const prima = await scritto();
    const ordinaria = (dataPresentazione: string, dsu: string) => ({
      ...istanza(avvisoId, persona(svc)).dichiarazioni.isee[0],
      dataPresentazione,
      protocolloDsu: dsu,
    });
    // An ordinary DSU of last year expired on 31 December; the rule set's corrente lasts 6 months.
    const scorsoAnno = ordinaria(`${ANNO - 1}-03-01`, `INPS-ISEE-${ANNO - 1}-00597381W-00`);
    const correnteVecchia = {
      ...ordinaria(giorno(-200), `INPS-ISEE-${ANNO}-00597382W-00`),
      tipo: 'corrente' as const,
    };
    for (const isee of [[scorsoAnno], [scorsoAnno, correnteVecchia]]) {
      const base = istanza(avvisoId, persona(svc));
      const errore = await svc
        .as(ATTORI.operatore)(presentaIstanza, { ...base, dichiarazioni: { ...base.dichiarazioni, isee } })
        .catch((e: { code: string; message: string }) => e);
      expect(errore).toMatchObject({ code: 'ISEE_SCADUTO' });
      expect((errore as { message: string }).message).toContain(
        isee.length === 1 ? `DSU ${scorsoAnno.protocolloDsu}` : `DSU ${correnteVecchia.protocolloDsu}`,
      );
      expect((errore as { message: string }).message).toContain(
        isee.length === 1 ? `scaduta il 31/12/${ANNO - 1}` : 'scaduta il',
      );
    }
    // A new version with only expired attestations is refused too; the istanza stays as it was.
    const base = istanza(avvisoId, gia.personaId);
    expect(
      await rifiuto(
        svc.as(ATTORI.operatore)(modificaIstanza, {
          id: gia.id,
          dichiarazioni: { ...base.dichiarazioni, isee: [scorsoAnno] },
          documenti: base.documenti,
        }),
      ),
    ).toBe('ISEE_SCADUTO');
    expect(await scritto()).toEqual(prima);
    // An expired attestation beside a valid one is no reason to refuse: the valid one is used.
    const valida = await svc.as(ATTORI.operatore)(presentaIstanza, {
      ...base,
      personaId: persona(svc),
      dichiarazioni: { ...base.dichiarazioni, isee: [scorsoAnno, ...base.dichiarazioni.isee] },
    });
    expect(valida.esito).toBe('ammissibile');
    expect(numero(valida.protocollo)).toBe(numero(gia.protocollo) + 1);
  });

  it('refuses roles and sedi outside the actor’s sub-ambiti', async () => {
    const prima = await scritto();
    for (const actor of [ATTORI.responsabileCrema, ATTORI.admin])
      expect(await rifiuto(svc.as(actor)(presentaIstanza, istanza(avvisoId, persona(svc))))).toBe(
        'OPERAZIONE_NON_CONSENTITA',
      );
    expect(
      await rifiuto(svc.as(ATTORI.operatorePandino)(presentaIstanza, istanza(avvisoId, persona(svc)))),
    ).toBe('FUORI_AMBITO_TERRITORIALE');
    expect(
      await rifiuto(
        svc.as(ATTORI.operatore)(presentaIstanza, istanza(avvisoId, persona(svc), { sede: undefined })),
      ),
    ).toBe('VALIDAZIONE_FALLITA');
    expect(
      await rifiuto(
        svc.as(ATTORI.operatore)(presentaIstanza, istanza(avvisoId, persona(svc), { sede: 'SEDE-X' })),
      ),
    ).toBe('SEDE_SCONOSCIUTA');
    expect(await scritto()).toEqual(prima);
  });

  it('gives concurrent presentations consecutive protocol numbers without gaps, a rolled-back one included', async () => {
    const gia = persona(svc);
    await svc.as(ATTORI.operatore)(presentaIstanza, istanza(avvisoId, gia));
    const [{ ultimo: primaDi }] = await svc.sql<{ ultimo: number }>(
      `SELECT ultimo FROM protocollo_contatore`,
    );
    const esiti = await Promise.allSettled([
      ...Array.from({ length: 6 }, () =>
        svc.as(ATTORI.operatore)(presentaIstanza, istanza(avvisoId, persona(svc))),
      ),
      // Two duplicates: each takes a number under the lock, then rolls back on the constraint.
      svc.as(ATTORI.operatore)(presentaIstanza, istanza(avvisoId, gia)),
      svc.as(ATTORI.operatore)(presentaIstanza, istanza(avvisoId, gia)),
    ]);
    const numeri = esiti
      .filter((e) => e.status === 'fulfilled')
      .map((e) => numero((e as PromiseFulfilledResult<{ protocollo: string }>).value.protocollo))
      .sort((a, b) => a - b);
    expect(numeri).toEqual(Array.from({ length: 6 }, (_, i) => primaDi + 1 + i));
    expect(
      esiti.filter((e) => e.status === 'rejected').map((e) => (e as PromiseRejectedResult).reason.code),
    ).toEqual(['ISTANZA_GIA_PRESENTATA', 'ISTANZA_GIA_PRESENTATA']);
    const [{ ultimo }] = await svc.sql<{ ultimo: number }>(`SELECT ultimo FROM protocollo_contatore`);
    expect(ultimo).toBe(primaDi + 6);
    // Protocol time grows with the number.
    const righe = await svc.sql<{ protocollo_numero: number; protocollata_il: Date }>(
      `SELECT protocollo_numero, protocollata_il FROM istanza ORDER BY protocollo_numero`,
    );
    const tempi = righe.map((r) => r.protocollata_il.getTime());
    expect([...tempi].sort((a, b) => a - b)).toEqual(tempi);
  });

  it('keeps changes before the window closes as new versions, istruite again; refuses them after', async () => {
    const personaId = persona(svc);
    const v1 = await svc.as(ATTORI.operatore)(
      presentaIstanza,
      istanza(avvisoId, personaId, {}, { iseeEuro: 31_000 }),
    );
    expect(v1.esito).toBe('non-ammissibile');
    const nuove = istanza(
      avvisoId,
      personaId,
      {},
      { iseeEuro: 18_000, dsu: `INPS-ISEE-${ANNO}-00612345X-01` },
    );
    const v2 = await svc.as(ATTORI.operatore)(modificaIstanza, {
      id: v1.id,
      dichiarazioni: nuove.dichiarazioni,
      documenti: nuove.documenti,
      note: 'ISEE corretto',
    });
    expect(v2).toMatchObject({ versione: 2, esito: 'ammissibile', protocollo: v1.protocollo });
    expect(v2.versioni.map((v) => v.versione)).toEqual([1, 2]);
    expect(v2.ultimaIstruttoria).toMatchObject({ numero: 2, causa: 'nuova-versione' });
    const versioni = await svc.sql<{ versione: number; valore: string }>(
      `SELECT versione, dati->'isee'->0->>'valoreCentesimi' AS valore FROM istanza_versione WHERE istanza_id = $1 ORDER BY versione`,
      [v1.id],
    );
    expect(versioni).toEqual([
      { versione: 1, valore: '3100000' },
      { versione: 2, valore: '1800000' },
    ]);

    // The window closes (yesterday was its last day): no more versions.
    await svc.sql(`UPDATE avviso SET chiusura = $2 WHERE id = $1`, [avvisoId, giorno(-1)]);
    try {
      const prima = await scritto();
      expect(
        await rifiuto(
          svc.as(ATTORI.operatore)(modificaIstanza, {
            id: v1.id,
            dichiarazioni: nuove.dichiarazioni,
            documenti: [],
          }),
        ),
      ).toBe('ISTANZA_FUORI_FINESTRA');
      expect(await scritto()).toEqual(prima);
    } finally {
      await svc.sql(`UPDATE avviso SET chiusura = $2 WHERE id = $1`, [avvisoId, giorno(10)]);
    }
  });

  it('reads an istanza with a declared purpose, audited; hides it outside the actor’s sedi', async () => {
    const personaId = persona(svc);
    const presentata = await svc.as(ATTORI.operatore)(presentaIstanza, istanza(avvisoId, personaId));
    const letta = await svc.as(ATTORI.operatore, 'controllo dei documenti')(leggiIstanza, {
      id: presentata.id,
    });
    expect(letta.dichiarazioni.isee[0].protocolloDsu).toBe(`INPS-ISEE-${ANNO}-00597381W-00`);
    expect(await rifiuto(svc.as(ATTORI.operatore, null, null)(leggiIstanza, { id: presentata.id }))).toBe(
      'FINALITA_MANCANTE',
    );
    expect(await rifiuto(svc.as(ATTORI.operatorePandino)(leggiIstanza, { id: presentata.id }))).toBe(
      'ISTANZA_NON_TROVATA',
    );
    expect(await rifiuto(svc.as(ATTORI.responsabileCrema)(leggiIstanza, { id: presentata.id }))).toBe(
      'OPERAZIONE_NON_CONSENTITA',
    );
    const voci = await svc.sql<Record<string, string>>(
      `SELECT utente, azione, risorsa, esito, soggetto_id, motivo, finalita, codice_errore FROM voce_audit
        WHERE risorsa_id = $1 ORDER BY il`,
      [presentata.id],
    );
    expect(voci).toEqual([
      expect.objectContaining({
        utente: 'operatore.crema',
        azione: 'presenta',
        esito: 'consentito',
        soggetto_id: personaId,
      }),
      expect.objectContaining({
        utente: 'operatore.crema',
        azione: 'leggi',
        esito: 'consentito',
        soggetto_id: personaId,
        motivo: 'controllo dei documenti',
        finalita: 'istruttoria-misure',
      }),
      expect.objectContaining({
        utente: 'operatore.pandino',
        azione: 'leggi',
        esito: 'negato',
        codice_errore: 'ISTANZA_NON_TROVATA',
      }),
    ]);
  });

  it('lists an avviso’s istanze: the sede’s for operators, residents’ outcomes for the Comune, all for the Ufficio di Piano', async () => {
    const avviso = await avvisoPubblicato(svc);
    const cremaACrema = await svc.as(ATTORI.operatore)(presentaIstanza, istanza(avviso, persona(svc, CREMA)));
    const pandinoACrema = await svc.as(ATTORI.operatore)(
      presentaIstanza,
      istanza(avviso, persona(svc, PANDINO)),
    );
    const cremaAPandino = await svc.as(ATTORI.operatorePandino)(
      presentaIstanza,
      istanza(avviso, persona(svc, CREMA), { sede: 'SEDE-PANDINO-HUB' }),
    );
    const ids = async (actor: (typeof ATTORI)[keyof typeof ATTORI]) =>
      (await svc.as(actor)(elencaIstanze, { avvisoId: avviso })).elementi.map((i) => i.id).sort();
    expect(await ids(ATTORI.operatore)).toEqual([cremaACrema.id, pandinoACrema.id].sort());
    expect(await ids(ATTORI.operatorePandino)).toEqual([cremaAPandino.id]);
    expect(await ids(ATTORI.responsabileCrema)).toEqual([cremaACrema.id, cremaAPandino.id].sort());
    expect(await ids(ATTORI.responsabilePandino)).toEqual([pandinoACrema.id]);
    expect(await ids(ATTORI.udp)).toEqual([cremaACrema.id, pandinoACrema.id, cremaAPandino.id].sort());
    const pagina = await svc.as(ATTORI.responsabileCrema)(elencaIstanze, {
      avvisoId: avviso,
      esito: 'ammissibile',
    });
    expect(pagina.elementi[0]).toMatchObject({
      esito: 'ammissibile',
      area: 'anziani',
      importoMensileCentesimi: 40_000,
    });
    expect(await rifiuto(svc.as(ATTORI.admin)(elencaIstanze, { avvisoId: avviso }))).toBe(
      'OPERAZIONE_NON_CONSENTITA',
    );

    const voci = await svc.sql<{
      azione: string;
      soggetto_id: string | null;
      criteri: Record<string, unknown> | null;
    }>(
      `SELECT azione, soggetto_id, criteri FROM voce_audit WHERE utente = 'responsabile.pandino' ORDER BY il`,
    );
    expect(voci).toEqual([
      { azione: 'elenca', soggetto_id: null, criteri: { avvisoId: avviso } },
      {
        azione: 'elenca',
        soggetto_id: svc.fonti.persone.get(pandinoACrema.personaId)!.personaId,
        criteri: null,
      },
    ]);
  });
});

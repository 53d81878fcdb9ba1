import { MISURE_RPC, type CopiaRegoleMisuraV1, type ParametriRegoleV1 } from '@ambito/contracts';
import { rifiuto, testActor } from '@ambito/testing';
import { ATTORI, startTestMisure, type TestMisure } from '../../test/misure-harness';
import { REGOLE_B2_2025, REGOLE_DOPO_DI_NOI_2025, REGOLE_PRO_VI_2025 } from './predefinite-2025';
import { RegoleIniziali } from './regole-iniziali';
import { RegoleRepository } from './regole.repository';
import { RegoleService } from './regole.service';

const { elencaRegole, leggiRegole, leggiRegoleInVigore, copiaRegole, attivaRegole } = MISURE_RPC;

const ATTI_2026 = [{ tipo: 'dgr' as const, numero: 'XII/5000', data: '2025-12-22' }];
const copia2026 = (id: string, altro: Partial<CopiaRegoleMisuraV1> = {}): CopiaRegoleMisuraV1 => ({
  id,
  annualita: 2026,
  validoDal: '2026-01-01',
  validoAl: '2026-12-31',
  atti: ATTI_2026,
  ...altro,
});

describe('regole delle misure (NATS → misure → PostgreSQL)', () => {
  let svc: TestMisure;
  let b2Id: string;
  const udp = () => svc.as(ATTORI.udp);
  const contaRighe = async () =>
    Number((await svc.sql<{ n: string }>(`SELECT count(*) AS n FROM regole_misura`))[0].n);

  beforeAll(async () => {
    svc = await startTestMisure();
    const [b2] = await udp()(elencaRegole, { misura: 'b2' });
    b2Id = b2.id;
  });
  afterAll(() => svc?.close());

  describe('the default 2025 rule sets', () => {
    it('are installed in force at start-up, one version per measure, by the system', async () => {
      const elenco = await svc.as(ATTORI.operatore)(elencaRegole, {});
      expect(elenco).toEqual(
        ['b2', 'dopo-di-noi', 'pro-vi'].map((misura) =>
          expect.objectContaining({
            misura,
            annualita: 2025,
            versione: 1,
            stato: 'in-vigore',
            creataDa: 'sistema',
            derivataDa: null,
          }),
        ),
      );
    });

    it('are installed once: a second start adds nothing', async () => {
      const prima = await contaRighe();
      await expect(svc.app.get(RegoleIniziali).installa()).resolves.toEqual([]);
      expect(await contaRighe()).toBe(prima);
    });

    it('read back whole and validated, equal to the data they were made from', async () => {
      for (const doc of [REGOLE_B2_2025, REGOLE_DOPO_DI_NOI_2025, REGOLE_PRO_VI_2025]) {
        const versione = await udp()(leggiRegoleInVigore, { misura: doc.misura, giorno: '2025-06-15' });
        expect(versione).toMatchObject({
          misura: doc.misura,
          validoDal: doc.validoDal,
          validoAl: doc.validoAl,
          atti: doc.atti,
        });
        expect(versione.parametri).toEqual(JSON.parse(JSON.stringify(doc.parametri)));
        expect(await udp()(leggiRegole, { id: versione.id })).toEqual(versione);
      }
    });

    it('lists by measure and annualità', async () => {
      expect(await udp()(elencaRegole, { misura: 'pro-vi', annualita: 2025 })).toHaveLength(1);
      expect(await udp()(elencaRegole, { annualita: 2024 })).toEqual([]);
    });
  });

  describe('copy into a bozza and activate', () => {
    let bozzaId: string;

    it('copies with new validity, acts and parameters: a bozza, not yet in force', async () => {
      const parametri = structuredClone(REGOLE_B2_2025.parametri) as ParametriRegoleV1;
      parametri.requisiti.fasce[1].isee.sogliaCentesimi = 3_000_000;
      parametri.strumenti[0].importoCentesimi = 15_000;
      const bozza = await udp()(copiaRegole, copia2026(b2Id, { parametri }));
      bozzaId = bozza.id;
      expect(bozza).toMatchObject({
        misura: 'b2',
        annualita: 2026,
        versione: 1,
        stato: 'bozza',
        validoDal: '2026-01-01',
        validoAl: '2026-12-31',
        atti: ATTI_2026,
        derivataDa: b2Id,
        creataDa: 'udp',
      });
      expect(bozza.parametri.requisiti.fasce[1].isee.sogliaCentesimi).toBe(3_000_000);
      expect(bozza.parametri.strumenti[0].importoCentesimi).toBe(15_000);
      expect(await rifiuto(udp()(leggiRegoleInVigore, { misura: 'b2', giorno: '2026-03-01' }))).toBe(
        'RISORSA_NON_TROVATA',
      );
      // The source is untouched.
      expect((await udp()(leggiRegole, { id: b2Id })).parametri.strumenti[0].importoCentesimi).toBe(10_000);
    });

    it('activates it: the version in force depends on the day', async () => {
      expect(await udp()(attivaRegole, { id: bozzaId })).toMatchObject({ id: bozzaId, stato: 'in-vigore' });
      expect((await udp()(leggiRegoleInVigore, { misura: 'b2', giorno: '2026-03-01' })).id).toBe(bozzaId);
      expect((await udp()(leggiRegoleInVigore, { misura: 'b2', giorno: '2025-12-31' })).id).toBe(b2Id);
      expect(await rifiuto(udp()(leggiRegoleInVigore, { misura: 'b2', giorno: '2027-01-01' }))).toBe(
        'RISORSA_NON_TROVATA',
      );
      expect(await rifiuto(udp()(leggiRegoleInVigore, { misura: 'b2', giorno: '2024-12-31' }))).toBe(
        'RISORSA_NON_TROVATA',
      );
    });

    it('the repository gives the other features the same version in force', async () => {
      const repo = svc.app.get(RegoleRepository);
      expect((await repo.inVigore('b2', '2026-06-30'))?.id).toBe(bozzaId);
      expect(await repo.inVigore('b2', '2030-01-01')).toBeNull();
    });

    it('numbers the next copy of the same annualità, and keeps the parameters when none are given', async () => {
      const seconda = await udp()(
        copiaRegole,
        copia2026(bozzaId, { validoDal: '2027-01-01', validoAl: null }),
      );
      expect(seconda).toMatchObject({
        annualita: 2026,
        versione: 2,
        stato: 'bozza',
        validoAl: null,
        derivataDa: bozzaId,
      });
      expect(seconda.parametri).toEqual((await udp()(leggiRegole, { id: bozzaId })).parametri);
    });

    it('refuses to activate a version that is not a bozza', async () => {
      const prima = await svc.sql(`SELECT id, stato FROM regole_misura ORDER BY id`);
      expect(await rifiuto(udp()(attivaRegole, { id: bozzaId }))).toBe('TRANSIZIONE_NON_CONSENTITA');
      expect(await svc.sql(`SELECT id, stato FROM regole_misura ORDER BY id`)).toEqual(prima);
    });
  });

  describe('overlapping validity', () => {
    it('refuses a bozza overlapping a version in force, with its code, and leaves it a bozza', async () => {
      const bozza = await udp()(copiaRegole, {
        id: b2Id,
        annualita: 2025,
        validoDal: '2025-07-01',
        validoAl: null,
        atti: [{ tipo: 'delibera-assemblea', numero: '12/2025', data: '2025-06-20' }],
      });
      expect(bozza.versione).toBe(2);
      const errore = await udp()(attivaRegole, { id: bozza.id }).catch((e: unknown) => e);
      expect(errore).toMatchObject({
        code: 'REGOLE_SOVRAPPOSTE',
        message:
          'La bozza (dal 01/07/2025 senza termine) si sovrappone alla versione 1 del 2025 in vigore dal 01/01/2025 al 31/12/2025.',
      });
      expect(await svc.sql(`SELECT stato FROM regole_misura WHERE id = $1`, [bozza.id])).toEqual([
        { stato: 'bozza' },
      ]);
    });

    it('concurrent activations of overlapping bozze: exactly one is put in force', async () => {
      const [pv] = await udp()(elencaRegole, { misura: 'pro-vi' });
      const bozze = [];
      for (let i = 0; i < 6; i++)
        bozze.push(
          await udp()(copiaRegole, {
            id: pv.id,
            annualita: 2027,
            validoDal: `2027-0${i + 1}-01`,
            validoAl: '2027-12-31',
            atti: ATTI_2026,
          }),
        );
      // Through NATS the requests arrive a few milliseconds apart; straight to the service they start
      // together, on as many connections, which is the race the measure's lock closes.
      const servizio = svc.app.get(RegoleService);
      const esiti = await Promise.allSettled([
        ...bozze.slice(0, 3).map((b) => servizio.attiva({ id: b.id })),
        ...bozze.slice(3).map((b) => udp()(attivaRegole, { id: b.id })),
      ]);
      expect(esiti.filter((e) => e.status === 'fulfilled')).toHaveLength(1);
      for (const e of esiti.filter((x): x is PromiseRejectedResult => x.status === 'rejected'))
        expect(e.reason).toMatchObject({ code: 'REGOLE_SOVRAPPOSTE' });
      const inVigore = await svc.sql(
        `SELECT id FROM regole_misura WHERE misura = 'pro-vi' AND annualita = 2027 AND stato = 'in-vigore'`,
      );
      expect(inVigore).toHaveLength(1);
    });
  });

  describe('roles and bad input', () => {
    it('lets only the Ufficio di Piano copy and activate; every user reads', async () => {
      const responsabile = testActor('resp.crema', ['responsabile-comune']);
      expect(await rifiuto(svc.as(ATTORI.operatore)(copiaRegole, copia2026(b2Id)))).toBe(
        'OPERAZIONE_NON_CONSENTITA',
      );
      expect(await rifiuto(svc.as(ATTORI.admin)(copiaRegole, copia2026(b2Id)))).toBe(
        'OPERAZIONE_NON_CONSENTITA',
      );
      expect(await rifiuto(svc.as(responsabile)(attivaRegole, { id: b2Id }))).toBe(
        'OPERAZIONE_NON_CONSENTITA',
      );
      expect((await svc.as(responsabile)(leggiRegole, { id: b2Id })).misura).toBe('b2');
      const rifiuti = await svc.sql(
        `SELECT utente, codice_errore FROM voce_audit WHERE risorsa = 'regole' ORDER BY utente`,
      );
      expect(rifiuti).toEqual(
        expect.arrayContaining([
          { utente: 'operatore.crema', codice_errore: 'OPERAZIONE_NON_CONSENTITA' },
          { utente: 'resp.crema', codice_errore: 'OPERAZIONE_NON_CONSENTITA' },
        ]),
      );
    });

    it.each([
      ['validity ending before it starts', { validoAl: '2025-12-31' }, 'validoAl'],
      ['no act', { atti: [] }, 'atti'],
      ['an impossible day', { validoDal: '2026-02-30' }, 'validoDal'],
    ])('refuses %s with its code and writes nothing', async (_caso, altro, campo) => {
      const prima = await contaRighe();
      const errore = await udp()(copiaRegole, copia2026(b2Id, altro as Partial<CopiaRegoleMisuraV1>)).catch(
        (e: unknown) => e,
      );
      expect(errore).toMatchObject({
        code: 'VALIDAZIONE_FALLITA',
        details: expect.arrayContaining([expect.objectContaining({ campo })]),
      });
      expect(await contaRighe()).toBe(prima);
    });

    it('refuses parameters that break the document’s classes, and writes nothing', async () => {
      const prima = await contaRighe();
      const parametri = structuredClone(REGOLE_B2_2025.parametri) as ParametriRegoleV1;
      parametri.requisiti.fasce[0].isee.sogliaCentesimi = -1;
      (parametri.strumenti[0] as { codice: string }).codice = 'Buono Caregiver';
      const errore = await udp()(copiaRegole, copia2026(b2Id, { parametri })).catch((e: unknown) => e);
      expect(errore).toMatchObject({
        code: 'VALIDAZIONE_FALLITA',
        details: expect.arrayContaining([
          expect.objectContaining({ campo: 'parametri.requisiti.fasce.0.isee.sogliaCentesimi' }),
          expect.objectContaining({ campo: 'parametri.strumenti.0.codice' }),
        ]),
      });
      expect(await contaRighe()).toBe(prima);
    });

    it('refuses an unknown version', async () => {
      const ignoto = '00000000-0000-4000-8000-00000000abcd';
      expect(await rifiuto(udp()(leggiRegole, { id: ignoto }))).toBe('RISORSA_NON_TROVATA');
      expect(await rifiuto(udp()(copiaRegole, copia2026(ignoto)))).toBe('RISORSA_NON_TROVATA');
      expect(await rifiuto(udp()(attivaRegole, { id: ignoto }))).toBe('RISORSA_NON_TROVATA');
    });

    it('refuses a stored document that no longer validates, rather than judging with it', async () => {
      const bozza = await udp()(
        copiaRegole,
        copia2026(b2Id, { annualita: 2030, validoDal: '2030-01-01', validoAl: null }),
      );
      await svc.sql(
        `UPDATE regole_misura SET parametri = jsonb_set(parametri, '{sollievo,giorniMassimiAdulti}', '"sessanta"') WHERE id = $1`,
        [bozza.id],
      );
      const errore = await udp()(leggiRegole, { id: bozza.id }).catch((e: unknown) => e);
      expect(errore).toMatchObject({
        code: 'REGOLE_NON_VALIDE',
        message: 'Le regole b2 2030 versione 1 salvate non sono valide: correggerle con una nuova versione.',
      });
      expect(await rifiuto(udp()(attivaRegole, { id: bozza.id }))).toBe('REGOLE_NON_VALIDE');
    });
  });
});

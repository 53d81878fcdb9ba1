import { DataSource } from 'typeorm';
import { COMPETENZE_ASSISTENTE, type Convivenza } from '@ambito/contracts';
import {
  startTestAssistentiFamiliari,
  type TestAssistentiFamiliari,
} from '../../test/assistenti-familiari-harness';
import { iscriviDiProva } from '../../test/registro-di-prova';
import { abbina, type BisognoFamiglia, type SchedaCandidata } from './abbinamento';
import { classificaCandidati } from './classifica.sql';
import { grigliaDaSlot } from './griglia-oraria';
import { pesiInVigore, type PesiAbbinamento } from './pesi';

/*
 * The ranking in SQL (classifica.sql.ts) must be the pure engine's: same candidates, same order, same
 * scores, same exclusions by reason, on a sample of varied schede and needs (seeded, so a failure
 * repeats). The engine's own tests (abbinamento.spec.ts) say what the scores mean.
 */

const REGISTRI = ['CREMA', 'AT-OGLIO-PO'];
const COMUNI = ['019021', '019052', '019061', '019031', '019009', '020066', '020007', '020043'];
const SUB_AMBITI: Record<string, { codice: string; comuni: string[] }> = {
  '019021': { codice: 'SA-CASALMAGGIORE', comuni: ['019021'] },
  '019052': { codice: 'SA-MUNICIPIA-ASSE-PO', comuni: ['019031', '019052', '019061'] },
  '020066': { codice: 'SA-VIADANESE', comuni: ['020007', '020043', '020066'] },
};
const LINGUE = ['ro', 'uk', 'es', 'ar', 'ru', 'sq', 'it'];
const SPORTELLI = ['SPORTELLO-AF-CASALMAGGIORE', 'SPORTELLO-AF-VIADANA'];

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
  const alcuni = <T>(da: readonly T[], max: number): T[] =>
    [...da].sort(() => r() - 0.5).slice(0, intero(max + 1));
  /** 0–3 blocks of hours on random days. */
  const ore = (): number[] => {
    const slot = new Set<number>();
    for (let b = intero(4); b > 0; b--) {
      const giorni = alcuni([0, 1, 2, 3, 4, 5, 6], 7);
      const dalle = intero(20);
      const alle = dalle + 1 + intero(Math.min(10, 24 - dalle));
      for (const g of giorni) for (let h = dalle; h < alle; h++) slot.add(g * 24 + h);
    }
    return [...slot].sort((x, y) => x - y);
  };
  return { r, intero, alcuni, ore };
}

describe('the matching in SQL agrees with the pure engine', () => {
  let svc: TestAssistentiFamiliari;
  let dataSource: DataSource;
  const schede: SchedaCandidata[] = [];
  const pesi: PesiAbbinamento = pesiInVigore('2026-06-15');

  beforeAll(async () => {
    svc = await startTestAssistentiFamiliari();
    dataSource = svc.app.get(DataSource);
    const g = generatore(11);
    for (let n = 0; n < 240; n++) {
      const aree = g.alcuni(COMUNI, 3);
      // Some serve a whole sub-ambito or the whole ambito by its code.
      if (n % 17 === 0) aree.push('SA-VIADANESE');
      if (n % 23 === 0) aree.push(n % 2 ? 'CREMA' : 'AT-OGLIO-PO');
      const scheda = {
        registro: REGISTRI[n % 7 === 0 ? 1 : 0],
        sportello: SPORTELLI[n % 2],
        competenze: g.alcuni(COMPETENZE_ASSISTENTE, 6),
        lingue: g.alcuni(LINGUE, 3),
        aree,
        convivente: g.r() < 0.3,
        disponibilita: g.ore(),
        stato: n % 19 === 0 ? ('sospesa' as const) : ('attiva' as const),
      };
      const { iscrizioneId } = await iscriviDiProva(svc, scheda);
      if (scheda.stato === 'attiva')
        schede.push({
          assistenteId: iscrizioneId,
          sportello: scheda.sportello,
          competenze: scheda.competenze,
          lingue: scheda.lingue,
          aree: scheda.aree,
          convivenza: scheda.convivente,
          disponibilita: grigliaDaSlot(scheda.disponibilita),
        });
    }
  });
  afterAll(() => svc?.close());

  const bisogni = (): BisognoFamiglia[] => {
    const g = generatore(7);
    const convivenze: Convivenza[] = ['indifferente', 'gradita', 'necessaria'];
    return Array.from({ length: 24 }, (_, n) => {
      const comune = Object.keys(SUB_AMBITI)[n % 3];
      const competenze = g.alcuni(COMPETENZE_ASSISTENTE, 4);
      return {
        comune,
        subAmbito: SUB_AMBITI[comune].codice,
        comuniSubAmbito: SUB_AMBITI[comune].comuni,
        ambito: 'CREMA',
        ambitiEquivalenti: REGISTRI,
        // One in six with no hours at all (the availability counts as full).
        orari: grigliaDaSlot(n % 6 === 5 ? [] : g.ore()),
        convivenza: convivenze[n % 3],
        competenze,
        competenzeIndispensabili: competenze.slice(0, g.intero(2)),
        lingue: g.alcuni(LINGUE, 2),
      };
    });
  };

  it('ranks, scores and excludes as the engine does, need after need', async () => {
    let confrontati = 0;
    for (const bisogno of bisogni()) {
      const puro = abbina(bisogno, schede, pesi);
      const sql = await classificaCandidati(dataSource.manager, {
        registri: REGISTRI,
        bisogno,
        pesi,
        limite: 1000,
      });
      expect(sql.valutate).toBe(schede.length);
      expect(sql.esclusi).toEqual(puro.esclusi);
      expect(sql.migliori.map((s) => [s.iscrizione_id, s.punteggio])).toEqual(
        puro.candidati.map((c) => [c.assistenteId, c.punteggio]),
      );
      confrontati += puro.candidati.length;
    }
    // The sample is worth something: many candidates ranked, every filter excluding some.
    expect(confrontati).toBeGreaterThan(500);
    const tutti = bisogni().map((b) => abbina(b, schede, pesi).esclusi);
    for (const motivo of Object.keys(tutti[0]) as Array<keyof (typeof tutti)[0]>)
      expect(tutti.some((e) => e[motivo] > 0)).toBe(true);
  });

  it('cuts at the limit where the engine cuts, ties broken alike', async () => {
    const bisogno = { ...bisogni()[0], competenze: [], competenzeIndispensabili: [], lingue: [] };
    const puro = abbina(bisogno, schede, pesi, 7);
    const sql = await classificaCandidati(dataSource.manager, {
      registri: REGISTRI,
      bisogno,
      pesi,
      limite: 7,
    });
    expect(sql.migliori.map((s) => s.iscrizione_id)).toEqual(puro.candidati.map((c) => c.assistenteId));
    // Equal scores are frequent with nothing asked but hours and area: the order among them is the id's.
    expect(new Set(puro.candidati.map((c) => c.punteggio)).size).toBeLessThan(7);
  });
});

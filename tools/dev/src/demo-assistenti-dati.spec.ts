import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  CAMPI_PUBBLICABILI,
  COMPETENZE_ASSISTENTE,
  PresentaCandidaturaV1,
  RegistraRichiestaV1,
  type TerritorioV1,
} from '@ambito/contracts';
import { CodiceFiscale } from '@ambito/kernel';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { assistentiDemo, codiceFiscaleDemo, richiesteDemo } from './demo-assistenti-dati';
import { ASSISTENTI_DEMO, RICHIESTE_DEMO } from './demo-assistenti';

/** The two demo territori as the services load them (libs/territorio/src/seed). */
const territorio = (file: string) =>
  JSON.parse(
    readFileSync(path.resolve(__dirname, '../../../libs/territorio/src/seed', file), 'utf8'),
  ) as TerritorioV1;
const CREMASCO = territorio('ambito-cremasco.v1.json');
const OGLIO_PO = territorio('ambito-oglio-po.v1.json');
const OGGI = '2026-11-30';
const errori = (classe: new () => object, dato: object) =>
  validateSync(plainToInstance(classe, dato), { whitelist: true, forbidNonWhitelisted: true }).map(String);

describe('the demo registro degli assistenti familiari', () => {
  it.each([
    ['Cremasco', CREMASCO, ['SPORTELLO-AF-CREMA']],
    ['Oglio Po', OGLIO_PO, ['SPORTELLO-AF-CASALMAGGIORE', 'SPORTELLO-AF-VIADANA']],
  ])('%s: a few hundred valid candidature at its sportelli, varied', (_, t, sportelli) => {
    const assistenti = assistentiDemo(t, ASSISTENTI_DEMO, OGGI);
    expect(assistenti).toHaveLength(300);
    const comuni = new Set(t.comuni.map((c) => c.istat));
    for (const { candidatura } of assistenti) {
      expect(errori(PresentaCandidaturaV1, candidatura)).toEqual([]);
      expect(() => CodiceFiscale.parse(candidatura.assistente.codiceFiscale)).not.toThrow();
      expect(candidatura.scheda.aree.every((a) => comuni.has(a))).toBe(true);
      expect(sportelli).toContain(candidatura.sportello);
    }
    // Nobody twice (one live iscrizione per person and registro).
    expect(new Set(assistenti.map((a) => a.candidatura.assistente.codiceFiscale)).size).toBe(300);
    // Every sportello, every competence, EU and non-EU, live-in or not, each consent choice.
    expect(new Set(assistenti.map((a) => a.candidatura.sportello))).toEqual(new Set(sportelli));
    expect(new Set(assistenti.flatMap((a) => a.candidatura.scheda.competenze))).toEqual(
      new Set(COMPETENZE_ASSISTENTE),
    );
    const nonUe = assistenti.filter((a) => a.candidatura.dichiarazioni.permessoSoggiorno);
    expect(nonUe.length).toBeGreaterThan(100);
    expect(nonUe.length).toBeLessThan(250);
    expect(new Set(assistenti.map((a) => a.candidatura.scheda.convivente))).toEqual(new Set([true, false]));
    expect(new Set(assistenti.flatMap((a) => a.consenso))).toEqual(new Set(CAMPI_PUBBLICABILI));
    expect(assistenti.some((a) => a.consenso.length === 0)).toBe(true);
    expect(new Set(assistenti.map((a) => a.decisione))).toEqual(
      new Set(['iscrivi', 'respingi', 'in-attesa']),
    );
    expect(new Set(assistenti.map((a) => a.poi))).toEqual(
      new Set([undefined, 'revoca-consenso', 'cancellazione']),
    );
    // The same people at every start.
    expect(assistentiDemo(t, ASSISTENTI_DEMO, OGGI)).toEqual(assistenti);
  });

  it('makes other people for another territorio (the registro code may be the same)', () => {
    const cf = (t: typeof CREMASCO) =>
      new Set(assistentiDemo(t, ASSISTENTI_DEMO, OGGI).map((a) => a.candidatura.assistente.codiceFiscale));
    const cremasco = cf(CREMASCO);
    expect([...cf(OGLIO_PO)].filter((c) => cremasco.has(c))).toEqual([]);
  });

  it('writes codici fiscali by the usual rules', () => {
    expect(
      codiceFiscaleDemo({
        cognome: 'Rossi',
        nome: 'Maria',
        dataNascita: '1941-03-12',
        donna: true,
        belfiore: 'D142',
      }),
    ).toBe('RSSMRA41C52D142R');
  });

  it.each([
    ['Cremasco', CREMASCO],
    ['Oglio Po', OGLIO_PO],
  ])('%s: richieste of families in its comuni, a few to end in a contract', (_, t) => {
    const richieste = richiesteDemo(t, RICHIESTE_DEMO, OGGI);
    const comuni = new Set(t.comuni.map((c) => c.istat));
    for (const { richiesta } of richieste) {
      expect(
        errori(RegistraRichiestaV1, { ...richiesta, personaId: '3f1c6a52-8f7e-4d8b-9a51-0b6f7c2d9e10' }),
      ).toEqual([]);
      expect(comuni.has(richiesta.comune)).toBe(true);
      expect(richiesta.dataInizio > OGGI).toBe(true);
    }
    expect(new Set(richieste.map((r) => r.richiesta.convivenza))).toEqual(
      new Set(['indifferente', 'gradita', 'necessaria']),
    );
    expect(richieste.filter((r) => r.contratto).length).toBeGreaterThanOrEqual(3);
  });
});

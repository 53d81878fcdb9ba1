import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TerritorioV1 } from '@ambito/contracts';
import {
  DEFAULT_TERRITORIO_FILE,
  TerritorioNonValidoError,
  checkTerritorio,
  loadTerritorioFile,
  problemaTerritorioInProduzione,
} from './territorio-file';

describe('territorio file', () => {
  const seed = loadTerritorioFile();

  it('ships the Ambito Cremasco: 48 comuni of the province of Cremona, each in one sub-ambito', () => {
    expect(seed.comuni).toHaveLength(48);
    expect(new Set(seed.comuni.map((c) => c.provincia))).toEqual(new Set(['CR']));
    expect(seed.comuni.find((c) => c.denominazione === 'Crema')).toMatchObject({
      istat: '019035',
      belfiore: 'D142',
    });
    expect(seed.subAmbiti.map((s) => s.codice).sort()).toEqual([
      'SA-CASTELLEONE',
      'SA-CREMA',
      'SA-PANDINO',
      'SA-RIVOLTA',
      'SA-SONCINO',
    ]);
    expect(seed.sedi.filter((s) => s.funzioni?.includes('equipe'))).toHaveLength(5);
    expect(seed.sedi.filter((s) => s.funzioni?.includes('equipe')).every((s) => s.tipo === 'hub')).toBe(true);
  });

  it('marks the invented sub-ambiti and sedi of the Cremasco demo as illustrative', () => {
    expect(seed.illustrativo?.sezioni).toEqual(['subAmbiti', 'sedi']);
    expect(seed.illustrativo?.nota).toMatch(/dimostrativ/);
  });

  it('gives every sede its functions, with Tutela minori and the Presidio itinerante at ambito level', () => {
    for (const s of seed.sedi) expect(s.funzioni?.length).toBeGreaterThan(0);
    expect(seed.sedi.find((s) => s.funzioni?.includes('tutela-minori'))).toMatchObject({
      livello: 'ambito',
      funzioni: expect.arrayContaining(['servizi-ambito']),
    });
    expect(seed.sedi.find((s) => s.funzioni?.includes('presidio-itinerante'))).toMatchObject({
      livello: 'ambito',
      itinerante: true,
    });
    expect(seed.sedi.filter((s) => s.livello !== 'ambito').map((s) => s.tipo)).toEqual(
      expect.arrayContaining(['hub', 'spoke']),
    );
  });

  it('has one sportello assistenti familiari in the Cremasco demo, keeping the ambito’s registro', () => {
    expect(seed.sedi.filter((s) => s.funzioni?.includes('sportello-assistenti-familiari'))).toEqual([
      expect.objectContaining({ codice: 'SPORTELLO-AF-CREMA', subAmbito: 'SA-CREMA', livello: 'ambito' }),
    ]);
  });

  describe('the two ambiti, through the same loader', () => {
    const OGLIO_PO = path.join(__dirname, 'seed', 'ambito-oglio-po.v1.json');
    const files = [DEFAULT_TERRITORIO_FILE, OGLIO_PO];

    it.each(files.map((f) => [path.basename(f), f]))('loads %s without problems', (_, file) => {
      const t = loadTerritorioFile(file);
      expect(checkTerritorio(t)).toEqual([]);
      expect(t.illustrativo?.nota).toBeTruthy();
      for (const s of t.sedi) expect(s.funzioni?.length).toBeGreaterThan(0);
    });

    it('ships the Ambito Oglio Po: Casalasco (CR) and Viadanese (MN), two managing bodies, two ASST', () => {
      const t = loadTerritorioFile(OGLIO_PO);
      expect(t.ambito.codice).toBe('AT-OGLIO-PO');
      expect(t.ambito.distretti).toEqual([
        expect.objectContaining({
          codice: 'CASALASCO',
          enteGestore: expect.stringMatching(/Con\.Ca\.S\.S\./),
        }),
        expect.objectContaining({ codice: 'VIADANESE', enteGestore: expect.stringMatching(/ASCOP/) }),
      ]);
      expect(t.ambito.asst).toEqual(['ASST di Cremona', 'ASST di Mantova']);
      const provincia = (p: string) => t.comuni.filter((c) => c.provincia === p);
      expect(provincia('MN')).toHaveLength(10);
      expect(provincia('MN').every((c) => c.subAmbito === 'SA-VIADANESE')).toBe(true);
      // the 20 comuni of seed 004 (2015) after the mergers of 2019: Piadena + Drizzona, Torre de' Picenardi + Ca' d'Andrea
      expect(provincia('CR')).toHaveLength(18);
      const comune = (nome: string) => t.comuni.find((c) => c.denominazione === nome);
      expect(comune('Piadena Drizzona')).toMatchObject({
        istat: '019116',
        belfiore: 'M418',
        subAmbito: 'SA-AC12',
      });
      expect(comune("Torre de' Picenardi")).toMatchObject({ istat: '019107', subAmbito: 'SA-AC12' });
      expect(comune('Casalmaggiore')).toMatchObject({ istat: '019021', subAmbito: 'SA-CASALMAGGIORE' });
      expect(comune('Viadana')).toMatchObject({ istat: '020066', belfiore: 'L826' });
      expect(comune('Piadena')).toBeUndefined();
      expect(comune("Ca' d'Andrea")).toBeUndefined();
      expect(t.subAmbiti.map((s) => [s.codice, s.distretto])).toEqual([
        ['SA-FOEDUS', 'CASALASCO'],
        ['SA-PALVARETA-NOVA', 'CASALASCO'],
        ['SA-AC12', 'CASALASCO'],
        ['SA-MUNICIPIA-ASSE-PO', 'CASALASCO'],
        ['SA-CASALMAGGIORE', 'CASALASCO'],
        ['SA-VIADANESE', 'VIADANESE'],
      ]);
      expect(
        t.sedi.filter((s) => s.funzioni?.includes('sportello-assistenti-familiari')).map((s) => s.comune),
      ).toEqual(['019021', '020066']);
    });
  });

  describe('in production', () => {
    it('needs a territorio file and refuses an illustrative one', () => {
      expect(problemaTerritorioInProduzione(undefined, 'development')).toBeNull();
      expect(problemaTerritorioInProduzione(DEFAULT_TERRITORIO_FILE, 'test')).toBeNull();
      expect(problemaTerritorioInProduzione(undefined, 'production')).toMatch(/obbligatorio in produzione/);
      expect(problemaTerritorioInProduzione(DEFAULT_TERRITORIO_FILE, 'production')).toMatch(
        /dati illustrativi \(subAmbiti, sedi\) e non può essere usato in produzione/,
      );
      const file = path.join(mkdtempSync(path.join(tmpdir(), 'territorio-')), 'reale.json');
      const { illustrativo: _, ...reale } = seed;
      writeFileSync(file, JSON.stringify(reale));
      expect(problemaTerritorioInProduzione(file, 'production')).toBeNull();
      writeFileSync(file, '{');
      expect(problemaTerritorioInProduzione(file, 'production')).toMatch(/illeggibile/);
    });
  });

  const broken = (change: (t: TerritorioV1) => void) => {
    const copy = structuredClone(seed);
    change(copy);
    return checkTerritorio(copy);
  };

  it.each([
    ['a repeated ISTAT code', (t: TerritorioV1) => (t.comuni[1].istat = t.comuni[0].istat), /ripetuto/],
    [
      'a comune in an unknown sub-ambito',
      (t: TerritorioV1) => (t.comuni[0].subAmbito = 'SA-X'),
      /sconosciuto/,
    ],
    ['a sede outside its sub-ambito', (t: TerritorioV1) => (t.sedi[0].comune = '019097'), /non appartiene/],
    [
      'a capofila outside its sub-ambito',
      (t: TerritorioV1) => (t.subAmbiti[0].comuneCapofila = '019097'),
      /capofila/,
    ],
    ['opening hours backwards', (t: TerritorioV1) => (t.sedi[0].orari[0].alle = '08:00'), /orari/],
    ['a population of zero', (t: TerritorioV1) => (t.comuni[0].popolazione = 0), /popolazione/],
    [
      'an unknown sede function',
      (t: TerritorioV1) => (t.sedi[0].funzioni = ['bar' as 'equipe']),
      /funzioni tra/,
    ],
    [
      'an équipe office that is not a hub',
      (t: TerritorioV1) => (t.sedi[1].funzioni = ['equipe']),
      /è un hub/,
    ],
    ['an unknown level', (t: TerritorioV1) => (t.sedi[0].livello = 'x' as 'ambito'), /livello/],
    [
      'an illustrative mark without its note',
      (t: TerritorioV1) => (t.illustrativo = { sezioni: ['sedi'], nota: '' }),
      /illustrativo/,
    ],
    [
      'a sub-ambito in an unknown district',
      (t: TerritorioV1) => (t.subAmbiti[0].distretto = 'D-X'),
      /distretto D-X sconosciuto/,
    ],
  ])('finds %s', (_, change, problem) => {
    expect(broken(change).join('\n')).toMatch(problem);
  });

  it('stops the start-up with every problem listed when the file is wrong', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'territorio-')), 't.json');
    writeFileSync(
      file,
      JSON.stringify({ ...seed, versione: '', sedi: [{ ...seed.sedi[0], subAmbito: 'SA-X' }] }),
    );
    expect(() => loadTerritorioFile(file)).toThrow(TerritorioNonValidoError);
    expect(() => loadTerritorioFile(file)).toThrow(/versione obbligatoria[\s\S]*SA-X sconosciuto/);
    writeFileSync(file, '{');
    expect(() => loadTerritorioFile(file)).toThrow(/illeggibile/);
  });
});

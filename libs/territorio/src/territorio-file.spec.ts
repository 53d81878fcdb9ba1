import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TerritorioV1 } from '@ambito/contracts';
import { TerritorioNonValidoError, checkTerritorio, loadTerritorioFile } from './territorio-file';

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
    expect(seed.sedi.filter((s) => s.tipo === 'hub')).toHaveLength(5);
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

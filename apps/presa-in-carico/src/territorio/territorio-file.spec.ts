import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TerritorioService } from './territorio.service';
import { TerritorioNonValidoError, loadTerritorioFile } from '@ambito/territorio';

describe('territorio file', () => {
  it('routes every comune of the Ambito Cremasco seed to its sub-ambito', () => {
    const territorio = new TerritorioService(loadTerritorioFile());
    expect(territorio.subAmbito('019035')).toBe('SA-CREMA');
    expect(territorio.subAmbito('019067')).toBe('SA-PANDINO');
    expect(territorio.subAmbito('019025')).toBe('SA-CASTELLEONE');
    expect(territorio.subAmbito('015146')).toBeNull();
  });

  it('refuses a file whose comune points to an unknown sub-ambito', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'territorio-')), 't.json');
    writeFileSync(
      file,
      JSON.stringify({
        versione: 'x',
        subAmbiti: [{ codice: 'SA-A', denominazione: 'A' }],
        comuni: [{ istat: '019035', denominazione: 'Crema', subAmbito: 'SA-B', popolazione: 1 }],
      }),
    );
    expect(() => loadTerritorioFile(file)).toThrow(TerritorioNonValidoError);
    expect(() => loadTerritorioFile(file)).toThrow(/sub-ambito SA-B sconosciuto/);
  });
});

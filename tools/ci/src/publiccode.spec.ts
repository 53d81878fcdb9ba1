import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { problemiPubliccode } from './publiccode';

const root = path.resolve(__dirname, '../../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
// The SPDX identifiers of the licences the standard's examples and this repository use (the SPDX list
// is not among the installed packages).
const SPDX = new Set([
  'EUPL-1.2',
  'AGPL-3.0-or-later',
  'GPL-3.0-or-later',
  'LGPL-3.0-or-later',
  'MIT',
  'Apache-2.0',
  'BSD-3-Clause',
  'CC0-1.0',
  'CC-BY-4.0',
]);
const spdx = (id: string) => SPDX.has(id);

describe('publiccode.yml (Developers Italia standard)', () => {
  const doc = parse(read('publiccode.yml')) as Record<string, unknown>;
  const pkg = JSON.parse(read('package.json')) as {
    version: string;
    license: string;
    repository: { url: string };
  };

  it('follows the standard', () => {
    expect(problemiPubliccode(doc, spdx)).toEqual([]);
  });

  it('says what package.json, the LICENSE and the CHANGELOG say', () => {
    expect(doc.softwareVersion).toBe(pkg.version);
    expect((doc.legal as { license: string }).license).toBe(pkg.license);
    expect(doc.url).toBe(pkg.repository.url);
    expect(read('LICENSE')).toContain('EUROPEAN UNION PUBLIC LICENCE v. 1.2');
    expect(read('CHANGELOG.md')).toContain(`## [${pkg.version}] - ${String(doc.releaseDate)}`);
    expect(Object.keys(doc.description as object).sort()).toEqual(['en', 'it']);
  });

  it('finds what the standard refuses', () => {
    const broken = {
      ...doc,
      developmentStatus: 'alpha',
      categories: ['case-management'],
      legal: { license: 'EUPL' },
      maintenance: { type: 'community' },
      description: {
        it: { shortDescription: 'x'.repeat(151), longDescription: 'troppo breve', features: [] },
      },
      localisation: { availableLanguages: ['it'] },
    };
    expect(problemiPubliccode(broken, spdx)).toEqual([
      expect.stringContaining('categories: "case-management"'),
      expect.stringContaining('developmentStatus'),
      expect.stringContaining('shortDescription'),
      expect.stringContaining('longDescription'),
      expect.stringContaining('features'),
      expect.stringContaining('legal.license'),
      expect.stringContaining('maintenance.contacts'),
      expect.stringContaining('localisationReady'),
    ]);
  });
});

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { creaAmbito } from './nuovo-ambito';
import { kustomize } from './kustomize';
import { problemiSchema } from './schemi';
import { AMBITI, ROOT, overlays, verificaOverlay } from './verifica';

/** Every ambito's overlays through `kubectl kustomize`, the Kubernetes schemas and the rules. */
const kubectl = spawnSync('kubectl', ['version', '--client'], { stdio: 'ignore' }).status === 0;
if (!kubectl) console.warn('MANIFEST KUBERNETES NON VERIFICATI: kubectl non è installato');
const describeK8s = kubectl ? describe : describe.skip;

describeK8s('the Kubernetes overlays', () => {
  it.each(overlays().map((dir) => path.relative(ROOT, dir)))('%s renders and validates', async (dir) => {
    const { documenti, problemi } = await verificaOverlay(path.join(ROOT, dir));
    expect(problemi).toEqual([]);
    expect(documenti).toBeGreaterThan(30);
  });

  it('the schemas catch what kustomize lets through', () => {
    const [deployment] = kustomize(path.join(AMBITI, 'oglio-po/production')).filter(
      (d) => d.kind === 'Deployment',
    );
    const rotto = JSON.parse(JSON.stringify(deployment)) as { spec: { replicas: unknown } };
    rotto.spec.replicas = 'due';
    expect(problemiSchema([deployment])).toEqual([]);
    expect(problemiSchema([rotto as never])).toEqual([expect.stringContaining('replicas')]);
    expect(problemiSchema([{ apiVersion: 'apps/v1', kind: 'Deploymnet', metadata: { name: 'x' } }])).toEqual([
      expect.stringContaining('tipo sconosciuto'),
    ]);
  });

  describe('a new ambito in one step', () => {
    const ambito = `prova-${process.pid}`;
    const cartella = path.join(AMBITI, ambito);
    afterAll(() => rmSync(cartella, { recursive: true, force: true }));

    it('writes its territorio, overlays and secrets to fill in, and both overlays validate', async () => {
      const { avvisi } = creaAmbito({
        ambito,
        territorio: path.join(ROOT, 'libs/territorio/src/seed/ambito-oglio-po.v1.json'),
        host: 'servizi.oglio-po.example.it',
        postgres: '10.20.0.5/32',
        registro: 'registry.example.it/ambito',
        versione: '1.2.3',
      });
      for (const f of [
        'ambito/territorio.json',
        'ambito/kustomization.yaml',
        'demo/kustomization.yaml',
        'production/kustomization.yaml',
        'SEGRETI.md',
      ])
        expect(existsSync(path.join(cartella, f))).toBe(true);
      expect(avvisi).toEqual([
        expect.stringContaining('illustrativi'),
        expect.stringContaining('fornitore di identità'),
      ]);
      expect(readFileSync(path.join(cartella, 'SEGRETI.md'), 'utf8')).toContain('`misure`');

      const produzione = kustomize(path.join(cartella, 'production'));
      const config = produzione.find(
        (d) => d.kind === 'ConfigMap' && d.metadata?.name?.startsWith('ambito-config'),
      );
      expect(config?.data).toMatchObject({ AMBITO_CODICE: 'AT-OGLIO-PO', NODE_ENV: 'production' });
      const territorio = produzione.find((d) => d.metadata?.name?.startsWith('ambito-territorio'));
      expect(JSON.parse(territorio!.data!['territorio.json'])).toMatchObject({
        ambito: { codice: 'AT-OGLIO-PO' },
      });
      expect(
        produzione.every((d) => d.metadata?.namespace === `ambito-${ambito}` || d.kind === undefined),
      ).toBe(true);
      expect(JSON.stringify(produzione)).toContain('registry.example.it/ambito/accesso:1.2.3');
      expect(JSON.stringify(produzione)).toContain('10.20.0.5/32');
      for (const overlay of ['demo', 'production'])
        expect((await verificaOverlay(path.join(cartella, overlay))).problemi).toEqual([]);
    });

    it('refuses an invalid territorio file before writing anything', () => {
      const rotto = path.join(cartella, '..', `${ambito}-rotto.json`);
      writeFileSync(rotto, JSON.stringify({ ambito: { codice: 'X' }, comuni: [], subAmbiti: [] }));
      try {
        expect(() => creaAmbito({ ambito: `${ambito}-b`, territorio: rotto })).toThrow(
          /territorio non valido/,
        );
        expect(existsSync(path.join(AMBITI, `${ambito}-b`))).toBe(false);
      } finally {
        rmSync(rotto);
      }
    });
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { ERROR_KINDS } from '@ambito/contracts';
import { MetricsModule, metricsRegistry } from './metrics';

/*
 * Issue 13, point 5: the alert rules and the dashboard in docker/observability refer only to metrics the
 * platform exports (promtool is not available here: the rules are parsed and their expressions' metric
 * names and error codes checked), and every alert is explained in docs/observability.md.
 */

const root = path.resolve(__dirname, '../../../..');
const leggi = (file: string) => readFileSync(path.join(root, file), 'utf8');

/** Names a PromQL expression may use that are not metrics. */
const PROMQL = new Set(
  (
    'sum min max avg count stddev stdvar topk bottomk quantile count_values group by without on ignoring ' +
    'group_left group_right and or unless bool offset rate irate increase delta idelta deriv ' +
    'histogram_quantile abs ceil floor round clamp clamp_min clamp_max absent absent_over_time ' +
    'avg_over_time max_over_time min_over_time sum_over_time count_over_time last_over_time ' +
    'label_replace label_values vector scalar time timestamp changes resets sort sort_desc predict_linear'
  ).split(' '),
);
/** Metrics Prometheus writes itself for each target. */
const DI_PROMETHEUS = new Set(['up', 'scrape_duration_seconds']);

/** The metric names of an expression: labels, strings, durations and Grafana variables removed. */
function metricheDi(expr: string): string[] {
  const senza = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ')
    .replace(/\$\w+/g, ' ');
  return [...senza.matchAll(/[a-zA-Z_:][a-zA-Z0-9_:]*/g)]
    .map((m) => m[0])
    .filter((name) => !PROMQL.has(name) && !/^\d/.test(name));
}

/** Every series name the services export: the registry MetricsModule serves, histograms expanded. */
async function esportate(): Promise<Set<string>> {
  MetricsModule.forRoot('prova', { NODE_ENV: 'test', METRICS_HOST: '127.0.0.1' });
  const nomi = new Set<string>(DI_PROMETHEUS);
  for (const metric of await metricsRegistry.getMetricsAsJSON()) {
    nomi.add(metric.name);
    // prom-client types `type` as an enum; at run time it is the name
    if ((metric.type as unknown as string) === 'histogram')
      for (const suffix of ['_bucket', '_sum', '_count']) nomi.add(metric.name + suffix);
  }
  return nomi;
}

interface Regola {
  alert?: string;
  expr: string;
  for?: string;
  labels?: { severity?: string };
  annotations?: { summary?: string; description?: string };
}

const regole = (): Regola[] =>
  (
    parse(leggi('docker/observability/alerts.yaml')) as { groups: Array<{ name: string; rules: Regola[] }> }
  ).groups.flatMap((g) => g.rules);

describe('alert rules and dashboard (docker/observability)', () => {
  it('alert rules: named, with a severity, a summary and a description, and valid durations', () => {
    const tutte = regole();
    expect(tutte.length).toBeGreaterThanOrEqual(10);
    const nomi = tutte.map((r) => r.alert);
    expect(new Set(nomi).size).toBe(nomi.length);
    for (const r of tutte) {
      expect(r.alert).toMatch(/^Ambito[A-Z][A-Za-z]+$/);
      expect(['critical', 'warning']).toContain(r.labels?.severity);
      expect(r.annotations?.summary).toBeTruthy();
      expect(r.annotations?.description).toBeTruthy();
      expect(r.for ?? '0m').toMatch(/^\d+[smh]$/);
      expect(r.expr.split('(').length).toBe(r.expr.split(')').length); // balanced parentheses
    }
  });

  it('every expression of the rules and of the dashboard refers only to metrics the services export', async () => {
    const nomi = await esportate();
    const dashboard = JSON.parse(leggi('docker/observability/dashboard.json')) as {
      panels: Array<{ title: string; targets?: Array<{ expr: string }> }>;
    };
    const espressioni = [
      ...regole().map((r) => [r.alert!, r.expr] as const),
      ...dashboard.panels.flatMap((p) => (p.targets ?? []).map((t) => [p.title, t.expr] as const)),
    ];
    expect(espressioni.length).toBeGreaterThan(20);
    const ignote = espressioni.flatMap(([dove, expr]) =>
      metricheDi(expr)
        .filter((m) => !nomi.has(m))
        .map((m) => `${dove}: ${m}`),
    );
    expect(ignote).toEqual([]);
    // and the error codes they select exist
    const codici = espressioni.flatMap(([, expr]) =>
      [...expr.matchAll(/code=~?"([^"]+)"/g)].flatMap((m) => m[1].split('|')),
    );
    expect(codici.length).toBeGreaterThan(0);
    for (const codice of codici) expect(Object.keys(ERROR_KINDS)).toContain(codice);
  });

  it('the check itself finds a metric that does not exist', () => {
    expect(metricheDi('sum by (service) (rate(ambito_inesistente_total{code="X"}[5m])) > 0')).toEqual([
      'ambito_inesistente_total',
    ]);
  });

  it('every alert is explained in docs/observability.md', () => {
    const doc = leggi('docs/observability.md');
    for (const r of regole()) expect(doc).toContain(`\`${r.alert}\``);
  });
});

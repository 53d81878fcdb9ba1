import { problemiImmagini, problemiInsieme, problemiSicurezza, type Documento } from './regole';

/** A minimal overlay output that follows every rule: one data service, its Job, the gateway's Ingress. */
function conforme(): Documento[] {
  const sicuro = {
    allowPrivilegeEscalation: false,
    readOnlyRootFilesystem: true,
    capabilities: { drop: ['ALL'] },
  };
  const pod = (containers: object[]) => ({
    template: {
      spec: {
        securityContext: { runAsNonRoot: true, runAsUser: 1000, seccompProfile: { type: 'RuntimeDefault' } },
        containers,
        volumes: [{ name: 'territorio', configMap: { name: 'ambito-territorio-abc' } }],
      },
    },
  });
  const risorse = { requests: { cpu: '100m', memory: '192Mi' }, limits: { memory: '512Mi' } };
  const sonda = { httpGet: { path: '/health/live', port: 'http' } };
  return [
    {
      kind: 'ConfigMap',
      metadata: { name: 'ambito-config-x' },
      data: { NODE_ENV: 'production', AMBITO_CODICE: 'AT-OGLIO-PO' },
    },
    { kind: 'ConfigMap', metadata: { name: 'ambito-territorio-abc' }, data: { 'territorio.json': '{}' } },
    {
      kind: 'Deployment',
      metadata: { name: 'accesso' },
      spec: {
        selector: { matchLabels: { 'app.kubernetes.io/name': 'accesso' } },
        ...pod([
          {
            name: 'accesso',
            image: 'registry.example.it/ambito/accesso:0.1.0',
            securityContext: sicuro,
            resources: risorse,
            startupProbe: sonda,
            readinessProbe: sonda,
            livenessProbe: sonda,
            env: [
              { name: 'DATABASE_URL', valueFrom: {} },
              { name: 'DATABASE_MIGRATIONS', value: 'verify' },
              { name: 'TERRITORIO_FILE', value: '/etc/ambito/territorio/territorio.json' },
            ],
            volumeMounts: [{ name: 'territorio', mountPath: '/etc/ambito/territorio' }],
          },
        ]),
      },
    },
    { kind: 'Service', metadata: { name: 'accesso' } },
    {
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'accesso' },
      spec: { scaleTargetRef: { name: 'accesso' } },
    },
    {
      kind: 'PodDisruptionBudget',
      metadata: { name: 'accesso' },
      spec: { selector: { matchLabels: { 'app.kubernetes.io/name': 'accesso' } } },
    },
    {
      kind: 'Job',
      metadata: { name: 'accesso-migrate' },
      spec: pod([
        {
          name: 'migrate',
          image: 'ambito/accesso:0.1.0',
          args: ['node', 'main.js', 'migrate'],
          securityContext: sicuro,
          resources: risorse,
        },
      ]),
    },
    {
      kind: 'NetworkPolicy',
      metadata: { name: 'default-deny' },
      spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
    },
    { kind: 'Ingress', metadata: { name: 'gateway' } },
  ];
}

const deployment = (docs: Documento[]) =>
  docs.find((d) => d.kind === 'Deployment')! as unknown as {
    spec: {
      template: {
        spec: {
          containers: Array<Record<string, unknown> & { env: Array<{ name: string; value?: string }> }>;
        };
      };
    };
  };

describe('the rules of the manifests', () => {
  it('accepts an output that follows them', () => {
    expect(problemiInsieme(conforme(), 'production')).toEqual([]);
  });

  it('refuses a container that may escalate, writes its root filesystem or keeps its capabilities', () => {
    const docs = conforme();
    deployment(docs).spec.template.spec.containers[0]['securityContext'] = { runAsNonRoot: true };
    const problemi = problemiSicurezza(docs.find((d) => d.kind === 'Deployment')!);
    expect(problemi).toEqual(
      expect.arrayContaining([
        expect.stringContaining('allowPrivilegeEscalation'),
        expect.stringContaining('capabilities.drop'),
        expect.stringContaining('readOnlyRootFilesystem'),
      ]),
    );
  });

  it('refuses images without a version', () => {
    const docs = conforme();
    for (const image of ['ambito/accesso', 'ambito/accesso:latest', 'registry:5000/ambito/accesso']) {
      deployment(docs).spec.template.spec.containers[0]['image'] = image;
      expect(problemiImmagini(docs.find((d) => d.kind === 'Deployment')!)).toHaveLength(1);
    }
    deployment(docs).spec.template.spec.containers[0]['image'] = 'ambito/accesso@sha256:abc';
    expect(problemiImmagini(docs.find((d) => d.kind === 'Deployment')!)).toEqual([]);
  });

  it('refuses migrations at pod start, and a data service without its migration Job', () => {
    const docs = conforme();
    deployment(docs).spec.template.spec.containers[0].env[1].value = 'on-start';
    expect(problemiInsieme(docs, 'production')).toEqual([
      expect.stringContaining('DATABASE_MIGRATIONS=verify'),
    ]);
    const senzaJob = conforme().filter((d) => d.kind !== 'Job');
    expect(problemiInsieme(senzaJob, 'production')).toEqual([expect.stringContaining('accesso-migrate')]);
  });

  it('requires the territorio from a ConfigMap in production, and NODE_ENV=production', () => {
    const docs = conforme();
    const env = deployment(docs).spec.template.spec.containers[0].env;
    env.splice(2, 1);
    expect(problemiInsieme(docs, 'production')).toEqual([expect.stringContaining('TERRITORIO_FILE assente')]);
    expect(problemiInsieme(docs, 'demo')).toEqual([]);
    const demoConfig = conforme();
    demoConfig[0].data!.NODE_ENV = 'demo';
    expect(problemiInsieme(demoConfig, 'production')).toEqual([
      expect.stringContaining('NODE_ENV=production'),
    ]);
  });

  it('requires probes, an autoscaler, a disruption budget, a default-deny policy and the Ingress', () => {
    const docs = conforme().filter(
      (d) =>
        !['HorizontalPodAutoscaler', 'PodDisruptionBudget', 'NetworkPolicy', 'Ingress'].includes(d.kind!),
    );
    delete deployment(docs).spec.template.spec.containers[0]['startupProbe'];
    expect(problemiInsieme(docs, 'demo')).toEqual([
      expect.stringContaining('startupProbe'),
      expect.stringContaining('HorizontalPodAutoscaler'),
      expect.stringContaining('PodDisruptionBudget'),
      expect.stringContaining('default-deny'),
      expect.stringContaining('Ingress'),
    ]);
  });
});

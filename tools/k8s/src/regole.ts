/**
 * What every overlay's output must hold beyond the Kubernetes schemas (docker/k8s/README.md): the
 * "restricted" Pod Security Standard on every pod, probes and resources on every container that serves,
 * a disruption budget and an autoscaler for every Deployment, image tags pinned, migrations by a Job and
 * never at a pod's start, the territorio from a ConfigMap (required in production), network policies.
 * Pure functions on the parsed documents: each returns the problems it found, in Italian.
 */
export interface Documento {
  apiVersion?: string;
  kind?: string;
  metadata?: { name?: string; namespace?: string; labels?: Record<string, string> };
  spec?: Record<string, unknown>;
  data?: Record<string, string>;
}

interface Container {
  name: string;
  image?: string;
  args?: string[];
  env?: Array<{ name: string; value?: string; valueFrom?: unknown }>;
  securityContext?: {
    allowPrivilegeEscalation?: boolean;
    readOnlyRootFilesystem?: boolean;
    runAsNonRoot?: boolean;
    capabilities?: { drop?: string[]; add?: string[] };
    privileged?: boolean;
  };
  startupProbe?: unknown;
  readinessProbe?: unknown;
  livenessProbe?: unknown;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  volumeMounts?: Array<{ name: string; mountPath: string }>;
}

interface PodSpec {
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number; seccompProfile?: { type?: string } };
  containers: Container[];
  initContainers?: Container[];
  hostNetwork?: boolean;
  hostPID?: boolean;
  hostIPC?: boolean;
  volumes?: Array<{ name: string; configMap?: { name: string; optional?: boolean }; hostPath?: unknown }>;
}

const WORKLOADS = ['Deployment', 'StatefulSet', 'Job', 'DaemonSet'];

export type Ambiente = 'demo' | 'production';

const nome = (d: Documento) => `${d.kind}/${d.metadata?.name}`;

function podSpec(d: Documento): PodSpec | undefined {
  const template = (d.spec as { template?: { spec?: PodSpec } } | undefined)?.template;
  return template?.spec;
}

/** The "restricted" Pod Security Standard (Kubernetes 1.25+), for every container and init container. */
export function problemiSicurezza(d: Documento): string[] {
  const pod = podSpec(d);
  if (!pod) return [];
  const problemi: string[] = [];
  if (pod.hostNetwork || pod.hostPID || pod.hostIPC)
    problemi.push(`${nome(d)}: usa la rete o i processi del nodo`);
  if (pod.volumes?.some((v) => v.hostPath)) problemi.push(`${nome(d)}: volume hostPath`);
  const seccompPod = pod.securityContext?.seccompProfile?.type;
  for (const c of [...(pod.initContainers ?? []), ...pod.containers]) {
    const sc = c.securityContext ?? {};
    const dove = `${nome(d)} container ${c.name}`;
    if (sc.allowPrivilegeEscalation !== false)
      problemi.push(`${dove}: allowPrivilegeEscalation deve essere false`);
    if (sc.privileged) problemi.push(`${dove}: privileged`);
    if (!sc.capabilities?.drop?.includes('ALL'))
      problemi.push(`${dove}: capabilities.drop deve contenere ALL`);
    if ((sc.capabilities?.add ?? []).some((cap) => cap !== 'NET_BIND_SERVICE'))
      problemi.push(`${dove}: capabilities aggiunte`);
    if (!(sc.runAsNonRoot ?? pod.securityContext?.runAsNonRoot))
      problemi.push(`${dove}: runAsNonRoot deve essere true`);
    if (pod.securityContext?.runAsUser === 0) problemi.push(`${dove}: runAsUser 0`);
    if (!['RuntimeDefault', 'Localhost'].includes(seccompPod ?? ''))
      problemi.push(`${dove}: seccompProfile RuntimeDefault`);
    if (sc.readOnlyRootFilesystem !== true) problemi.push(`${dove}: readOnlyRootFilesystem deve essere true`);
    if (!c.resources?.requests?.cpu || !c.resources?.requests?.memory || !c.resources?.limits?.memory)
      problemi.push(`${dove}: requests di cpu e memoria e limite di memoria obbligatori`);
  }
  return problemi;
}

/** An image named by a version (or a digest), never by `latest` or by nothing. */
export function problemiImmagini(d: Documento): string[] {
  const pod = podSpec(d);
  if (!pod) return [];
  return [...(pod.initContainers ?? []), ...pod.containers]
    .filter((c) => {
      const image = c.image ?? '';
      if (image.includes('@sha256:')) return false;
      const tag = image.slice(image.lastIndexOf('/') + 1).split(':')[1];
      return !tag || tag === 'latest' || !/\d/.test(tag);
    })
    .map((c) => `${nome(d)} container ${c.name}: immagine senza versione (${c.image})`);
}

const env = (c: Container, name: string) => c.env?.find((e) => e.name === name);

/** Every document of one overlay's output together. */
export function problemiInsieme(documenti: Documento[], ambiente: Ambiente): string[] {
  const problemi: string[] = [];
  const di = (kind: string) => documenti.filter((d) => d.kind === kind);
  const deployments = di('Deployment');
  if (deployments.length === 0) problemi.push('nessun Deployment');
  for (const d of documenti) {
    if (WORKLOADS.includes(d.kind ?? '')) problemi.push(...problemiSicurezza(d), ...problemiImmagini(d));
  }
  const configMaps = new Set(di('ConfigMap').map((c) => c.metadata?.name));
  for (const d of deployments) {
    const pod = podSpec(d)!;
    const name = d.metadata?.name;
    const [c] = pod.containers;
    if (!c.startupProbe || !c.readinessProbe || !c.livenessProbe)
      problemi.push(`${nome(d)}: startupProbe, readinessProbe e livenessProbe obbligatorie`);
    const scala = (k: string) =>
      documenti.some(
        (x) =>
          x.kind === k && (x.spec as { scaleTargetRef?: { name?: string } }).scaleTargetRef?.name === name,
      );
    if (!scala('HorizontalPodAutoscaler')) problemi.push(`${nome(d)}: manca l'HorizontalPodAutoscaler`);
    const labels =
      (d.spec as { selector?: { matchLabels?: Record<string, string> } }).selector?.matchLabels ?? {};
    const pdb = di('PodDisruptionBudget').some((p) => {
      const sel =
        (p.spec as { selector?: { matchLabels?: Record<string, string> } }).selector?.matchLabels ?? {};
      return Object.entries(sel).every(([k, v]) => labels[k] === v) && Object.keys(sel).length > 0;
    });
    if (!pdb) problemi.push(`${nome(d)}: manca il PodDisruptionBudget`);
    // A data service: its migrations by the Job, the pods only verify them.
    if (env(c, 'DATABASE_URL')) {
      if (env(c, 'DATABASE_MIGRATIONS')?.value !== 'verify')
        problemi.push(
          `${nome(d)}: DATABASE_MIGRATIONS=verify (le migrazioni le applica il Job, non l'avvio)`,
        );
      if (env(c, 'DATABASE_MIGRATION_URL'))
        problemi.push(`${nome(d)}: i pod non devono avere le credenziali del proprietario dello schema`);
      const job = di('Job').find(
        (j) =>
          podSpec(j)?.containers.some((x) => x.args?.includes('migrate')) &&
          j.metadata?.name === `${name}-migrate`,
      );
      if (!job) problemi.push(`${nome(d)}: manca il Job ${name}-migrate`);
    }
    const territorio = env(c, 'TERRITORIO_FILE');
    if (territorio) {
      const mount = c.volumeMounts?.find((m) => territorio.value?.startsWith(`${m.mountPath}/`));
      const volume = pod.volumes?.find((v) => v.name === mount?.name);
      if (!volume?.configMap || volume.configMap.optional)
        problemi.push(`${nome(d)}: TERRITORIO_FILE deve venire da una ConfigMap obbligatoria`);
      else if (!configMaps.has(volume.configMap.name))
        problemi.push(`${nome(d)}: la ConfigMap ${volume.configMap.name} del territorio non c'è`);
    } else if (env(c, 'DATABASE_URL') && ambiente === 'production') {
      problemi.push(`${nome(d)}: TERRITORIO_FILE assente in produzione`);
    }
    if (!di('Service').some((s) => s.metadata?.name === name)) problemi.push(`${nome(d)}: manca il Service`);
  }
  const config = di('ConfigMap').find((c) => c.metadata?.name?.startsWith('ambito-config'));
  if (ambiente === 'production' && config?.data?.NODE_ENV !== 'production')
    problemi.push('ambito-config: NODE_ENV=production in produzione');
  if (config?.data?.AMBITO_CODICE === 'DA-IMPOSTARE')
    problemi.push('ambito-config: AMBITO_CODICE da impostare');
  const policies = di('NetworkPolicy');
  if (
    !policies.some((p) => {
      const s = p.spec as {
        podSelector?: { matchLabels?: object };
        policyTypes?: string[];
        ingress?: unknown;
        egress?: unknown;
      };
      return (
        Object.keys(s.podSelector?.matchLabels ?? {}).length === 0 &&
        s.policyTypes?.includes('Ingress') &&
        s.policyTypes?.includes('Egress') &&
        !s.ingress &&
        !s.egress
      );
    })
  )
    problemi.push('manca la NetworkPolicy che nega tutto il resto (default-deny)');
  if (!di('Ingress').length) problemi.push("manca l'Ingress del gateway");
  return problemi;
}

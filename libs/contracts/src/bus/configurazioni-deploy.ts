import { configurazioneNatsServer } from './configurazione-nats';
import { permessiNats, variabilePassword } from './permessi-nats';

/**
 * The nats-server configurations of the deployments, generated from the declarations and committed
 * (`npm run nats:config` rewrites them; a unit test fails while they are stale):
 * `docker/nats/nats-server.conf` for compose, `docker/k8s/base/nats.yaml` for Kubernetes. Both require TLS
 * and credentials; the passwords are never in them.
 */

export const FILE_NATS_COMPOSE = 'docker/nats/nats-server.conf';
export const FILE_NATS_KUBERNETES = 'docker/k8s/base/nats.yaml';

const INTESTAZIONE = 'Generato da libs/contracts/src/bus (npm run nats:config): non modificare a mano.';

/** compose: passwords from the included file, certificate and key from docker/nats/tls (bind mounts). */
export function configurazioneNatsCompose(): string {
  return configurazioneNatsServer({
    intestazione: [
      INTESTAZIONE,
      'Utenti e permessi derivati dalle dichiarazioni dei contratti (un utente per servizio, gateway, operatore).',
      'Password in segreti/nats-passwords.conf, certificato in tls/: docker/nats/crea-segreti.sh, docker/nats/README.md.',
    ],
    ascolto: '0.0.0.0:4222',
    // Only the container's own health check reads it.
    monitoraggio: '127.0.0.1:8222',
    jetstreamStoreDir: '/data',
    tls: { certFile: '/etc/nats/tls/tls.crt', keyFile: '/etc/nats/tls/tls.key' },
    includeSegreti: 'segreti/nats-passwords.conf',
  });
}

function rientra(testo: string, spazi: number): string {
  return testo
    .trimEnd()
    .split('\n')
    .map((r) => (r ? ' '.repeat(spazi) + r : r))
    .join('\n');
}

/**
 * Kubernetes: a single-node nats-server (StatefulSet) whose configuration is a ConfigMap; passwords
 * from the Secret `ambito-nats` (one key per user, also read by the services), certificate from the
 * TLS Secret `ambito-nats-tls`.
 */
export function manifestNatsKubernetes(): string {
  const utenti = permessiNats().map((u) => u.utente);
  const configurazione = configurazioneNatsServer({
    intestazione: [
      INTESTAZIONE,
      'Utenti e permessi derivati dalle dichiarazioni dei contratti; password dal Secret ambito-nats.',
    ],
    ascolto: '0.0.0.0:4222',
    // The kubelet's probes reach it on the pod's address; keep it out of any Service.
    monitoraggio: '0.0.0.0:8222',
    jetstreamStoreDir: '/data',
    tls: { certFile: '/etc/nats/tls/tls.crt', keyFile: '/etc/nats/tls/tls.key' },
  });
  const env = utenti
    .map(
      (u) =>
        `            - name: ${variabilePassword(u)}\n` +
        `              valueFrom: { secretKeyRef: { name: ambito-nats, key: ${u} } }`,
    )
    .join('\n');
  return `# ${INTESTAZIONE}
# nats-server with JetStream, TLS and the platform's users. Before applying (docker/nats/README.md):
#   kubectl create secret generic ambito-nats ${utenti.map((u) => `--from-literal=${u}=...`).join(' ')}
#   kubectl create secret tls ambito-nats-tls --cert=tls.crt --key=tls.key   (SAN: nats, nats.<namespace>.svc)
#   kubectl create configmap ambito-nats-ca --from-file=ca.crt                  (the CA the services trust)
apiVersion: v1
kind: ConfigMap
metadata:
  name: ambito-nats-config
data:
  nats-server.conf: |
${rientra(configurazione, 4)}
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: nats
  labels: { app.kubernetes.io/name: nats, app.kubernetes.io/part-of: ambito }
spec:
  serviceName: nats
  replicas: 1
  selector:
    matchLabels: { app.kubernetes.io/name: nats }
  template:
    metadata:
      labels: { app.kubernetes.io/name: nats, app.kubernetes.io/part-of: ambito }
    spec:
      # The "restricted" Pod Security Standard: nats-server needs no root and writes only to /data.
      securityContext:
        runAsNonRoot: true
        runAsUser: 1000
        runAsGroup: 1000
        fsGroup: 1000
        seccompProfile: { type: RuntimeDefault }
      containers:
        - name: nats
          image: nats:2.10.24-alpine
          args: ['-c', '/etc/nats/nats-server.conf']
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities: { drop: [ALL] }
          ports:
            - { containerPort: 4222, name: client }
            - { containerPort: 8222, name: monitor }
          env:
${env}
          volumeMounts:
            - { name: config, mountPath: /etc/nats/nats-server.conf, subPath: nats-server.conf }
            - { name: tls, mountPath: /etc/nats/tls, readOnly: true }
            - { name: data, mountPath: /data }
          startupProbe: { httpGet: { path: /healthz, port: monitor }, periodSeconds: 5, failureThreshold: 60 }
          readinessProbe:
            { httpGet: { path: '/healthz?js-enabled-only=true', port: monitor }, periodSeconds: 5 }
          livenessProbe: { httpGet: { path: /healthz, port: monitor }, periodSeconds: 10 }
          resources:
            requests: { cpu: 100m, memory: 256Mi }
            limits: { memory: 1Gi }
      volumes:
        - { name: config, configMap: { name: ambito-nats-config } }
        - { name: tls, secret: { secretName: ambito-nats-tls } }
  volumeClaimTemplates:
    - metadata: { name: data }
      spec:
        accessModes: [ReadWriteOnce]
        resources: { requests: { storage: 10Gi } }
---
apiVersion: v1
kind: Service
metadata:
  name: nats
spec:
  selector: { app.kubernetes.io/name: nats }
  ports: [{ port: 4222, targetPort: client, name: client }]
`;
}

// The documents on standard input (a JSON array) against the Kubernetes API's schemas, offline: the
// models of `kubernetes-models` (generated from Kubernetes' OpenAPI definitions, validated with ajv),
// installed apart in tools/k8s/validator. Prints a JSON array of problems. Unknown fields are not
// reported (like kubeconform without -strict): tools/k8s/src/regole.ts checks what matters of them.
// Used by tools/k8s/src/schemi.ts in a process of its own (the models are ES modules).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const models = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  'validator/node_modules/kubernetes-models',
);
const documents = JSON.parse(readFileSync(0, 'utf8'));
const problems = [];
for (const d of documents) {
  const [group, version] = d.apiVersion?.includes('/') ? d.apiVersion.split('/') : ['', d.apiVersion];
  const name = `${d.kind}/${d.metadata?.name} (${d.apiVersion})`;
  let Model;
  try {
    Model = (await import(pathToFileURL(path.join(models, group, version ?? '', `${d.kind}.js`)).href))[
      d.kind
    ];
  } catch {
    Model = undefined;
  }
  if (!Model) {
    problems.push(`${name}: tipo sconosciuto agli schemi di Kubernetes`);
    continue;
  }
  try {
    new Model(d).validate();
  } catch (error) {
    problems.push(`${name}: ${error.message}`);
  }
}
process.stdout.write(JSON.stringify(problems));

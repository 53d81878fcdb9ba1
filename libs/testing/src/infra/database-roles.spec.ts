import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  databaseRolesPsqlScript,
  serviceRoleNames,
  testRolePasswords,
  withCredentials,
} from './database-roles';

const root = path.resolve(__dirname, '../../../..');
const SQL = 'docker/postgres/database-roles.sql';
const SCRIPT = 'docker/postgres/create-roles.sh';
const CONFIG_MAP = 'docker/k8s/base/database-roles.yaml';

/** The ConfigMap the Kubernetes Jobs mount: the script and the SQL, as in docker/postgres. */
function configMap(): string {
  const indent = (text: string) =>
    text
      .split('\n')
      .map((line) => (line ? `    ${line}` : ''))
      .join('\n');
  return `# Generated from libs/testing/src/infra/database-roles.ts and ${SCRIPT}: do not edit
# (AGGIORNA_SQL=1 AMBITO_TEST_TIER=unit npx jest -c libs/testing/jest.config.cjs database-roles).
# Mounted by each service's <service>-db-roles Job (see docs/database-roles.md).
apiVersion: v1
kind: ConfigMap
metadata:
  name: ambito-db-roles
data:
  create-roles.sh: |
${indent(readFileSync(path.join(root, SCRIPT), 'utf8'))}
  database-roles.sql: |
${indent(databaseRolesPsqlScript())}`;
}

describe('role bootstrap', () => {
  it.each([
    [SQL, () => databaseRolesPsqlScript()],
    [CONFIG_MAP, () => configMap()],
  ])('%s is the generated copy (AGGIORNA_SQL=1 rewrites it)', (file, generate) => {
    const expected = generate();
    if (process.env.AGGIORNA_SQL === '1') writeFileSync(path.join(root, file), expected);
    expect(readFileSync(path.join(root, file), 'utf8')).toBe(expected);
  });

  it('names the roles after the schema', () => {
    expect(serviceRoleNames('presa_in_carico')).toEqual({
      owner: 'presa_in_carico_owner',
      app: 'presa_in_carico_app',
    });
  });

  it('derives test passwords from the server, the same in every worker, different per role', () => {
    const a = testRolePasswords('postgres://postgres:x@127.0.0.1:5432/db_1', 'accesso');
    const b = testRolePasswords('postgres://postgres:x@127.0.0.1:5432/db_2', 'accesso');
    expect(a).toEqual(b);
    expect(a.owner).not.toBe(a.app);
    expect(testRolePasswords('postgres://postgres:y@127.0.0.1:5432/db_1', 'accesso')).not.toEqual(a);
  });

  it('puts the credentials into the URL, encoded', () => {
    expect(withCredentials('postgres://postgres:p@h:5432/ambito', 'accesso_app', 'a/b@c')).toBe(
      'postgres://accesso_app:a%2Fb%40c@h:5432/ambito',
    );
  });
});

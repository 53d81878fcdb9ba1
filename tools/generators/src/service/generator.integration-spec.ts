import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

/*
 * The generator for real: `nx g @ambito/tools:service prova-generata` on a copy of the workspace (its
 * tracked and new files, node_modules linked), then in that copy what CI would ask of the new service:
 * type checks of the app and of the gateway, lint, and its unit and integration tests (the latter with
 * their own PostgreSQL and NATS, from the global setup of libs/testing). About a minute and a half.
 */
const root = path.resolve(__dirname, '../../../..');
const NAME = 'prova-generata';

/** The environment of a command in the copy, without what this Jest run set for itself. */
function environment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env))
    if (!/^(AMBITO_TEST_TIER|JEST_|TEST_|NX_TASK|NX_TERMINAL|NX_WORKSPACE_ROOT)/.test(key)) env[key] = value;
  return { ...env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', CI: 'true', ...extra };
}

function copyWorkspace(): string {
  const copy = mkdtempSync(path.join(tmpdir(), 'ambito-generatore-'));
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
    .split('\0')
    .filter((file) => file && existsSync(path.join(root, file)));
  for (const file of files) {
    mkdirSync(path.dirname(path.join(copy, file)), { recursive: true });
    copyFileSync(path.join(root, file), path.join(copy, file));
  }
  symlinkSync(path.join(root, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
  return copy;
}

describe(`nx g @ambito/tools:service ${NAME} on a copy of the workspace`, () => {
  let copy: string;
  const timings: string[] = [];

  /** Runs a command in the copy; returns its exit status, and its output when it failed. */
  const run = (command: string, args: string[], extra: Record<string, string> = {}) => {
    const started = Date.now();
    const result = spawnSync(command, args, {
      cwd: copy,
      env: environment(extra),
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    timings.push(`${((Date.now() - started) / 1000).toFixed(1)} s  ${command} ${args.join(' ')}`);
    const output = `${result.stdout ?? ''}\n${result.stderr ?? ''}`;
    return { status: result.status, output: result.status === 0 ? '' : output.slice(-6000) };
  };

  beforeAll(() => {
    copy = copyWorkspace();
  });
  afterAll(() => {
    // Removes the link to node_modules, not what it points to.
    if (copy) rmSync(copy, { recursive: true, force: true });
    console.log(`timings:\n${timings.join('\n')}`);
  });

  it('generates the service', () => {
    const result = run('npx', ['nx', 'g', '@ambito/tools:service', NAME]);
    expect(result).toEqual({ status: 0, output: '' });
    expect(existsSync(path.join(copy, `apps/${NAME}/src/stato/stato.integration-spec.ts`))).toBe(true);
  });

  it('type-checks the new app and the gateway with its new route table', () => {
    expect(run('npx', ['tsc', '-p', `apps/${NAME}/tsconfig.json`, '--noEmit'])).toEqual({
      status: 0,
      output: '',
    });
    expect(run('npx', ['tsc', '-p', 'apps/gateway/tsconfig.json', '--noEmit'])).toEqual({
      status: 0,
      output: '',
    });
  });

  it('lints the new app, its contracts and the edited registrations', () => {
    expect(
      run('npx', [
        'eslint',
        `apps/${NAME}`,
        `libs/contracts/src/${NAME}`,
        'libs/contracts/src/registry.ts',
        `apps/gateway/src/routes/${NAME}.routes.ts`,
        'apps/gateway/src/routes/routes.module.ts',
      ]),
    ).toEqual({ status: 0, output: '' });
  });

  it('writes files that Prettier accepts as they are (npm test checks the whole tree)', () => {
    expect(
      run('npx', [
        'prettier',
        '--check',
        `apps/${NAME}`,
        'libs/contracts/src',
        'apps/gateway/src/routes',
        'docker',
        'eslint.config.mjs',
        'nx.json',
        'tools/dev/src',
      ]),
    ).toEqual({ status: 0, output: '' });
  });

  it('passes its own unit tests', () => {
    expect(run('npx', ['jest', '-c', `apps/${NAME}/jest.config.cjs`], { AMBITO_TEST_TIER: 'unit' })).toEqual({
      status: 0,
      output: '',
    });
  });

  it('passes its own integration tests (PostgreSQL and NATS)', () => {
    expect(
      run('npx', ['jest', '-c', `apps/${NAME}/jest.config.cjs`, '--runInBand'], {
        AMBITO_TEST_TIER: 'integration',
      }),
    ).toEqual({ status: 0, output: '' });
  });

  it('refuses to generate it again', () => {
    const result = run('npx', ['nx', 'g', '@ambito/tools:service', NAME]);
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('esiste già');
  });
});

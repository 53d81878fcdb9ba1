import path from 'node:path';
import { spawnSync } from 'node:child_process';

const root = path.resolve(__dirname, '../../..');

/**
 * The dependency rules are only worth something if lint refuses a wrong import: each case lints a
 * source text as if it stood at that path in the workspace, with the project's own ESLint config.
 */
describe('module boundaries enforced by lint', () => {
  function boundaryErrors(
    file: string,
    code: string,
    rules: string[] = ['@nx/enforce-module-boundaries'],
  ): string[] {
    // The ESLint CLI (the config is ESM, which Jest's module loader cannot import).
    const run = spawnSync(
      process.execPath,
      [
        path.join(root, 'node_modules/eslint/bin/eslint.js'),
        '--stdin',
        '--stdin-filename',
        file,
        '--format',
        'json',
      ],
      { cwd: root, input: code, encoding: 'utf8' },
    );
    if (!run.stdout) throw new Error(run.stderr);
    const [result] = JSON.parse(run.stdout) as Array<{
      messages: Array<{ ruleId: string | null; message: string }>;
    }>;
    return result.messages.filter((m) => m.ruleId !== null && rules.includes(m.ruleId)).map((m) => m.message);
  }

  it.each([
    [
      'contracts importing another lib of ours',
      'libs/contracts/src/boundary-probe.ts',
      "import { RpcClient } from '@ambito/messaging';\nexport const x = RpcClient;\n",
    ],
    [
      'contracts importing a framework',
      'libs/contracts/src/boundary-probe.ts',
      "import { Entity } from 'typeorm';\nexport const x = Entity;\n",
    ],
    [
      'contracts importing NestJS',
      'libs/contracts/src/boundary-probe.ts',
      "import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n",
    ],
    [
      'contracts importing the NATS client',
      'libs/contracts/src/boundary-probe.ts',
      "import { connect } from 'nats';\nexport const x = connect;\n",
    ],
    [
      'a util lib importing contracts',
      'libs/kernel/src/boundary-probe.ts',
      "import { DomainError } from '@ambito/contracts';\nexport const x = DomainError;\n",
    ],
    [
      'a lib importing an app',
      'libs/messaging/src/boundary-probe.ts',
      "import { x } from '../../../apps/accesso/src/main';\nexport const y = x;\n",
    ],
    [
      'an app importing another app',
      'apps/gateway/src/boundary-probe.ts',
      "import { x } from '../../accesso/src/main';\nexport const y = x;\n",
    ],
  ])('refuses %s', (_case, file, code) => {
    expect(boundaryErrors(file, code)).not.toHaveLength(0);
  });

  it('allows an app to use contracts and data-access libs', () => {
    const code =
      "import { DomainError } from '@ambito/contracts';\nimport { RpcClient } from '@ambito/messaging';\nexport const x = [DomainError, RpcClient];\n";
    expect(boundaryErrors('apps/gateway/src/boundary-probe.ts', code)).toEqual([]);
  });

  describe('the test harness (@ambito/testing) in production code', () => {
    const harnessRules = ['@nx/enforce-module-boundaries', 'no-restricted-imports'];
    const importHarness = "import { eventually } from '@ambito/testing';\nexport const x = eventually;\n";

    it.each([
      ['an app', 'apps/accesso/src/boundary-probe.ts'],
      ['a data-access lib', 'libs/messaging/src/boundary-probe.ts'],
    ])('is refused in %s', (_case, file) => {
      expect(boundaryErrors(file, importHarness, harnessRules)).toEqual([
        expect.stringContaining('test files only'),
      ]);
    });

    it('is allowed in a test file', () => {
      expect(boundaryErrors('apps/accesso/src/boundary-probe.spec.ts', importHarness, harnessRules)).toEqual(
        [],
      );
    });
  });
});

import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';

// Module boundaries: the dependency arrows point one way.
//  - apps may import libs; no app imports another app (apps are never tagged as a dependency target);
//  - a service scope never depends on another service's scope;
//  - contracts depend on nothing of ours and on no framework (nor on NATS);
//  - production code never imports the test harness (@ambito/testing): only test files do.
export default tseslint.config(
  { ignores: ['**/dist', '**/node_modules', '**/.nx', '**/coverage', '**/*.cjs', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    languageOptions: {
      parserOptions: {
        // The architecture test lints virtual files with these names through stdin.
        projectService: {
          allowDefaultProject: [
            'libs/*/src/boundary-probe.ts',
            'apps/*/src/boundary-probe.ts',
            'apps/*/src/boundary-probe.spec.ts',
          ],
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            // type:testing (real PostgreSQL/NATS harness) is imported by test files only.
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: ['type:contracts', 'type:util', 'type:data-access', 'type:testing'],
            },
            {
              sourceTag: 'type:e2e',
              onlyDependOnLibsWithTags: ['type:contracts', 'type:util', 'type:testing'],
            },
            {
              sourceTag: 'type:tooling',
              onlyDependOnLibsWithTags: ['type:contracts', 'type:util', 'type:testing'],
            },
            {
              sourceTag: 'type:data-access',
              onlyDependOnLibsWithTags: ['type:contracts', 'type:util', 'type:data-access', 'type:testing'],
            },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:contracts', 'type:util'] },
            {
              sourceTag: 'type:contracts',
              onlyDependOnLibsWithTags: [],
              bannedExternalImports: ['typeorm', '@nestjs/*', 'pg', 'nats', '@nats-io/*'],
            },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:accesso', onlyDependOnLibsWithTags: ['scope:shared', 'scope:accesso'] },
            { sourceTag: 'scope:budget', onlyDependOnLibsWithTags: ['scope:shared', 'scope:budget'] },
            {
              sourceTag: 'scope:presa-in-carico',
              onlyDependOnLibsWithTags: ['scope:shared', 'scope:presa-in-carico'],
            },
            { sourceTag: 'scope:misure', onlyDependOnLibsWithTags: ['scope:shared', 'scope:misure'] },
            {
              sourceTag: 'scope:assistenti-familiari',
              onlyDependOnLibsWithTags: ['scope:shared', 'scope:assistenti-familiari'],
            },
            {
              sourceTag: 'scope:integrazioni',
              onlyDependOnLibsWithTags: ['scope:shared', 'scope:integrazioni'],
            },
            // @ambito/tools:service: scopes of new services above this line.
            { sourceTag: 'scope:gateway', onlyDependOnLibsWithTags: ['scope:shared', 'scope:gateway'] },
            { sourceTag: 'scope:platform', onlyDependOnLibsWithTags: ['scope:shared'] },
          ],
        },
      ],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // The test harness (real PostgreSQL/NATS, service processes) stays out of production code: only
    // test files, the harness itself, the e2e suite and the dev/bench/ci tools (which start the
    // platform or PostgreSQL on the harness) may import it.
    files: ['**/*.ts'],
    ignores: [
      '**/*.spec.ts',
      '**/*-spec.ts',
      '**/test/**',
      'libs/testing/**',
      'apps/platform-e2e/**',
      'tools/dev/**',
      'tools/bench/**',
      'tools/fault/**',
      'tools/ci/**',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: '@ambito/testing', message: 'The test harness is for test files only.' }],
          patterns: [{ group: ['@ambito/testing/*'], message: 'The test harness is for test files only.' }],
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*-spec.ts', '**/test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);

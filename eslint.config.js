// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const NODE_BUILTINS = ['node:*', 'fs', 'path', 'os', 'child_process', 'worker_threads', 'crypto', 'stream', 'url', 'util', 'net', 'http', 'https'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'coverage/**', 'test-results/**', 'playwright-report/**', 'tests/artifacts/**', 'tests/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      eqeqeq: ['error', 'always'],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { process: 'readonly', console: 'readonly', require: 'readonly', module: 'writable', __dirname: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The engine runs in plain Node (CLI, tests, worker threads): Electron stays out of it.
    files: ['electron/engine/**', 'electron/cli/**', 'electron/handlers/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'The engine must run without Electron.' }] }] },
  },
  {
    // shared/ is imported by both sides: no Node, no DOM-only APIs, no Electron.
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: ['electron'], patterns: NODE_BUILTINS.map((group) => ({ group: [group], message: 'shared/ must not depend on Node or Electron.' })) }],
    },
  },
  {
    files: ['renderer/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { paths: ['electron'], patterns: NODE_BUILTINS.map((group) => ({ group: [group], message: 'The renderer talks to the engine only through the IPC contract.' })) }],
    },
  },
);

import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.data/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}', 'test/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Advice for the React Compiler, which this app does not use.
      'react-hooks/incompatible-library': 'off',
      // The renderer talks to main only through the contract; it never imports main or Node.
      'no-restricted-imports': [
        'error',
        { patterns: ['**/main/**', '**/server/**', '**/preload/index*', 'node:*', 'electron', 'better-sqlite3'] },
      ],
    },
  },
  {
    files: ['src/main/**/*.ts'],
    rules: {
      // The desk's main process starts the embedded demo service as a process of its own
      // (app/embedded-service.ts); it never loads the service's code into its own threads.
      'no-restricted-imports': ['error', { patterns: ['**/server/**', '**/renderer/**'] }],
    },
  },
  {
    files: ['src/node/**/*.ts'],
    rules: {
      // Node-side code both processes share (the desk's main, the order service): it imports neither.
      'no-restricted-imports': ['error', { patterns: ['**/main/**', '**/server/**', '**/renderer/**', 'electron'] }],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      // Shared code runs in renderer, main and server alike: no Node, DOM or Electron.
      'no-restricted-imports': [
        'error',
        { patterns: ['**/main/**', '**/server/**', '**/renderer/**', 'node:*', 'electron', 'better-sqlite3', 'react'] },
      ],
    },
  },
);

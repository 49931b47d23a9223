import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const electronIpc = {
  name: 'electron',
  importNames: ['ipcMain', 'ipcRenderer'],
  message: 'Use the typed wrappers in src/main/ipc or src/preload/bridge.ts (one IPC contract).',
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: [electronIpc] }],
    },
  },
  {
    // The core runs in plain Node (headless mode, tests): Electron must never leak into it.
    files: ['src/main/core/**/*.ts', 'src/main/headless/**/*.ts', 'src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'src/main/core, headless and shared must not import Electron.' },
          ],
          patterns: [{ group: ['electron/*'], message: 'No Electron in the core.' }],
        },
      ],
    },
  },
  {
    files: ['src/main/ipc/**/*.ts', 'src/preload/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'Renderers talk to the core only through the bridge.' },
            { name: 'ws', message: 'Renderers talk to the core only through the bridge.' },
          ],
          patterns: [
            { group: ['node:*'], message: 'No Node APIs in the renderer.' },
            { group: ['**/main/**'], message: 'Renderers import only src/shared and src/renderer.' },
          ],
        },
      ],
      // Chat text is always rendered as text.
      'react/no-danger': 'off',
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Chat text is rendered as text.',
        },
        {
          selector: "AssignmentExpression[left.property.name='innerHTML']",
          message: 'Chat text is rendered as text.',
        },
      ],
    },
  },
);

import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/', '**/node_modules/', 'packages/core/src/generated/', 'packages/cli/test-goldens/', '.tmp/'] },
  // The documentation site npm run docs builds: the bundles copied in, generated HTML.
  { ignores: ['docs/site/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        URL: 'readonly',
        performance: 'readonly',
        fetch: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration', message: 'Use a string-literal union, not an enum.' },
        { selector: 'TSModuleDeclaration[kind="namespace"]', message: 'Use modules, not namespaces.' },
      ],
      'no-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    // The department-site and plain-HTML examples are plain browser JavaScript, served as is.
    files: ['examples/department-site/**/*.js', 'examples/plain-html/**/*.js'],
    languageOptions: {
      sourceType: 'module',
      globals: {
        document: 'readonly',
        customElements: 'readonly',
        history: 'readonly',
        location: 'readonly',
        URLSearchParams: 'readonly',
      },
    },
  },
  {
    // Functions these scripts hand to puppeteer's page.evaluate run in the page.
    files: [
      'scripts/demo-browser.mjs',
      'scripts/screenshot-demo.mjs',
      'scripts/screenshot-designer.mjs',
      'scripts/screenshot-hosts.mjs',
    ],
    languageOptions: {
      globals: {
        document: 'readonly',
        window: 'readonly',
        requestAnimationFrame: 'readonly',
        URLSearchParams: 'readonly',
      },
    },
  },
  {
    // chai's property assertions (`expect(x).to.exist`) are expressions by design.
    files: ['**/*.test.ts', '**/*.test-helpers.ts'],
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
);

// ESLint's flat config: the recommended JavaScript and TypeScript rules,
// plus the few this codebase relies on (see the comments).
import js from '@eslint/js'
import tseslint from 'typescript-eslint'

export default tseslint.config({ ignores: ['dist/', 'dist-*/', 'node_modules/', 'artifacts/'] }, js.configs.recommended, ...tseslint.configs.recommended, {
  files: ['**/*.ts'],
  rules: {
    // `_`-prefixed names are deliberately unused (a destructured field left out).
    '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    // Types only where they are imported as types: keeps worker and browser bundles free of type-only modules.
    '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    // Control characters in patterns are how terminal escapes and invisible characters are matched.
    'no-control-regex': 'off',
    eqeqeq: ['error', 'always'],
  },
})

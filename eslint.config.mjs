import { defineConfig, globalIgnores } from 'eslint/config'
import nextVitals from 'eslint-config-next/core-web-vitals'
import nextTs from 'eslint-config-next/typescript'

// The arrow of imports: app → components → lib, never back. lib runs in Node (tests, the build,
// the server) and in workers, so it knows nothing of React, Next or the components.
const noReactOrNext = [
  {
    group: ['react', 'react/*', 'react-dom', 'react-dom/*', 'next', 'next/*', 'zustand/react', 'recharts'],
    message: 'lib/ is React-free and Next-free: move this into components/ or app/.',
  },
  { group: ['@/components/*', '@/app/*', '**/components/**', '**/app/**'], message: 'lib/ never imports components/ or app/ (app → components → lib).' },
]

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    files: ['lib/**/*.{ts,tsx,js,mjs}'],
    rules: { 'no-restricted-imports': ['error', { patterns: noReactOrNext }] },
  },
  {
    files: ['components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@/app/*', '**/app/**'], message: 'components/ never imports app/ (app → components → lib).' }] },
      ],
    },
  },
  globalIgnores([
    '.next/**',
    'dist/**',
    'node_modules/**',
    'next-env.d.ts',
    'test-results/**',
    'playwright-report/**',
    '.bench/**',
    '.reports/**',
    'bench/baseline-app/.next/**',
    // Copied from node_modules/pyodide by the build.
    'public/pyodide/**',
    'public/sw.js',
  ]),
])

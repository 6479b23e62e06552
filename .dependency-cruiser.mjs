/**
 * The layers of DESIGN.md ("Layers"): each imports only those above it.
 *
 *   src/core        (no React, no DOM, no Node: runs in Node, browsers and Web Workers)
 *   src/adapters    → core
 *   src/react       → core, adapters
 *   src/components  → react, and core's types
 *   mocks/          → no src/ at all (the vendor's side, written from the docs on its own)
 *   src/cli         → core, adapters; mocks only through `bulk-invite mock`'s dynamic import()
 *
 * The rules apply to production code. Tests (`*.test.ts`, `*.browser.test.tsx`, `*.test-d.ts`) may cross
 * layers: an adapter's test runs it against the mocks, a core test uses the testing tools.
 *
 * `npm test` runs `depcruise src mocks` before vitest; `npx depcruise src mocks` alone prints the same.
 */

/** Files that are tests (and `npm run screenshots`' pages): the rules below never start from one. */
const TESTS = '\\.(test|test-d|screenshots)\\.tsx?$';
const CORE = '^src/core/';
const ADAPTERS = '^src/adapters/';
const REACT = '^src/react/';
const COMPONENTS = '^src/components/';
const CLI = '^src/cli/';
const MOCKS = '^mocks/';
/** The package's entries other than `react-bulk-invite/core`, which layers must not import back. */
const ROOT_ENTRY = '^src/index\\.ts$';
const TESTING = '^src/core/testing/';
/** npm packages that only a browser page or a React tree has. */
const UI_PACKAGES = 'node_modules/(react|react-dom|@radix-ui/[^/]+|scheduler)/';
const NPM = ['npm', 'npm-dev', 'npm-peer', 'npm-optional', 'npm-no-pkg', 'npm-unknown'];

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    // ── core ──────────────────────────────────────────────────────────────────────────────────────
    {
      name: 'core-imports-no-other-layer',
      comment: 'The core is the top layer: it imports nothing from adapters, react, components, the CLI, the mocks or the root entry.',
      severity: 'error',
      from: { path: CORE, pathNot: TESTS },
      to: { path: [ADAPTERS, REACT, COMPONENTS, CLI, MOCKS, ROOT_ENTRY] },
    },
    {
      name: 'core-no-node-builtins',
      comment: 'The core runs in browsers and Web Workers too: no node: modules (tsconfig.core.json keeps Node globals out as well).',
      severity: 'error',
      from: { path: CORE, pathNot: TESTS },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'core-only-its-packages',
      comment: 'The core depends on zod (zod/mini) and papaparse and nothing else: no React, no DOM library, no msw.',
      severity: 'error',
      from: { path: CORE, pathNot: TESTS },
      to: { dependencyTypes: NPM, pathNot: 'node_modules/(zod|papaparse|@types/papaparse)/' },
    },
    // ── adapters ──────────────────────────────────────────────────────────────────────────────────
    {
      name: 'adapters-import-only-core',
      comment: 'An adapter implements the core contract: it imports the core and other adapter modules, nothing below.',
      severity: 'error',
      from: { path: ADAPTERS, pathNot: TESTS },
      to: { path: [REACT, COMPONENTS, CLI, MOCKS, ROOT_ENTRY] },
    },
    {
      name: 'adapters-no-node-builtins',
      comment: 'Adapters run wherever fetch does (a browser behind a proxy, a worker, Node): no node: modules.',
      severity: 'error',
      from: { path: ADAPTERS, pathNot: TESTS },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'adapters-only-zod',
      comment: 'Adapters validate with zod/mini and speak through fetch; no other package (no React, no msw).',
      severity: 'error',
      from: { path: ADAPTERS, pathNot: TESTS },
      to: { dependencyTypes: NPM, pathNot: 'node_modules/zod/' },
    },
    // ── react ─────────────────────────────────────────────────────────────────────────────────────
    {
      name: 'react-imports-core-and-adapters-only',
      comment: 'Hooks sit on the core (and may name adapters); never on components, the CLI or the mocks.',
      severity: 'error',
      from: { path: REACT, pathNot: TESTS },
      to: { path: [COMPONENTS, CLI, MOCKS, ROOT_ENTRY] },
    },
    // ── components ────────────────────────────────────────────────────────────────────────────────
    {
      name: 'components-import-react-layer-only',
      comment: 'Components are built only on the public hooks: no adapters, CLI, mocks or root entry.',
      severity: 'error',
      from: { path: COMPONENTS, pathNot: TESTS },
      to: { path: [ADAPTERS, CLI, MOCKS, ROOT_ENTRY] },
    },
    {
      name: 'components-take-only-types-from-core',
      comment: 'Components get behaviour from the hooks; from the core they may import types (`import type`) only.',
      severity: 'error',
      from: { path: COMPONENTS, pathNot: TESTS },
      to: { path: CORE, dependencyTypesNot: ['type-only'] },
    },
    // ── mocks ─────────────────────────────────────────────────────────────────────────────────────
    {
      name: 'mocks-import-no-src',
      comment: 'The mocks are the vendor side, written from the docs on their own: a misreading in an adapter must not be copied into its mock.',
      severity: 'error',
      from: { path: MOCKS, pathNot: TESTS },
      to: { path: '^src/' },
    },
    // ── CLI ───────────────────────────────────────────────────────────────────────────────────────
    {
      name: 'cli-no-ui-layers',
      comment: 'The CLI uses the core and the adapters; never the React layers.',
      severity: 'error',
      from: { path: CLI, pathNot: TESTS },
      to: { path: [REACT, COMPONENTS, ROOT_ENTRY] },
    },
    {
      name: 'cli-loads-mocks-only-on-demand',
      comment:
        'msw is an optional peer: `bulk-invite check` and `send` must load without it. The CLI reaches the mocks only ' +
        'through `bulk-invite mock`\'s dynamic import() (src/cli/mock.ts) and `import type`; the one static import ' +
        'allowed is mocks/scenario-names.ts, which imports nothing (next rule).',
      severity: 'error',
      from: { path: CLI, pathNot: TESTS },
      to: { path: MOCKS, pathNot: '^mocks/scenario-names\\.ts$', dependencyTypesNot: ['dynamic-import', 'type-only'] },
    },
    {
      name: 'cli-static-mock-module-imports-nothing',
      comment: 'mocks/scenario-names.ts is loaded by every CLI command, so it must not pull msw (or anything) in.',
      severity: 'error',
      from: { path: '^mocks/scenario-names\\.ts$' },
      to: {},
    },
    // ── entries and test tools ────────────────────────────────────────────────────────────────────
    {
      name: 'root-entry-no-cli-or-mocks',
      comment: 'The root entry (react-bulk-invite) is the core, the adapters and (to come) the React layers: never the CLI or the mocks.',
      severity: 'error',
      from: { path: ROOT_ENTRY },
      to: { path: [CLI, MOCKS] },
    },
    {
      name: 'testing-tools-stay-out-of-production',
      comment: 'The fake vendor and virtual clock (react-bulk-invite/testing) are for tests, benches and hosts\' tests, never for the kit\'s own code.',
      severity: 'error',
      from: { path: '^src/', pathNot: [TESTS, TESTING] },
      to: { path: TESTING },
    },
    {
      name: 'no-unresolvable-imports',
      comment: 'An import dependency-cruiser cannot resolve would escape every rule above.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)fixtures/' },
    // Type-only imports are dependencies too (components may have only those from the core).
    tsPreCompilationDeps: true,
    // Without it dependency-cruiser resolves no `.ts` import and cruises nothing.
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};

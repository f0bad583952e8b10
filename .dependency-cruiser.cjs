// Module boundaries, checked by `npm run lint` (decision 032; docs/ARCHITECTURE.md → Modules and their dependencies).
// A violation fails the lint; src/server/boundaries.test.ts plants one of each in a copy and expects the failure.
const MODULE = '^src/server/modules/([^/]+)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-module-cycle',
      comment:
        'Two server modules must not depend on each other, even through others: move the shared piece down, or plug it in (src/server/wiring.ts).',
      severity: 'error',
      scope: 'folder',
      from: { path: '^src/server/modules/[^/]+$' },
      to: { path: '^src/server/modules/[^/]+$', circular: true, viaOnly: { path: '^src/server/modules/[^/]+$' } },
    },
    {
      name: 'no-file-cycle',
      comment: 'No import cycle between files anywhere in src (a cycle of type imports only is erased at build).',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'module-internals',
      comment: "A module uses another only through that module's index.ts (tests may reach in).",
      severity: 'error',
      from: { path: MODULE, pathNot: '\\.test\\.tsx?$' },
      to: {
        path: '^src/server/modules/[^/]+/',
        pathNot: ['^src/server/modules/$1/', '^src/server/modules/[^/]+/index\\.ts$'],
      },
    },
    {
      name: 'web-not-server',
      comment: 'The web apps share code with the server only through src/common.',
      severity: 'error',
      from: { path: '^src/web/' },
      to: { path: '^src/server/' },
    },
    {
      name: 'server-not-web',
      severity: 'error',
      from: { path: '^src/server/' },
      to: { path: '^src/web/' },
    },
    {
      name: 'common-is-plain',
      comment:
        'src/common runs in the browser and on the server: no Node built-ins, no React, nothing from server or web.',
      severity: 'error',
      from: { path: '^src/common/', pathNot: '\\.test\\.ts$' },
      to: {
        pathNot: 'node_modules/(zod|libphonenumber-js)/',
        path: ['^src/(server|web)/', 'node_modules/'],
      },
    },
    {
      name: 'common-no-node-builtins',
      severity: 'error',
      from: { path: '^src/common/' },
      to: { dependencyTypes: ['core'] },
    },
  ],
  options: {
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    // Tests may reach into any module (they set up a scene across modules); they are not part of the graph.
    exclude: { path: ['^dist/', '\\.test\\.tsx?$'] },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};

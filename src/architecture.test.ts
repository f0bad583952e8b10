// The module rules of .dependency-cruiser.cjs (decision 032) must fail on a violation, not only pass on a clean
// tree: one violation of each rule is planted in a copy of src and the checker must name every one of them.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const repo = path.resolve(import.meta.dirname, '..');
const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'wasl-boundaries-'));
afterAll(() => fs.rmSync(copy, { recursive: true, force: true }));

function plant(file: string, text: string) {
  fs.writeFileSync(path.join(copy, file), text);
}

describe('module boundaries (npm run lint)', () => {
  it('fails on a module cycle, a reach into internals, web → server, common → Node or React, and a file cycle', () => {
    fs.cpSync(path.join(repo, 'src'), path.join(copy, 'src'), { recursive: true });
    for (const f of ['tsconfig.json', '.dependency-cruiser.cjs'])
      fs.copyFileSync(path.join(repo, f), path.join(copy, f));
    fs.symlinkSync(path.join(repo, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
    // settings sits below cases (cases reads the settings), so settings → cases closes a cycle.
    plant('src/server/modules/settings/planted-cycle.ts', "export { createCase } from '../cases';\n");
    plant('src/server/modules/outreach/planted-internal.ts', "export { getCase } from '../cases/queries';\n");
    plant('src/web/planted-server.ts', "export { AppError } from '../server/errors';\n");
    plant('src/common/planted-node.ts', "export { readFileSync } from 'node:fs';\n");
    plant('src/common/planted-react.ts', "export { useState } from 'react';\n");
    plant('src/common/planted-a.ts', "import { b } from './planted-b';\nexport const a = () => b;\n");
    plant('src/common/planted-b.ts', "import { a } from './planted-a';\nexport const b = () => a;\n");

    const bin = path.join(repo, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
    const run = spawnSync(
      process.execPath,
      [bin, 'src', '--config', '.dependency-cruiser.cjs', '--output-type', 'err'],
      {
        cwd: copy,
        encoding: 'utf8',
      },
    );
    const out = run.stdout + run.stderr;
    expect(run.status, out).not.toBe(0);
    expect(out).toMatch(/no-module-cycle: src\/server\/modules\/(settings|cases)/);
    expect(out).toContain('module-internals: src/server/modules/outreach/planted-internal.ts');
    expect(out).toContain('web-not-server: src/web/planted-server.ts');
    expect(out).toContain('common-no-node-builtins: src/common/planted-node.ts');
    expect(out).toContain('common-is-plain: src/common/planted-react.ts');
    expect(out).toMatch(/no-file-cycle: src\/common\/planted-[ab]\.ts/);
  }, 180_000);
});

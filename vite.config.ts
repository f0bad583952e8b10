import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/**
 * Brotli and gzip copies of the built text files, next to them (`x.js.br`, `x.js.gz`). The server sends them as
 * they are (@fastify/static `preCompressed`), so compression costs nothing per request. Brotli quality 9: files
 * within 7 % of quality 11 for a quarter of the build time. Fonts (woff2) and images are compressed already.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'wasl-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const files = (await fs.readdir(outDir, { recursive: true })).filter((f) => /\.(js|css|html|svg|json)$/.test(f));
      await Promise.all(
        files.map(async (file) => {
          const full = path.join(outDir, file);
          const data = await fs.readFile(full);
          // Small files too: the portal's first load has several chunks of about 1 KB, and each is halved.
          if (data.length < 256) return;
          const [br, gz] = await Promise.all([
            brotli(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9 } }),
            gzip(data, { level: 9 }),
          ]);
          if (br.length >= data.length) return;
          await fs.writeFile(`${full}.br`, br);
          await fs.writeFile(`${full}.gz`, gz);
        }),
      );
    },
  };
}

/**
 * The lucide-react files of the icons the portal uses (src/web/portal/icons.ts names them), so they can go in one
 * chunk: each is shared with the staff app and would otherwise be its own chunk of a few hundred bytes, fetched
 * with its headers on a phone.
 */
function portalIconFiles(module: string): Set<string> {
  const names = /export \{([^}]*)\}/.exec(readFileSync(module, 'utf8'))?.[1]?.split(',') ?? [];
  const wanted = new Set(names.map((name) => name.trim()).filter(Boolean));
  const index = readFileSync('node_modules/lucide-react/dist/esm/lucide-react.mjs', 'utf8');
  const files = new Set<string>();
  for (const [, exported = '', file = ''] of index.matchAll(/export \{([^}]*)\} from '\.\/(icons\/[^']+)'/g)) {
    if (exported.split(',').some((part) => wanted.has(part.replace(/^\s*default as\s*/, '').trim()))) files.add(file);
  }
  return files;
}
// The home page's and the frame's icons come with the first load; the other pages' icons in a second chunk.
const portalIcons = portalIconFiles('src/web/portal/icons.ts');
const portalPageIcons = portalIconFiles('src/web/portal/page-icons.ts');

/**
 * `virtual:portal-strings/<section>`: one top-level section of the portal's Arabic translation
 * (src/common/i18n/ar/portal.json) as its own module, so each page's chunk carries only its own strings and the
 * first load of /portal carries only the home page's (issue 16; src/web/portal/i18n.ts registers them).
 */
function portalStrings(): Plugin {
  const prefix = 'virtual:portal-strings/';
  const source = path.resolve(import.meta.dirname, 'src/common/i18n/ar/portal.json');
  return {
    name: 'wasl-portal-strings',
    resolveId(id) {
      return id.startsWith(prefix) ? `\0${id}` : undefined;
    },
    load(id) {
      if (!id.startsWith(`\0${prefix}`)) return undefined;
      this.addWatchFile(source);
      const section = id.slice(prefix.length + 1);
      const all = JSON.parse(readFileSync(source, 'utf8')) as Record<string, unknown>;
      if (!(section in all)) this.error(`portal.json has no section "${section}"`);
      return `export default ${JSON.stringify(all[section])};`;
    },
  };
}

/**
 * The staff app's strings (src/common/i18n/{ar,en}/ui.json, one source file each) cut at build time (issue 19):
 * `virtual:ui-strings/ar-core` holds the key paths named in src/web/staff/strings-core.json — what the sign-in
 * page, the shell and the home page show — and ships in the first download; `virtual:ui-strings/ar-rest` (every
 * other section) comes with the first other page (src/web/lib/i18n.ts, lazyPage); `virtual:ui-strings/en` only when
 * English is chosen. The build fails if the first download uses a key that the core list does not cover.
 */
function uiStrings(): Plugin {
  const prefix = 'virtual:ui-strings/';
  const file = (name: string) => path.resolve(import.meta.dirname, name);
  const sources = {
    ar: file('src/common/i18n/ar/ui.json'),
    en: file('src/common/i18n/en/ui.json'),
    core: file('src/web/staff/strings-core.json'),
  };
  const read = (which: keyof typeof sources) => JSON.parse(readFileSync(sources[which], 'utf8'));
  type Tree = { [key: string]: string | Tree };
  const at = (tree: Tree, parts: string[]): string | Tree | undefined =>
    parts.reduce<string | Tree | undefined>((node, part) => (typeof node === 'object' ? node[part] : undefined), tree);
  /** A copy of `tree` holding only the given dotted paths. */
  const pick = (tree: Tree, paths: string[]) => {
    const out: Tree = {};
    for (const dotted of paths) {
      const parts = dotted.split('.');
      const value = at(tree, parts);
      if (value === undefined) continue;
      let node = out;
      for (const part of parts.slice(0, -1)) {
        node[part] ??= {};
        node = node[part] as Tree;
      }
      node[parts.at(-1) as string] = value;
    }
    return out;
  };
  return {
    name: 'wasl-ui-strings',
    resolveId(id) {
      return id.startsWith(prefix) ? `\0${id}` : undefined;
    },
    load(id) {
      if (!id.startsWith(`\0${prefix}`)) return undefined;
      for (const source of Object.values(sources)) this.addWatchFile(source);
      const name = id.slice(prefix.length + 1);
      const ar = read('ar') as Tree;
      const core = read('core') as string[];
      const coreSections = new Set(core.filter((p) => !p.includes('.')));
      if (name === 'ar-core') return `export default ${JSON.stringify(pick(ar, core))};`;
      // Sections partly in the core travel again whole here: merged deeply, so nothing is lost or doubled on screen.
      if (name === 'ar-rest') {
        return `export default ${JSON.stringify(Object.fromEntries(Object.entries(ar).filter(([k]) => !coreSections.has(k))))};`;
      }
      if (name === 'en') return `export default ${JSON.stringify(read('en'))};`;
      this.error(`unknown strings module ${id}`);
    },
    generateBundle(_options, bundle) {
      const entry = Object.values(bundle).find(
        (c) => c.type === 'chunk' && c.isEntry && c.facadeModuleId === file('src/web/index.html'),
      );
      if (entry?.type !== 'chunk') return;
      const ar = read('ar') as Tree;
      const core = read('core') as string[];
      const covered = (parts: string[]) =>
        core.some((p) => parts.join('.').startsWith(p) && /^$|^\./.test(parts.join('.').slice(p.length)));
      // Every key-like literal in the first download (the entry chunk and the chunks it imports statically).
      const seen = new Set<string>();
      const missing = new Set<string>();
      const visit = (fileName: string) => {
        const chunk = bundle[fileName];
        if (seen.has(fileName) || !chunk || chunk.type !== 'chunk') return;
        seen.add(fileName);
        for (const [, literal = ''] of chunk.code.matchAll(/["'`]([A-Za-z]\w*\.[\w.]*?)(?=["'`]|\$\{)/g)) {
          const parts = literal.replace(/\.$/, '').split('.');
          if (!(parts[0]! in ar)) continue;
          const parent = at(ar, parts.slice(0, -1));
          const last = parts.at(-1) as string;
          // A key of ui.json (or a plural's base, `count` for `count_one`); other dotted names (permissions) pass.
          const isKey =
            at(ar, parts) !== undefined ||
            (typeof parent === 'object' && Object.keys(parent).some((k) => k.startsWith(`${last}_`)));
          if (isKey && !covered(parts)) missing.add(parts.join('.'));
        }
        for (const imported of chunk.imports) visit(imported);
      };
      visit(entry.fileName);
      // WASL_BUNDLE_REPORT=1: the largest modules of the first download, to see what to cut next.
      if (process.env.WASL_BUNDLE_REPORT) {
        const sizes = [...seen].flatMap((name) => {
          const chunk = bundle[name];
          return chunk?.type === 'chunk'
            ? Object.entries(chunk.modules).map(
                ([id, m]) => [`${name} ${path.relative(import.meta.dirname, id)}`, m.renderedLength] as const,
              )
            : [];
        });
        for (const [id, size] of sizes
          .sort((a, b) => b[1] - a[1])
          .slice(0, Number(process.env.WASL_BUNDLE_REPORT) || 40))
          console.log(String(size).padStart(8), id);
      }
      if (missing.size > 0) {
        this.error(
          `The staff app's first download uses strings outside src/web/staff/strings-core.json: ${[...missing].sort().join(', ')}`,
        );
      }
    },
  };
}

// The web apps live under src/web; the server serves the built files from dist/web.
export default defineConfig({
  root: 'src/web',
  plugins: [react(), tailwindcss(), portalStrings(), uiStrings(), precompress()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    // Every browser the apps support preloads modules itself: the polyfill was one more request on each first load.
    modulePreload: { polyfill: false },
    rollupOptions: {
      input: {
        staff: path.resolve(import.meta.dirname, 'src/web/index.html'),
        portal: path.resolve(import.meta.dirname, 'src/web/portal/index.html'),
        // The branch representatives' offline app (issue 18): its own small bundle and service worker.
        field: path.resolve(import.meta.dirname, 'src/web/field/index.html'),
      },
      output: {
        codeSplitting: {
          groups: [
            // React, its JSX runtime and react-dom in one file: with three apps sharing them (staff, portal, field)
            // the bundler would otherwise split the JSX runtime into its own small request on the portal's first load.
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            {
              name: 'portal-icons',
              test: (id) =>
                /lucide-react[\\/]dist[\\/]esm[\\/]icons[\\/]/.test(id) &&
                portalIcons.has(`icons/${path.basename(id)}`),
            },
            {
              name: 'portal-page-icons',
              test: (id) =>
                /lucide-react[\\/]dist[\\/]esm[\\/]icons[\\/]/.test(id) &&
                portalPageIcons.has(`icons/${path.basename(id)}`),
            },
          ],
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});

// `npx tsx bench/profile-summary.ts <file.cpuprofile> [top] [requests] [window seconds]`: where a CPU profile's time went.
// 1. Self time by group: samples in node_modules by package; in the compiled server (dist/server/main.mjs) by source
//    file through its source map; Node's own code and the engine's (GC, idle, program) by name.
// 2. Per layer of the HTTP stack (logging, security headers, cookie and session, guard, validation, serialisation,
//    audit, the route's own code, the database driver, HTTP core): each sample counts for the outermost layer on its
//    stack, so a query the session hook makes counts for the session. With `requests`, also CPU µs per request.
// Used for docs/benchmarks.md run 4 (issue 19).
import fs from 'node:fs';
import { SourceMap } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

type Node = {
  id: number;
  children?: number[];
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
};
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

const file = process.argv[2];
if (!file) throw new Error('usage: profile-summary.ts <file.cpuprofile> [top]');
const top = Number(process.argv[3] ?? 25);
const requests = Number(process.argv[4] ?? 0);
// [window]: only the last this many seconds of the profile (the load, not the start-up before it).
const windowUs = Number(process.argv[5] ?? 0) * 1e6;
const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;

const maps = new Map<string, SourceMap | null>();
function sourceMapOf(url: string): SourceMap | null {
  if (!maps.has(url)) {
    const mapFile = `${fileURLToPath(url)}.map`;
    maps.set(url, fs.existsSync(mapFile) ? new SourceMap(JSON.parse(fs.readFileSync(mapFile, 'utf8'))) : null);
  }
  return maps.get(url) ?? null;
}

/** The group a sample counts towards: a package, a source file of ours, a Node internal, or the engine. */
function groupOf(node: Node): string {
  const { url, functionName, lineNumber, columnNumber } = node.callFrame;
  if (!url) return functionName.startsWith('(') ? functionName : `(${functionName || 'anonymous'})`;
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules) return `pkg ${modules[1]}`;
  if (url.startsWith('node:')) return `node ${url.slice(5).split('/')[0]}`;
  if (url.startsWith('file:') && url.endsWith('.mjs')) {
    const entry = sourceMapOf(url)?.findEntry(lineNumber, columnNumber);
    const source = entry && 'originalSource' in entry ? entry.originalSource : undefined;
    if (source) {
      const rel = source.replace(/^.*?src\//, 'src/').replace(/^.*node_modules\//, 'node_modules/');
      return `wasl ${rel}`;
    }
  }
  return `file ${path.basename(url)}`;
}

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
// Sample times from the deltas; with a window, the samples before it are left out.
const inWindow: boolean[] = [];
{
  let t = profile.startTime;
  for (const dt of profile.timeDeltas) {
    t += dt;
    inWindow.push(!windowUs || t >= profile.endTime - windowUs);
  }
}
const selfUs = new Map<string, number>();
let total = 0;
for (let i = 0; i < profile.samples.length; i++) {
  if (!inWindow[i]) continue;
  const node = byId.get(profile.samples[i]!)!;
  const dt = profile.timeDeltas[i] ?? 0;
  total += dt;
  const group = groupOf(node);
  selfUs.set(group, (selfUs.get(group) ?? 0) + dt);
}
const idle = selfUs.get('(idle)') ?? 0;
const busy = total - idle;
console.log(`${path.basename(file)}: ${(total / 1e6).toFixed(1)} s sampled, ${(busy / 1e6).toFixed(1)} s busy`);
console.log('| self time, % of busy | group |');
console.log('|---:|---|');
for (const [group, us] of [...selfUs]
  .filter(([g]) => g !== '(idle)')
  .sort((a, b) => b[1] - a[1])
  .slice(0, top)) {
  console.log(`| ${((100 * us) / busy).toFixed(1)} | ${group} |`);
}

/** The layer a frame belongs to, if it is one of the stack's layers. */
function layerOf(node: Node): string | undefined {
  const group = groupOf(node);
  const { url, lineNumber } = node.callFrame;
  if (/pkg (pino|pino-std-serializers|fast-redact|sonic-boom|thread-stream)$/.test(group)) return 'logging';
  if (/pkg (@fastify\/helmet|helmet)$/.test(group)) return 'security headers';
  if (/pkg (@fastify\/cookie|cookie|cookie-signature)$/.test(group)) return 'cookie and session';
  if (/wasl src\/server\/(http\/session|modules\/auth\/)/.test(group)) return 'cookie and session';
  if (/wasl src\/server\/(http\/guard|policy)/.test(group)) return 'guard (access, CSRF)';
  if (/wasl src\/server\/http\/audit/.test(group)) return 'audit row';
  if (/wasl src\/server\/http\/(validation)|wasl src\/common\/input/.test(group)) return 'validation';
  // fastify-type-provider-zod: its serializer compiler is at the end of core.js, the validator before it.
  if (url.includes('fastify-type-provider-zod')) return lineNumber >= 120 ? 'serialisation' : 'validation';
  if (/pkg fast-json-stringify$/.test(group)) return 'serialisation';
  if (/wasl src\/server\/(modules|http\/bench-floor)/.test(group)) return 'route handler (Wasl code)';
  return undefined;
}
const PRIORITY = [
  'audit row',
  'logging',
  'security headers',
  'cookie and session',
  'guard (access, CSRF)',
  'validation',
  'serialisation',
  'route handler (Wasl code)',
];
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const layerCache = new Map<number, string>();
function sampleLayer(id: number): string {
  const cached = layerCache.get(id);
  if (cached) return cached;
  const found = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const layer = layerOf(byId.get(at)!);
    if (layer) found.add(layer);
  }
  const leaf = groupOf(byId.get(id)!);
  const generic = /pkg (drizzle-orm|pg|pg-pool|pg-protocol|pg-types|postgres-\w+|@electric-sql\/pglite)$/.test(leaf)
    ? 'database driver and query builder'
    : leaf === '(garbage collector)'
      ? 'garbage collector'
      : leaf === '(idle)'
        ? 'idle'
        : 'HTTP core (Fastify, Node, sockets)';
  const layer = PRIORITY.find((p) => found.has(p)) ?? generic;
  layerCache.set(id, layer);
  return layer;
}
const byLayer = new Map<string, number>();
for (let i = 0; i < profile.samples.length; i++) {
  if (!inWindow[i]) continue;
  const layer = sampleLayer(profile.samples[i]!);
  byLayer.set(layer, (byLayer.get(layer) ?? 0) + (profile.timeDeltas[i] ?? 0));
}
console.log(`\n| layer | % of busy |${requests ? ' CPU µs per request |' : ''}`);
console.log(`|---|---:|${requests ? '---:|' : ''}`);
for (const [layer, us] of [...byLayer].filter(([l]) => l !== 'idle').sort((a, b) => b[1] - a[1])) {
  console.log(`| ${layer} | ${((100 * us) / busy).toFixed(1)} |${requests ? ` ${(us / requests).toFixed(0)} |` : ''}`);
}

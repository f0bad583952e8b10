// `npx tsx bench/profile-summary.ts <file.cpuprofile> [top]`: where a CPU profile's time went, by self time.
// Samples in node_modules are grouped by package; samples in the compiled server (dist/server/main.mjs) are mapped
// back to their source file through its source map; Node's own code and the engine's (GC, idle, program) by name.
// Used for docs/benchmarks.md run 4 (issue 19): the per-layer table is read off this output.
import fs from 'node:fs';
import { SourceMap } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

type Node = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
};
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

const file = process.argv[2];
if (!file) throw new Error('usage: profile-summary.ts <file.cpuprofile> [top]');
const top = Number(process.argv[3] ?? 25);
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
  if (!url) return `(${functionName || 'anonymous'})`;
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
const selfUs = new Map<string, number>();
let total = 0;
for (let i = 0; i < profile.samples.length; i++) {
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

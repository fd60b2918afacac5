/**
 * Benchmark driver: `npm run bench [-- area ...]`.
 *
 * Every `bench/<area>.bench.ts` exports `run(): Promise<string>` returning a markdown section
 * (tables + the exact command). This driver runs the selected areas (all by default) and
 * replaces their sections in BENCHMARKS.md between `<!-- bench:<area> -->` markers, leaving
 * the other sections untouched.
 */
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpus } from 'node:os';

const here = dirname(fileURLToPath(import.meta.url));
const outFile = join(here, '..', 'BENCHMARKS.md');

const available = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.replace(/\.bench\.ts$/, ''))
  .sort();
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
for (const w of wanted) {
  if (!available.includes(w)) {
    console.error(`unknown benchmark area "${w}"; available: ${available.join(', ')}`);
    process.exit(2);
  }
}
const areas = wanted.length > 0 ? wanted : available;

const header = `# graphgen benchmarks\n\nProduced by \`npm run bench\` (or \`npm run bench -- <area>\` for one section). Each section states its own command and machine.\nTimes are wall-clock medians on the machine named in the section; compare ratios within one section, not across machines.\n`;
for (const area of areas) {
  const mod = (await import(join(here, `${area}.bench.ts`))) as { run: () => Promise<string> };
  console.log(`running bench/${area}.bench.ts ...`);
  const started = new Date().toISOString().slice(0, 10);
  const body = await mod.run();
  const section = `<!-- bench:${area} -->\n## ${area}\n\nCommand: \`npm run bench -- ${area}\` (${started}, ${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version})\n\n${body.trim()}\n<!-- /bench:${area} -->`;
  const re = new RegExp(`<!-- bench:${area} -->[\\s\\S]*?<!-- /bench:${area} -->`);
  // Re-read just before writing: other bench runs may have updated their sections meanwhile.
  let doc = existsSync(outFile) ? readFileSync(outFile, 'utf8') : header;
  doc = re.test(doc) ? doc.replace(re, section) : `${doc.trimEnd()}\n\n${section}\n`;
  writeFileSync(outFile, doc);
  console.log(body);
}

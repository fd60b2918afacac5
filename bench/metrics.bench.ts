/**
 * Benchmark of graphgen/metrics: the spectre-preset evaluation (five MMDs incl. wavelet, plus
 * uniqueness / novelty / validity / V.U.N. against the 128 training graphs) of 40 generated
 * graphs against the 40 test graphs of the shared planar and SBM benchmarks, in-process and as
 * whole processes, against the same computation in Python (networkx 2.8 / numpy / scipy,
 * scripts/metrics/bench_eval.py) when /usr/bin/python3 has them.
 *
 * The "generated" graphs are the 40 test graphs of graphgen's own seeded recipes
 * (`loadDataset('planar' | 'sbm')`, seed 0): look-alikes of the benchmark graphs.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRng } from '../src/core/rng.js';
import { loadDataset } from '../src/datasets/loadDataset.js';
import type { Graph } from '../src/graph/Graph.js';
import { formatGraph6 } from '../src/io/formatGraph6.js';
import { parseGraph6 } from '../src/io/parseGraph6.js';
import { evaluate } from '../src/metrics/evaluate.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const shared = join(root, '..', 'shared', 'datasets');
const python = '/usr/bin/python3';

function hasPython(): boolean {
  if (!existsSync(python)) return false;
  const r = spawnSync(python, ['-c', 'import networkx, scipy, numpy'], { encoding: 'utf8' });
  return r.status === 0;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function timeIt<T>(fn: () => T, repeats: number): { ms: number; value: T } {
  const times: number[] = [];
  let value = fn();
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    value = fn();
    times.push(performance.now() - t0);
  }
  return { ms: median(times), value };
}

function wall(cmd: string, args: string[]): number {
  const t0 = performance.now();
  execFileSync(cmd, args, { cwd: root, stdio: 'pipe', maxBuffer: 1 << 26 });
  return performance.now() - t0;
}

const f = (x: number | undefined): string => (x === undefined ? '-' : Math.abs(x) < 1e-3 && x !== 0 ? x.toExponential(3) : x.toFixed(4));

export async function run(): Promise<string> {
  if (!existsSync(join(shared, 'planar', 'test.g6'))) return 'Skipped: ../shared/datasets is absent.';
  const py = hasPython();
  const dir = mkdtempSync(join(tmpdir(), 'graphgen-bench-metrics-'));
  const out: string[] = [];
  out.push('Spectre preset: degree, clustering, orbit, spectral, wavelet MMDs of 40 generated vs the 40 benchmark test graphs, and uniqueness / novelty / validity / V.U.N. against the 128 training graphs. "Generated" = the 40 test graphs of graphgen\'s seeded recipe (`loadDataset(name).test`).');
  out.push('');
  out.push(py ? 'Python: the same computation with networkx 2.8 / numpy / scipy (`scripts/metrics/bench_eval.py`; orbits by a pure-Python ESU counter, as ORCA is not installed; SBM validity is not available in Python without graph-tool, so the SBM rows compare with validity `none`, and graphgen\'s SBM validity is timed separately).' : 'Python comparison skipped: `/usr/bin/python3` with networkx/scipy/numpy is not available.');
  out.push('');
  out.push('| dataset | validity | graphgen in-process (median of 3) | Python in-process | speedup | graphgen whole process (`tsx src/cli/main.ts eval`) | Python whole process | speedup |');
  out.push('|---|---|---|---|---|---|---|---|');
  const details: string[] = [];
  for (const name of ['planar', 'sbm'] as const) {
    const read = (split: string): Graph[] => parseGraph6(readFileSync(join(shared, name, `${split}.g6`), 'utf8'));
    const train = read('train');
    const test = read('test');
    const generated = loadDataset(name).test.slice(0, 40);
    const genFile = join(dir, `${name}-gen.g6`);
    writeFileSync(genFile, formatGraph6(generated));
    const validity = name === 'planar' ? 'planar' : 'none';
    const ts = timeIt(() => evaluate(generated, test, { train, validity, rng: createRng(0), ratio: false }), 3);
    let pyMs = NaN;
    let pyWall = NaN;
    if (py) {
      const script = join(root, 'scripts', 'metrics', 'bench_eval.py');
      const args = [script, genFile, join(shared, name, 'test.g6'), join(shared, name, 'train.g6'), validity];
      const t0 = performance.now();
      const res = JSON.parse(execFileSync(python, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 26 })) as { seconds: number; mmd: Record<string, number> };
      pyWall = performance.now() - t0;
      pyMs = res.seconds * 1000;
      const agree = Object.entries(res.mmd).map(([m, v]) => `${m} ${f(ts.value.mmd[m as keyof typeof ts.value.mmd])} / ${f(v)}`);
      details.push(`- ${name}: MMD graphgen / Python: ${agree.join(', ')}; V.U.N. graphgen ${(100 * ts.value.sample.vun).toFixed(1)} %`);
    } else {
      details.push(`- ${name}: MMD ${Object.entries(ts.value.mmd).map(([m, v]) => `${m} ${f(v)}`).join(', ')}; V.U.N. ${(100 * ts.value.sample.vun).toFixed(1)} %`);
    }
    const tsx = join(root, 'node_modules', '.bin', 'tsx');
    const cliArgs = [join(root, 'src', 'cli', 'main.ts'), 'eval', '--generated', genFile, '--reference', `${name}:test`, '--train', `${name}:train`, '--root', shared, '--validity', validity, '--no-ratio', '--json'];
    const tsWall = wall(tsx, cliArgs);
    out.push(`| ${name} | ${validity} | ${ts.ms.toFixed(0)} ms | ${py ? `${pyMs.toFixed(0)} ms` : '-'} | ${py ? `${(pyMs / ts.ms).toFixed(1)}x` : '-'} | ${tsWall.toFixed(0)} ms | ${py ? `${pyWall.toFixed(0)} ms` : '-'} | ${py ? `${(pyWall / tsWall).toFixed(1)}x` : '-'} |`);
    if (name === 'sbm') {
      const sbm = timeIt(() => evaluate(generated, test, { train, validity: 'sbm', rng: createRng(0), ratio: false }), 1);
      const trainValid = timeIt(() => evaluate(train, test, { validity: 'sbm', rng: createRng(0), metrics: ['degree'] }), 0);
      details.push(`- sbm with graphgen's SBM validity: ${sbm.ms.toFixed(0)} ms in-process, V.U.N. ${(100 * sbm.value.sample.vun).toFixed(1)} %; the 128 SBM training graphs score ${(100 * trainValid.value.sample.valid).toFixed(1)} % valid (reference with graph-tool: about 86 %).`);
    }
  }
  out.push('');
  out.push(...details);
  out.push('');
  out.push('Both sides compute the same things: the five MMDs of generated vs test and V.U.N. against train (graphgen with `ratio: false` / `--no-ratio`: the train-vs-test MMDs behind the ratio are not computed, as the Python twin does not compute them).');
  out.push('Whole-process times include Node + tsx start-up and TypeScript transpilation (no build step), and reading the .g6 files.');
  return out.join('\n');
}

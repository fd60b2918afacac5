/**
 * Example 5: graphgen inside an existing graphology project. Graphs that live as graphology
 * objects are converted with `fromGraphology`, a generator (here the Erdős–Rényi baseline and a
 * tiny DeFoG model) learns from them, and the samples go back to graphology with `toGraphology`.
 * Run: `npx tsx examples/05-graphology.ts`. In your project import from `graphgen/graph`,
 * `graphgen/generators`, `graphgen/nn` and `graphgen/core`.
 */
import { UndirectedGraph } from 'graphology';
import { createRng } from '../src/core/rng.js';
import { fromGraphology, toGraphology } from '../src/graph/graphology.js';
import { initBackend } from '../src/nn/initBackend.js';
import { ErdosRenyi } from '../src/generators/baselines/ErdosRenyi.js';
import { DiscreteFlow } from '../src/generators/flow/DiscreteFlow.js';
import { isMain } from './benchmarkExample.js';

/** Ring-of-cliques graphs built with graphology, as an existing project would have them. */
function projectGraphs(count: number): UndirectedGraph[] {
  const out: UndirectedGraph[] = [];
  for (let k = 0; k < count; k++) {
    const g = new UndirectedGraph();
    const cliques = 2 + (k % 2);
    for (let c = 0; c < cliques; c++) for (let i = 0; i < 3; i++) g.addNode(`c${c}-${i}`);
    for (let c = 0; c < cliques; c++) {
      g.addEdge(`c${c}-0`, `c${c}-1`);
      g.addEdge(`c${c}-1`, `c${c}-2`);
      g.addEdge(`c${c}-2`, `c${c}-0`);
      g.addEdge(`c${c}-0`, `c${(c + 1) % cliques}-1`);
    }
    out.push(g);
  }
  return out;
}

/** Returns the sampled graphology graphs. */
export async function main(options: { epochs: number; steps: number; count: number; verbose?: boolean } = { epochs: 100, steps: 100, count: 5 }): Promise<UndirectedGraph[]> {
  const log = options.verbose === false ? () => {} : (s: string) => process.stdout.write(`${s}\n`);
  await initBackend();
  const train = projectGraphs(24).map((g) => fromGraphology(g).graph);
  const er = new ErdosRenyi();
  await er.fit(train);
  log(`Erdős–Rényi density ${er.p?.toFixed(3)}`);
  const model = new DiscreteFlow({ denoiser: { hiddenX: 16, hiddenE: 8, hiddenY: 8, layers: 2, heads: 2 } });
  await model.fit(train, { rng: createRng(0), epochs: options.epochs, batchSize: 8, lr: 3e-3 });
  const samples = await model.sample(options.count, { rng: createRng(1), steps: options.steps });
  model.dispose();
  const out = samples.map((g) => toGraphology(g));
  out.forEach((g, i) => log(`sample ${i}: ${g.order} nodes, ${g.size} edges`));
  return out;
}

if (isMain(import.meta.url)) await main();

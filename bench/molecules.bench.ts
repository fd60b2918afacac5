/**
 * Throughput of the molecule metrics on graphgen's own enumerated dataset (every C/N/O/F molecule
 * of up to 5 heavy atoms, 5,453 molecules), so it runs offline.
 */
import {
  loadRdkit, enumerateMolecules, fromSmiles, toSmiles, QM9_ENCODING, digressValidity, relaxedValidity,
  gdssValidity, moleculeStability, nspdkFeatures, moleculeNspdkGraph,
} from '../src/molecules/index.js';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export async function run(): Promise<string> {
  const t0 = performance.now();
  const rdkit = await loadRdkit();
  const init = performance.now() - t0;
  const t1 = performance.now();
  const smiles = enumerateMolecules(rdkit, { maxAtoms: 5 });
  const enumMs = performance.now() - t1;
  const graphs = smiles.map((s) => fromSmiles(rdkit, s, QM9_ENCODING));
  const nspdkGraphs = smiles.map((s) => moleculeNspdkGraph(rdkit, s));
  const cases: [string, () => void][] = [
    ['fromSmiles', () => smiles.forEach((s) => fromSmiles(rdkit, s, QM9_ENCODING))],
    ['toSmiles', () => graphs.forEach((g) => toSmiles(rdkit, g, QM9_ENCODING))],
    ['digressValidity', () => digressValidity(rdkit, graphs, QM9_ENCODING)],
    ['relaxedValidity', () => relaxedValidity(rdkit, graphs, QM9_ENCODING)],
    ['gdssValidity', () => gdssValidity(graphs, QM9_ENCODING)],
    ['moleculeStability', () => moleculeStability(graphs, QM9_ENCODING, { hydrogens: 'implicit' })],
    ['nspdkFeatures (complexity 4)', () => nspdkGraphs.forEach((g) => nspdkFeatures(g))],
  ];
  const rows = cases.map(([name, f]) => {
    const times: number[] = [];
    for (let r = 0; r < 3; r++) {
      const t = performance.now();
      f();
      times.push(performance.now() - t);
    }
    const ms = median(times);
    return `| ${name} | ${((1000 * ms) / smiles.length).toFixed(1)} | ${Math.round((smiles.length / ms) * 1000)} |`;
  });
  return [
    `RDKit MinimalLib init: ${init.toFixed(0)} ms. Dataset: enumerateMolecules({ maxAtoms: 5 }) = ${smiles.length} molecules in ${(enumMs / 1000).toFixed(1)} s. Median of 3 runs.`,
    '',
    '| operation | µs / molecule | molecules / s |',
    '|---|---|---|',
    ...rows,
  ].join('\n');
}

/**
 * QM9 reference numbers for the molecule metrics: validity of the QM9 training set under each
 * definition (atoms as DiGress/GDSS encode them: C, N, O, F without charges, Kekulé bonds), its
 * uniqueness, and NSPDK MMD between training and test subsets.
 *
 *   npx tsx scripts/molecules/qm9Report.ts [datasetsRoot] [nspdkSubset]
 *
 * Reads ../shared/datasets/qm9 by default; writes a markdown report to stdout.
 */
import {
  loadRdkit, loadQm9, fromSmiles, QM9_ENCODING, digressValidity, relaxedValidity, gdssValidity,
  moleculeStability, uniqueness, isValidMolecule, moleculeNspdkGraph, nspdkMmd,
} from '../../src/molecules/index.js';
import { createRng } from '../../src/core/rng.js';

const root = process.argv[2] ?? '../shared/datasets';
const subset = Number(process.argv[3] ?? 5000);
const out = (s: string): void => void process.stdout.write(`${s}\n`);

const rdkit = await loadRdkit();
const qm9 = await loadQm9({ root });
let t = performance.now();
const graphs = qm9.train.map((s) => fromSmiles(rdkit, s, QM9_ENCODING, { dropCharges: true }));
const tParse = (performance.now() - t) / 1000;
const time = <T>(f: () => T): [T, number] => {
  const t0 = performance.now();
  const r = f();
  return [r, (performance.now() - t0) / 1000];
};
const [whole, tWhole] = time(() => graphs.filter((g) => isValidMolecule(rdkit, g, QM9_ENCODING)).length / graphs.length);
const [dv, tD] = time(() => digressValidity(rdkit, graphs, QM9_ENCODING));
const [rv, tR] = time(() => relaxedValidity(rdkit, graphs, QM9_ENCODING));
const [gv, tG] = time(() => gdssValidity(graphs, QM9_ENCODING));
const [st, tS] = time(() => moleculeStability(graphs, QM9_ENCODING, { hydrogens: 'implicit' }));
const pct = (x: number) => `${(100 * x).toFixed(2)} %`;
out(`QM9 training set (GDSS split, ${graphs.length} molecules, charges dropped, Kekulé; parsed in ${tParse.toFixed(1)} s)\n`);
out('| metric | value | seconds |');
out('|---|---|---|');
out(`| isValidMolecule (RDKit sanitisation, whole molecule) | ${pct(whole)} | ${tWhole.toFixed(1)} |`);
out(`| digressValidity | ${pct(dv.validity)} | ${tD.toFixed(1)} |`);
out(`| relaxedValidity | ${pct(rv.validity)} | ${tR.toFixed(1)} |`);
out(`| gdssValidity (w/o correction) | ${pct(gv.validity)} | ${tG.toFixed(1)} |`);
out(`| atom / molecule stability (implicit H) | ${pct(st.atomStability)} / ${pct(st.moleculeStability)} | ${tS.toFixed(1)} |`);
out(`| uniqueness of valid (largest fragment) | ${pct(uniqueness(dv.smiles))} | |`);

const rng = createRng(0);
const pick = (list: string[], k: number) => rng.shuffled(list).slice(0, k);
t = performance.now();
const a = pick(qm9.train, subset).map((s) => moleculeNspdkGraph(rdkit, s));
const b = pick(qm9.test, subset).map((s) => moleculeNspdkGraph(rdkit, s));
const c = pick(qm9.train, subset).map((s) => moleculeNspdkGraph(rdkit, s));
const trainTest = nspdkMmd(b, a);
const trainTrain = nspdkMmd(c, a);
out(`\nNSPDK MMD (complexity 4, nbits 16), ${subset} random test vs ${subset} random train molecules (seed 0): ${trainTest.toExponential(3)}; two independent random train draws: ${trainTrain.toExponential(3)} (${((performance.now() - t) / 1000).toFixed(1)} s)`);

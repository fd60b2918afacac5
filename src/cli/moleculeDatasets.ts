/**
 * Molecule datasets and files for the CLI (`graphgen train --dataset qm9|small-molecules`,
 * `graphgen sample` writing SMILES, `graphgen eval --molecules`):
 *
 * - `qm9`: QM9 without hydrogens read by `loadQm9` from `--root` (default `../shared/datasets`),
 *   GDSS test split, atoms C, N, O, F with charges dropped as DiGress and GDSS do;
 * - `small-molecules`: every valence-valid C/N/O/F molecule of up to 4 heavy atoms, enumerated
 *   offline (`smallMoleculesDataset`, split 80/10/10 with `--seed`).
 *
 * A model trained on molecules gets `molecules.json` (the atom vocabulary and the dataset name)
 * next to `generator.json`; `graphgen sample` then writes SMILES, one line per generated graph,
 * and an **empty line for a graph that RDKit cannot sanitise** (the line count always equals
 * `--count`).
 *
 * @module
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError, IoError, FormatError, describeValue } from '../core/errors.js';
import { createRng } from '../core/rng.js';
import type { Graph } from '../graph/Graph.js';
import { atomicWriteFile } from '../generators/common/atomicWriteFile.js';
import type { DenoiserSizeConfig } from '../generators/common/DenoisingGenerator.js';
import type { GraphGenerator } from '../generators/common/GraphGenerator.js';
import type { ModelExtras } from './commands/train.js';
import { featureExtras, selfConditioningExtras } from './featureExtras.js';
import { flowOptions } from './flowOptions.js';
import { DiscreteDiffusion } from '../generators/diffusion/DiscreteDiffusion.js';
import { DiscreteFlow } from '../generators/flow/DiscreteFlow.js';
import type { RdkitModule } from '../molecules/RdkitModule.js';
import { loadRdkit } from '../molecules/loadRdkit.js';
import { loadQm9 } from '../molecules/loadQm9.js';
import { loadSmiles } from '../molecules/loadSmiles.js';
import { smallMoleculesDataset } from '../molecules/smallMoleculesDataset.js';
import { fromSmiles } from '../molecules/fromSmiles.js';
import { toSmiles } from '../molecules/toSmiles.js';
import { QM9_ENCODING, createMoleculeEncoding, type MoleculeEncoding } from '../molecules/MoleculeEncoding.js';
import { molecularFeaturesConfig } from '../molecules/molecularFeaturesConfig.js';
import { moleculeMetrics, type MoleculeMetricsResult } from '../molecules/moleculeMetrics.js';

/** Names `--dataset` accepts for molecules. */
export const MOLECULE_DATASET_NAMES = ['qm9', 'small-molecules'] as const;
/** A molecule dataset name. */
export type MoleculeDatasetName = (typeof MOLECULE_DATASET_NAMES)[number];
/** File written next to a model trained on molecules. */
export const MOLECULES_FILE = 'molecules.json';
/** Edge classes of molecular graphs: none, single, double, triple, aromatic. */
const EDGE_CLASSES = 5;

/** True for `qm9`, `small-molecules`, optionally followed by `:train|val|test`. */
export function isMoleculeDataset(spec: unknown): boolean {
  return typeof spec === 'string' && (MOLECULE_DATASET_NAMES as readonly string[]).includes(spec.replace(/:(train|val|test)$/, ''));
}

/** A resolved molecule dataset: graphs and SMILES of each split plus the atom vocabulary. */
export interface CliMoleculeDataset {
  name: MoleculeDatasetName;
  encoding: MoleculeEncoding;
  train: Graph[];
  val: Graph[];
  test: Graph[];
  trainSmiles: string[];
  valSmiles: string[];
  testSmiles: string[];
}

/** Where molecule datasets are read from. */
export interface MoleculeDatasetOptions {
  /** Folder holding `qm9/` (the benchmark root). */
  root: string;
  /** Seed of the small-molecules split. @default 0 */
  seed?: number;
  /** Flag name for error messages. */
  argument: string;
  /** Keep a seeded random subset of this many training molecules (drawn before the SMILES are converted). */
  limit?: number;
}

/** SMILES of each split of a molecule dataset (no graph conversion). */
async function datasetSmiles(name: MoleculeDatasetName, rdkit: RdkitModule, options: MoleculeDatasetOptions): Promise<{ train: string[]; val: string[]; test: string[] }> {
  if (name === 'qm9') {
    const q = await loadQm9({ root: options.root });
    return { train: q.train, val: [], test: q.test };
  }
  return smallMoleculesDataset(rdkit, { maxAtoms: 4, seed: options.seed ?? 0 });
}

/**
 * Resolves `qm9` or `small-molecules` to graphs (QM9 atoms C, N, O, F, charges dropped as in
 * DiGress/GDSS; Kekulé bonds) and SMILES of each split.
 * @throws `InputError` for another name; `IoError` when the QM9 files are missing
 */
export async function resolveMoleculeDataset(spec: string, options: MoleculeDatasetOptions): Promise<CliMoleculeDataset> {
  if (!(MOLECULE_DATASET_NAMES as readonly string[]).includes(spec)) throw InputError.invalid(options.argument, `a molecule dataset (${MOLECULE_DATASET_NAMES.join(', ')})`, describeValue(spec));
  const name = spec as MoleculeDatasetName;
  const rdkit = await loadRdkit();
  const s = await datasetSmiles(name, rdkit, options);
  if (options.limit !== undefined && options.limit < s.train.length) s.train = createRng(`limit:${options.seed ?? 0}`).shuffled(s.train).slice(0, options.limit);
  const encoding = QM9_ENCODING;
  const graphs = (list: string[]): Graph[] => list.map((x) => fromSmiles(rdkit, x, encoding, { dropCharges: true }));
  return { name, encoding, train: graphs(s.train), val: graphs(s.val), test: graphs(s.test), trainSmiles: s.train, valSmiles: s.val, testSmiles: s.test };
}

/**
 * A DiGress (`digress`) or DeFoG (`defog`) generator for molecules: node classes from the
 * encoding, 5 edge classes, the model's default structural features (plus the
 * connected-component, cycle-edge and spectral-projector features with `extras.components` /
 * `extras.cycleEdges` / `extras.spectralPairs`) and DiGress's molecular features
 * (`molecularFeatures`), self-conditioning with `extras.selfConditioning`; `extras.trainDistortion`, `extras.prior` and `extras.nodePrior` apply to `defog` only.
 * @throws `InputError` for any other model name
 */
export function createMoleculeModel(model: string, size: DenoiserSizeConfig, encoding: MoleculeEncoding, extras: ModelExtras = { components: false }): GraphGenerator {
  const common = { nodeClasses: encoding.atoms.length, edgeClasses: EDGE_CLASSES, denoiser: size };
  const extra = { molecular: molecularFeaturesConfig(encoding), ...featureExtras(extras) };
  if (model === 'digress') return new DiscreteDiffusion({ ...common, features: { ...DiscreteDiffusion.defaultFeatures, ...extra }, ...selfConditioningExtras(extras) });
  if (model === 'defog') return new DiscreteFlow({ ...common, features: { ...DiscreteFlow.defaultFeatures, ...extra }, ...flowOptions(extras), ...selfConditioningExtras(extras) });
  throw InputError.invalid('--model', 'digress or defog for a molecule dataset', JSON.stringify(model));
}

/** Contents of `molecules.json`. */
export interface MoleculesFile {
  format: 'graphgen-molecules';
  version: 1;
  /** Atom type names (node class i = atoms[i]). */
  atoms: string[];
  /** Dataset the model was trained on. */
  dataset: string;
}

/** Writes `dir/molecules.json` atomically. */
export async function writeMoleculesFile(dir: string, encoding: MoleculeEncoding, dataset: string): Promise<void> {
  const file: MoleculesFile = { format: 'graphgen-molecules', version: 1, atoms: encoding.toConfig().atoms, dataset };
  await atomicWriteFile(join(dir, MOLECULES_FILE), `${JSON.stringify(file, null, 2)}\n`);
}

/**
 * Reads `dir/molecules.json`: the encoding of a model trained on molecules, or null when the file
 * is absent (a model of plain graphs).
 * @throws `FormatError` for a malformed file
 */
export async function readMoleculesFile(dir: string): Promise<{ encoding: MoleculeEncoding; dataset: string } | null> {
  const path = join(dir, MOLECULES_FILE);
  const exists = await stat(path).then(() => true, () => false);
  if (!exists) return null;
  let raw: MoleculesFile;
  try {
    raw = JSON.parse(await readFile(path, 'utf8')) as MoleculesFile;
  } catch (cause) {
    throw new FormatError(`${JSON.stringify(path)}: expected JSON, got ${(cause as Error).message}`, { argument: '--model', cause });
  }
  if (raw?.format !== 'graphgen-molecules' || !Array.isArray(raw.atoms)) throw new FormatError(`${JSON.stringify(path)}: expected a graphgen-molecules file with atoms`, { argument: '--model' });
  return { encoding: createMoleculeEncoding(raw.atoms), dataset: String(raw.dataset) };
}

/** Canonical SMILES of each graph (fragments joined by `.`), or null when RDKit cannot sanitise it. */
export function graphsToSmiles(rdkit: RdkitModule, graphs: readonly Graph[], encoding: MoleculeEncoding): (string | null)[] {
  return graphs.map((g) => {
    try {
      return toSmiles(rdkit, g, encoding);
    } catch {
      return null;
    }
  });
}

/** A `.smi` file's text: one line per molecule, an empty line for an invalid one (null). */
export function formatSmilesLines(smiles: readonly (string | null)[]): string {
  return smiles.map((s) => s ?? '').join('\n') + (smiles.length > 0 ? '\n' : '');
}

/**
 * Reads a generated `.smi` file as written by `graphgen sample`: one entry per line (only the
 * first whitespace-separated field), an empty line = an invalid molecule (null). The final
 * newline does not start an entry.
 * @throws `IoError` when the file cannot be read
 */
export async function readGeneratedSmiles(path: string, argument: string): Promise<(string | null)[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new IoError(`${argument}: cannot read ${JSON.stringify(path)}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, { argument, cause: err });
  }
  const lines = text.split(/\r?\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => {
    const s = l.trim().split(/\s+/)[0];
    return s === undefined || s === '' ? null : s;
  });
}

/**
 * SMILES of a `--train`/`--reference` spec for `eval --molecules`: `qm9[:split]`,
 * `small-molecules[:split]` (split defaulting to `defaultSplit`), or a SMILES file (`loadSmiles`).
 */
export async function resolveMoleculeSmiles(spec: string, defaultSplit: 'train' | 'test', options: MoleculeDatasetOptions): Promise<string[]> {
  const m = /^(qm9|small-molecules)(?::(train|val|test))?$/.exec(spec);
  if (m !== null) {
    const s = await datasetSmiles(m[1] as MoleculeDatasetName, await loadRdkit(), options);
    return s[(m[2] ?? defaultSplit) as 'train' | 'val' | 'test'];
  }
  return (await loadSmiles(spec)).smiles;
}

/**
 * Atom vocabulary used by `eval --molecules` to turn generated SMILES back into graphs: QM9's
 * atoms, their charged forms and the other common organic elements.
 */
export const EVAL_ENCODING: MoleculeEncoding = createMoleculeEncoding(['C', 'N', 'O', 'F', 'N+', 'O-', 'N-', 'C-', 'O+', 'B', 'Si', 'P', 'S', 'S+', 'S-', 'Cl', 'Br', 'I']);

/**
 * Scales a report computed on the valid lines of a `.smi` file to all its lines: the fractions
 * over generated molecules (validity, relaxed validity, validity without correction, molecule
 * stability) are multiplied by `validLines / allLines`, an empty line counting as an invalid,
 * unstable molecule. Atom stability stays over the atoms of the valid lines (an empty line has
 * no atoms); uniqueness, novelty and NSPDK are unchanged. Relaxed validity is a lower bound: the
 * graph of an invalid line is not in the file.
 */
export function rescaleToAllLines(r: MoleculeMetricsResult, validLines: number, allLines: number): MoleculeMetricsResult {
  const f = allLines === 0 ? 0 : validLines / allLines;
  return {
    ...r,
    numGenerated: allLines,
    validity: r.validity * f,
    relaxedValidity: r.relaxedValidity * f,
    validityWithoutCorrection: r.validityWithoutCorrection * f,
    moleculeStability: r.moleculeStability * f,
  };
}

function pct(x: number | null): string {
  return x === null ? '-' : `${(100 * x).toFixed(1)} %`;
}

/** Plain-text table of a molecule report. */
export function formatMoleculeReport(r: MoleculeMetricsResult): string {
  return [
    `${r.numGenerated} generated molecules`,
    '',
    `validity                   ${pct(r.validity)}`,
    `relaxed validity           ${pct(r.relaxedValidity)}`,
    `validity w/o correction    ${pct(r.validityWithoutCorrection)}`,
    `uniqueness                 ${pct(r.uniqueness)}`,
    `novelty                    ${pct(r.novelty)}`,
    `atom stability             ${pct(r.atomStability)}`,
    `molecule stability         ${pct(r.moleculeStability)}`,
    `NSPDK MMD                  ${r.nspdk === null ? '-' : r.nspdk.toFixed(4)}`,
  ].join('\n');
}

/** Options of {@link evaluateSmilesFile}. */
export interface EvaluateSmilesFileOptions {
  /** Training molecules for novelty: a molecule dataset (`qm9`, `small-molecules[:split]`) or a SMILES file. */
  train?: string;
  /** Reference molecules for NSPDK: a molecule dataset (default split test) or a SMILES file. */
  reference?: string;
  /** Folder holding `qm9/`. */
  root: string;
  /** Seed of the small-molecules split. */
  seed: number;
}

/**
 * `eval --molecules`: the molecule report of a generated `.smi` file. Each non-empty line is
 * parsed with {@link EVAL_ENCODING}; an empty line, or a line RDKit or the vocabulary rejects,
 * counts as an invalid molecule. The report is computed on the parsed molecules and rescaled to
 * all lines with {@link rescaleToAllLines}.
 * @throws `IoError` when a file cannot be read; `InputError` for a bad training or reference SMILES
 */
export async function evaluateSmilesFile(path: string, options: EvaluateSmilesFileOptions): Promise<MoleculeMetricsResult> {
  const rdkit = await loadRdkit();
  const lines = await readGeneratedSmiles(path, '--generated');
  const graphs: Graph[] = [];
  for (const s of lines) {
    if (s === null) continue;
    try {
      graphs.push(fromSmiles(rdkit, s, EVAL_ENCODING));
    } catch {
      // an unparsable line is an invalid molecule
    }
  }
  const where = (argument: string): MoleculeDatasetOptions => ({ root: options.root, seed: options.seed, argument });
  const train = options.train === undefined ? undefined : await resolveMoleculeSmiles(options.train, 'train', where('--train'));
  const test = options.reference === undefined ? undefined : await resolveMoleculeSmiles(options.reference, 'test', where('--reference'));
  const r = await moleculeMetrics(graphs, { rdkit, encoding: EVAL_ENCODING, train, test });
  return rescaleToAllLines(r, graphs.length, lines.length);
}

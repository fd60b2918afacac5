/**
 * Molecules as graphs: the chemistry layer of graphgen, backed by RDKit MinimalLib
 * (`@rdkit/rdkit`, WebAssembly, loaded lazily by {@link loadRdkit}).
 *
 * - Encoding: heavy atoms are nodes (classes from a {@link MoleculeEncoding}, QM9 default C, N,
 *   O, F), bonds are edges (classes of {@link BondClass}: 1 single, 2 double, 3 triple,
 *   4 aromatic), hydrogens are implicit. {@link fromSmiles}, {@link toSmiles} (canonical),
 *   {@link toMolblock}, {@link toSvg}.
 * - Metrics as the literature computes them: {@link isValidMolecule} (RDKit sanitisation),
 *   {@link digressValidity} and {@link relaxedValidity} (Vignac et al. 2023),
 *   {@link gdssValidity} (validity without correction, Jo et al. 2022), {@link moleculeStability},
 *   {@link uniqueness}, {@link novelty}, NSPDK MMD ({@link nspdkMmd}, Costa & De Grave 2010) and
 *   the full report {@link moleculeMetrics}. FCD (Preuer et al. 2018) needs the ChemNet weights,
 *   which graphgen cannot ship: {@link moleculeMetrics} takes a user-supplied embedding instead.
 * - Data: {@link loadSmiles} (SMILES files with per-line errors), {@link loadQm9} (QM9 with the
 *   GDSS split, read from a local copy), {@link enumerateMolecules} and
 *   {@link smallMoleculesDataset} (an offline dataset graphgen makes itself).
 *
 * Functions that need RDKit take the module as their first argument; {@link loadRdkit} returns it
 * (memoised: the only module-level state of this subpath).
 *
 * @module molecules
 */
export * from './RdkitModule.js';
export * from './loadRdkit.js';
export * from './BondClass.js';
export * from './MoleculeEncoding.js';
export * from './fromSmiles.js';
export * from './toSmiles.js';
export * from './toMolblock.js';
export * from './toSvg.js';
export * from './canonicalSmiles.js';
export * from './isValidMolecule.js';
export * from './MoleculeValidityResult.js';
export * from './digressValidity.js';
export * from './relaxedValidity.js';
export * from './gdssValidity.js';
export * from './moleculeStability.js';
export * from './uniqueness.js';
export * from './novelty.js';
export * from './loadSmiles.js';
export * from './loadQm9.js';
export * from './enumerateMolecules.js';
export * from './smallMoleculesDataset.js';
export { nspdkFeatures, type NspdkOptions, type NspdkFeatures } from './nspdkFeatures.js';
export * from './nspdkMmd.js';
export * from './moleculeNspdkGraph.js';
export * from './frechetDistance.js';
export * from './moleculeMetrics.js';
export * from './molecularFeaturesConfig.js';

/**
 * Benchmark datasets for graph generation: seeded synthetic recipes that follow the published
 * protocols (SPECTRE, GRAN, GraphRNN, GDSS), SPECTRE- and GDSS-style splits, size statistics,
 * and loaders for data a user has (the standard benchmark files, folders of graph6 files,
 * TU-format folders, edge-list files). Recipes are pure and synchronous; only the `load*`
 * functions that take a path touch the file system, and nothing does on import.
 *
 * @module datasets
 */
export * from './types.js';
export * from './spectreSplit.js';
export * from './gdssSplit.js';
export * from './datasetStats.js';
export * from './datasetRecipes.js';
export * from './loadDataset.js';
export * from './recipes/planarGraph.js';
export * from './recipes/sbmGraph.js';
export * from './recipes/communitySmallGraph.js';
export * from './recipes/treeFromPrufer.js';
export * from './recipes/randomTree.js';
export * from './recipes/gridGraph.js';
export * from './recipes/lobsterGraph.js';
export * from './recipes/citationLikeGraph.js';
export * from './recipes/egoGraph.js';
export * from './loaders/loadBenchmark.js';
export * from './loaders/loadGraph6Folder.js';
export * from './loaders/parseTuDataset.js';
export * from './loaders/loadTuDataset.js';
export * from './loaders/loadEdgeListFiles.js';
export * from './loaders/loadQm9Smiles.js';

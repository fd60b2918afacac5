/**
 * Evaluation of graph generative models, with the numbers papers report and no native install:
 * graph statistics (degree, clustering, 4-node orbits, normalised-Laplacian spectrum, SPECTRE
 * wavelets, cycles, components, diameter), MMD exactly as the reference code computes it (biased
 * V-statistic of MMD^2 with the `spectre` and `gdss` presets), the HSpectre / DeFoG ratio,
 * isomorphism and Weisfeiler-Lehman hashing, validity (planar, tree, grid, lobster, SBM),
 * uniqueness / novelty / V.U.N., graph edit distance and graph kernels, and {@link evaluate}
 * which puts them in one typed report.
 *
 * References: You et al. 2018 (GraphRNN); Liao et al. 2019 (GRAN); Martinkus et al. 2022
 * (SPECTRE); Jo et al. 2022 (GDSS); Vignac et al. 2023 (DiGress); Qin et al. 2025 (DeFoG);
 * Hočevar & Demšar 2014 (ORCA); Riesen & Bunke 2009 (bipartite GED); Shervashidze et al. 2011
 * (WL kernel); Brandes 2009 (left-right planarity).
 *
 * @module metrics
 */
export * from './stats/histogram.js';
export * from './stats/degreeHistogram.js';
export * from './stats/triangleCounts.js';
export * from './stats/clusteringCoefficients.js';
export * from './stats/clusteringHistogram.js';
export * from './stats/cycleCounts.js';
export * from './stats/connectedComponents.js';
export * from './stats/isConnected.js';
export * from './stats/diameter.js';
export * from './stats/orbitCounts.js';
export * from './stats/orbitDescriptor.js';
export * from './stats/normalizedLaplacian.js';
export * from './stats/laplacianSpectrum.js';
export * from './stats/spectralHistogram.js';
export * from './stats/absplineFilterBank.js';
export * from './stats/waveletDescriptor.js';
export * from './mmd/gaussianTv.js';
export * from './mmd/gaussianEmd.js';
export * from './mmd/gaussian.js';
export * from './mmd/kernelFunction.js';
export * from './mmd/mmd.js';
export * from './mmd/presets.js';
export * from './mmd/graphDescriptors.js';
export * from './mmd/mmdFromDescriptors.js';
export * from './mmd/graphMmd.js';
export * from './mmd/mmdRatio.js';
export * from './mmd/meanStd.js';
export * from './sample/wlColors.js';
export * from './sample/wlHash.js';
export * from './sample/isIsomorphic.js';
export * from './sample/isPlanar.js';
export * from './sample/isPlanarValid.js';
export * from './sample/isTree.js';
export * from './sample/isLobster.js';
export * from './sample/isGrid.js';
export * from './sample/chiSquare1Sf.js';
export * from './sample/fitSbm.js';
export * from './sample/sbmWaldTest.js';
export * from './sample/isSbmValid.js';
export * from './sample/validityFunction.js';
export * from './sample/vun.js';
export * from './evaluate.js';
export * from './distances/graphEditDistance.js';
export * from './distances/bipartiteGraphEditDistance.js';
export * from './distances/wlSubtreeKernel.js';
export * from './distances/gromovWassersteinDistance.js';
export * from './sample/canonicalForm.js';

/**
 * S_n-equivariant layers on dense padded graph batches (`x [B,N,dx]`, `e [B,N,N,de]`,
 * `y [B,dy]`, `nodeMask [B,N]`): the linear equivariant bases of Maron et al. 2019
 * ({@link Equivariant2to2}, {@link Equivariant2to1}, {@link Equivariant1to2},
 * {@link Equivariant2to0}, {@link DeepSets}), the PPGN block, dense GIN and the DiGress graph
 * transformer layer. Every layer takes the node mask and keeps padded entries exactly zero.
 *
 * @module layers
 */
export * from './masking.js';
export * from './BasisLayer.js';
export * from './Equivariant2to2.js';
export * from './Equivariant2to1.js';
export * from './Equivariant1to2.js';
export * from './Equivariant2to0.js';
export * from './DeepSets.js';
export * from './PpgnBlock.js';
export * from './DenseGin.js';
export * from './GraphTransformerLayer.js';

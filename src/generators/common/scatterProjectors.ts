import type { SpectralProjectorsResult } from '../../embed/spectralProjectors.js';
import type { ExtraFeaturesResult } from './ExtraFeatures.js';

/** Where a graph's projector channels go in a batch's feature arrays. */
export interface ProjectorSlot {
  /** Graph index b in the batch. */
  graph: number;
  /** Padded node count N of the batch. */
  maxNodes: number;
  /** Widths of the node, pair and graph rows. */
  widths: { node: number; edge: number; global: number };
  /** First column of the projector channels in each row. */
  columns: { node: number; edge: number; global: number };
  /** Whether the pair rows (i, i) get the diagonal (else they stay as they are). */
  diagonal: boolean;
}

/**
 * Writes the k channels of one graph's spectral projectors into a batch's row-major feature
 * arrays: per node the diagonals, per pair the scaled projectors, per graph the eigenvalues
 * (the layout of {@link ExtraFeaturesResult}). Shared by the projector features of the noisy graph
 * and the self-conditioning projectors of the predicted one.
 * @internal
 */
export function scatterProjectors(sp: SpectralProjectorsResult, n: number, out: ExtraFeaturesResult, slot: ProjectorSlot): void {
  const { k } = sp;
  const { graph: b, maxNodes: N, widths, columns, diagonal } = slot;
  for (let i = 0; i < n; i++) {
    const r = b * N + i;
    for (let m = 0; m < k; m++) out.x[r * widths.node + columns.node + m] = sp.diagonal[i * k + m];
    for (let j = 0; j < n; j++) {
      if (j === i && !diagonal) continue;
      for (let m = 0; m < k; m++) out.e[(r * N + j) * widths.edge + columns.edge + m] = sp.pairs[(i * n + j) * k + m];
    }
  }
  for (let m = 0; m < k; m++) out.y[b * widths.global + columns.global + m] = sp.eigenvalues[m];
}

/**
 * Edge classes of molecular graphs. Class 0 is "no bond" (the graph-wide convention that edge
 * class 0 means no edge); bonds are 1 = single, 2 = double, 3 = triple, 4 = aromatic.
 *
 * @example
 * ```ts
 * Graph.fromEdgeList(2, [[0, 1]], { nodeLabels: [0, 2], edgeLabels: [BondClass.double] }); // C=O
 * ```
 */
export const BondClass = {
  /** No bond (never stored in a `Graph`; used in dense batches). */
  none: 0,
  /** Single bond, order 1. */
  single: 1,
  /** Double bond, order 2. */
  double: 2,
  /** Triple bond, order 3. */
  triple: 3,
  /** Aromatic bond, order 1.5 (only produced by `fromSmiles` with `kekulize: false`). */
  aromatic: 4,
} as const;

/** One of the edge classes of {@link BondClass}: 0 (none), 1, 2, 3 or 4 (aromatic). */
export type BondClass = (typeof BondClass)[keyof typeof BondClass];

/** Bond order of each edge class (index = class): none 0, single 1, double 2, triple 3, aromatic 1.5. */
export const BOND_ORDERS: readonly number[] = [0, 1, 2, 3, 1.5];

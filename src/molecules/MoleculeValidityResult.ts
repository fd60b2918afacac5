/**
 * Result of {@link digressValidity} and {@link relaxedValidity}.
 */
export interface MoleculeValidityResult {
  /** Valid molecules / all graphs (0 when there are no graphs). */
  validity: number;
  /** Number of valid molecules. */
  numValid: number;
  /** Per graph: whether it is valid. */
  valid: boolean[];
  /**
   * Per graph: canonical SMILES of the largest fragment of the valid molecule (the string DiGress
   * feeds to uniqueness and novelty), or null when invalid.
   */
  smiles: (string | null)[];
}

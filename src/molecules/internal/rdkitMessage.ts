/**
 * Reading RDKit's reason for rejecting an input (internal).
 *
 * @internal
 * @module
 */
import type { RdkitModule } from '../RdkitModule.js';

/**
 * Parses `input` again with RDKit's error log captured and returns the first logged line without
 * its timestamp (e.g. `"Explicit valence for atom # 1 C, 5, is greater than permitted"`), or a
 * generic text when the module cannot capture logs. Only called on failures. Capturing turns the
 * error log on; it is turned off again afterwards (MinimalLib's initial state), so RDKit never
 * writes to the console.
 */
export function rdkitErrorMessage(rdkit: RdkitModule, input: string): string {
  if (typeof rdkit.set_log_capture !== 'function') return 'rejected by RDKit';
  const log = rdkit.set_log_capture('rdApp.error');
  if (!log) return 'rejected by RDKit';
  try {
    log.clear_buffer();
    const mol = rdkit.get_mol(input);
    mol?.delete();
    const text = log.get_buffer().split('\n').map((l) => l.replace(/^\[[0-9:]+\]\s*/, '').trim()).filter((l) => l.length > 0);
    return text.length > 0 ? text[0] : 'rejected by RDKit';
  } finally {
    log.delete();
    rdkit.disable_logging?.('rdApp.error');
  }
}

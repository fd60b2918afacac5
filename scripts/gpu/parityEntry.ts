/**
 * Entry of the bundled parity run on the GPU machine: imports test/layers/webgpu.test.ts
 * against the vitest shim and runs it. Exit code = number of failed tests.
 */
import '../../test/layers/webgpu.test.js';
import { runAll } from './vitestShim.js';

const failed = await runAll((line) => process.stdout.write(line + '\n'));
process.exit(failed);

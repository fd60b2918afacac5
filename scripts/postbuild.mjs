// Makes the CLI entry executable after `tsc` (tsc does not preserve modes) and checks that it has a shebang.
import { chmodSync, existsSync, readFileSync } from 'node:fs';
const cli = new URL('../dist/cli/main.js', import.meta.url);
if (existsSync(cli)) {
  if (!readFileSync(cli, 'utf8').startsWith('#!')) throw new Error('dist/cli/main.js lacks its #! line');
  chmodSync(cli, 0o755);
}

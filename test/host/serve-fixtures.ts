/** The server as its own process, running the fixture functions: for the shutdown test's signals. */
import { join } from 'node:path';
import { serverOptionsFromEnv, serveUntilSignal } from '../../emulator/server';
import { FIXTURES_CONFIG, FIXTURES_OUT_DIR } from './fixture-stack';

const dataDir = process.env.LINLI_DATA_DIR;
if (!dataDir) throw new Error('set LINLI_DATA_DIR');
void serveUntilSignal({
  poolSize: 1,
  ...serverOptionsFromEnv(), // LINLI_WORKERS
  port: 0,
  dataDir,
  functionsDir: FIXTURES_OUT_DIR,
  configFile: FIXTURES_CONFIG,
  h5Dir: join(dataDir, 'h5'),
});

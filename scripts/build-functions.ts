/**
 * `npm run build:functions [-- --force]`: bundles each cloud function into `dist/cloudfunctions/<name>/` and
 * prints the size of the project's own code in each bundle. Up-to-date functions are skipped unless --force.
 */
import { buildFunctions, formatBuildTable } from './build-functions/index';

buildFunctions({ force: process.argv.includes('--force') })
  .then((built) => {
    console.log(built.length > 0 ? formatBuildTable(built) : 'no cloud functions found');
  })
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });

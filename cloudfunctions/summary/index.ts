import { summaryContract } from '../../shared/contract/summary';
import { type ActionHandler, defineFunction } from '../kit';
import { exportWorkbook } from './export';
import { center, city, street } from './read';
import { rebuildCounters } from './recount';
import { stars } from './stars';

const rebuild: ActionHandler<(typeof summaryContract)['rebuild']> = {
  allow: ['admin'],
  async run(_input, { db }) {
    const started = Date.now();
    const result = await rebuildCounters(db);
    return { ...result, ms: Date.now() - started };
  },
};

/** `summary` (汇总): what street offices and the city read, from the counters; the star assessment; exports. */
export const main = defineFunction('summary', summaryContract, {
  center,
  street,
  city,
  stars,
  export: exportWorkbook,
  rebuild,
});

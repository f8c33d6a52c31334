import { councilsContract } from '../../shared/contract/councils';
import { defineFunction } from '../kit';
import { list, propose, rateOutcome, support } from './resident';
import { progress, raiseFromNeed, recordOutcome, schedule } from './staff';

/** `councils` (邻里议事会): topics from proposal to a resolution carried out, rated by the people who raised them. */
export const main = defineFunction('councils', councilsContract, {
  propose,
  support,
  list,
  raiseFromNeed,
  schedule,
  recordOutcome,
  progress,
  rateOutcome,
});

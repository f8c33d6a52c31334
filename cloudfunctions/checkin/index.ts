import { checkinContract } from '../../shared/contract/checkin';
import { defineFunction } from '../kit';
import { tallyCheckins } from '../records/checkins';
import { manual, scan, walkIn } from './door';
import { pass } from './pass';
import { close, search } from './staff';

/** `checkin`: passes on residents' phones, scanning and manual check-in at the door, closing and no-shows. */
export const main = defineFunction(
  'checkin',
  checkinContract,
  { pass, scan, manual, search, walkIn, close },
  // Every minute: the audit entries, visitor markers and counters of the check-ins since the last round.
  { tally: ({ db }) => tallyCheckins(db) },
);

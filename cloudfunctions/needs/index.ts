import { needsContract } from '../../shared/contract/needs';
import { defineFunction } from '../kit';
import { mine, report, similar, support } from './resident';
import { listForCenter, reply, setStatus } from './staff';
import { flagOverdue } from './timers';

/** `needs` (需求摸排): residents report and support needs; staff answer, plan and close them. */
export const main = defineFunction(
  'needs',
  needsContract,
  { report, similar, support, mine, listForCenter, reply, setStatus },
  { flagOverdue },
);

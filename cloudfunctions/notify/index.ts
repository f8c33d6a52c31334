import { notifyContract } from '../../shared/contract/notify';
import { defineFunction } from '../kit';
import { inbox, markRead } from './inbox';
import { timers } from './timers';

/**
 * `notify`: the in-app inbox, and two timer triggers (cloudbaserc.json): `dispatch` delivers queued messages
 * through the configured push channel, `remind` queues the day-before reminders.
 */
export const main = defineFunction('notify', notifyContract, { inbox, markRead }, timers);

import { notifyContract } from '../../shared/contract/notify';
import { defineFunction } from '../kit';
import { inbox, markRead } from './inbox';
import { timers } from './timers';

/**
 * `notify`: the in-app inbox, and the `dispatch` timer trigger (cloudbaserc.json), which delivers queued
 * messages through the configured push channel.
 */
export const main = defineFunction('notify', notifyContract, { inbox, markRead }, timers);

import { activitiesContract } from '../../shared/contract/activities';
import { defineFunction } from '../kit';
import { cancel } from './cancel';
import { publishMonth } from './publishMonth';
import { get, listMonth } from './read';
import { remind } from './remind';
import { saveDraft } from './saveDraft';

/**
 * `activities`: the month list (项目清单). Staff draft, publish, edit and cancel; everyone reads. Its timer
 * trigger `remind` (cloudbaserc.json) queues the day-before reminders.
 */
export const main = defineFunction(
  'activities',
  activitiesContract,
  { saveDraft, publishMonth, listMonth, get, cancel },
  { remind },
);

import { registrationsContract } from '../../shared/contract/registrations';
import { defineFunction } from '../kit';
import { cancel } from './cancel';
import { mine } from './mine';
import { reconcile } from './reconcile';
import { roster } from './roster';
import { signUp } from './signUp';

/** `registrations`: residents take and give back seats; staff see who is coming; a timer repairs stragglers. */
export const main = defineFunction(
  'registrations',
  registrationsContract,
  { signUp, cancel, mine, roster },
  { reconcile },
);

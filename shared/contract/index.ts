import type * as z from 'zod/mini';
import { accountContract } from './account';
import { activitiesContract } from './activities';
import { checkinContract } from './checkin';
import { councilsContract } from './councils';
import type { ActionContract } from './define';
import { feedbackContract } from './feedback';
import { needsContract } from './needs';
import { notifyContract } from './notify';
import { organizationsContract } from './organizations';
import { registrationsContract } from './registrations';
import { summaryContract } from './summary';

/** Every cloud function and its actions. The app's client and the functions' kit both read this. */
export const CONTRACT = {
  account: accountContract,
  activities: activitiesContract,
  registrations: registrationsContract,
  notify: notifyContract,
  checkin: checkinContract,
  needs: needsContract,
  feedback: feedbackContract,
  summary: summaryContract,
  councils: councilsContract,
  organizations: organizationsContract,
} as const;

export type Contract = typeof CONTRACT;
export type FunctionName = keyof Contract;
export type ActionName<F extends FunctionName> = keyof Contract[F] & string;
type SpecOf<F extends FunctionName, A extends ActionName<F>> = Contract[F][A];
export type InputOf<F extends FunctionName, A extends ActionName<F>> =
  SpecOf<F, A> extends ActionContract<infer I, z.ZodMiniType> ? z.input<I> : never;
export type OutputOf<F extends FunctionName, A extends ActionName<F>> =
  SpecOf<F, A> extends ActionContract<z.ZodMiniType, infer O> ? z.output<O> : never;

import type { z } from 'zod';
import { accountContract } from './account';

/** Every cloud function and its actions. The app's client and the functions' kit both read this. */
export const CONTRACT = {
  account: accountContract,
} as const;

export type Contract = typeof CONTRACT;
export type FunctionName = keyof Contract;
export type ActionName<F extends FunctionName> = keyof Contract[F] & string;
export type InputOf<F extends FunctionName, A extends ActionName<F>> = z.input<Contract[F][A]['input']>;
export type OutputOf<F extends FunctionName, A extends ActionName<F>> = z.output<Contract[F][A]['output']>;

import { summaryContract } from '../../../../shared/contract/summary';
import { functionClient } from '../client';

/** The `summary` cloud function; only the staff, street-office and city subpackages bundle its schemas. */
export const summaryApi = functionClient('summary', summaryContract);

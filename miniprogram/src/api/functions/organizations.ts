import { organizationsContract } from '../../../../shared/contract/organizations';
import { functionClient } from '../client';

/** The `organizations` cloud function; only the staff and street-office subpackages bundle its schemas. */
export const organizationsApi = functionClient('organizations', organizationsContract);

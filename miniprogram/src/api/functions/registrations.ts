import { registrationsContract } from '../../../../shared/contract/registrations';
import { functionClient } from '../client';

/** The `registrations` cloud function; only its own schemas are bundled with the pages that call it. */
export const registrationsApi = functionClient('registrations', registrationsContract);

import { needsContract } from '../../../../shared/contract/needs';
import { functionClient } from '../client';

/** The `needs` cloud function; only its own schemas are bundled with the pages that call it. */
export const needsApi = functionClient('needs', needsContract);

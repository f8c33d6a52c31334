import { notifyContract } from '../../../../shared/contract/notify';
import { functionClient } from '../client';

/** The `notify` cloud function; only its own schemas are bundled with the pages that call it. */
export const notifyApi = functionClient('notify', notifyContract);

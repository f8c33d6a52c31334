import { checkinContract } from '../../../../shared/contract/checkin';
import { functionClient } from '../client';

/** The `checkin` cloud function; only its own schemas are bundled with the pages that call it. */
export const checkinApi = functionClient('checkin', checkinContract);

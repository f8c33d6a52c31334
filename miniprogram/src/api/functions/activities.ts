import { activitiesContract } from '../../../../shared/contract/activities';
import { functionClient } from '../client';

/** The `activities` cloud function; only its own schemas are bundled with the pages that call it. */
export const activitiesApi = functionClient('activities', activitiesContract);

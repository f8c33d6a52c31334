import { councilsContract } from '../../../../shared/contract/councils';
import { functionClient } from '../client';

/** The `councils` cloud function; only the resident, staff and street-office subpackages bundle its schemas. */
export const councilsApi = functionClient('councils', councilsContract);

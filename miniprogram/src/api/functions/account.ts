import { accountContract } from '../../../../shared/contract/account';
import { functionClient } from '../client';

/** The `account` cloud function; only its own schemas are bundled with the pages that call it. */
export const accountApi = functionClient('account', accountContract);

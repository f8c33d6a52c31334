import { feedbackContract } from '../../../../shared/contract/feedback';
import { functionClient } from '../client';

/** The `feedback` cloud function; only its own schemas are bundled with the pages that call it. */
export const feedbackApi = functionClient('feedback', feedbackContract);

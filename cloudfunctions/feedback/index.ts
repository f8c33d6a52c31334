import { feedbackContract } from '../../shared/contract/feedback';
import { defineFunction } from '../kit';
import { forActivity, mine } from './read';
import { submit } from './submit';

/** `feedback` (反馈评价): ratings from the people who attended, and what staff learn from them. */
export const main = defineFunction('feedback', feedbackContract, { submit, mine, forActivity });

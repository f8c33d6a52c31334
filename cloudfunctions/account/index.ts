import { accountContract } from '../../shared/contract/account';
import { defineFunction } from '../kit';
import { createInvite, joinWithCode } from './invites';
import { addFamilyMember, listCenters, updateProfile, whoami } from './profile';

/** `account`: who the caller is, their profile and family, and invitations that grant staff and office roles. */
export const main = defineFunction('account', accountContract, {
  whoami,
  listCenters,
  updateProfile,
  createInvite,
  joinWithCode,
  addFamilyMember,
});

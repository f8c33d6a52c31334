import { randomBytes } from 'node:crypto';
import { COLLECTIONS } from '../../shared/collections';
import type { accountContract } from '../../shared/contract/account';
import { AppError } from '../../shared/errors';
import { type ActionHandler, loadCenter, loadCenterBriefs, loadMember, toMemberView } from '../kit';

type Account = typeof accountContract;

/** A resident may list this many relatives without phones. */
const MAX_FAMILY = 5;

export const whoami: ActionHandler<Account['whoami']> = {
  allow: ['resident', 'staff', 'office', 'admin'],
  async run(_input, { db, member }) {
    const centerId = member.homeCenterId ?? member.centerId;
    const [homeCenter] = centerId ? await loadCenterBriefs(db, { _id: centerId }) : [];
    return { member: toMemberView(member), homeCenter: homeCenter ?? null };
  },
};

export const listCenters: ActionHandler<Account['listCenters']> = {
  allow: ['resident', 'staff', 'office', 'admin'],
  async run({ streetId }, { db }) {
    const centers = await loadCenterBriefs(db, streetId ? { streetId } : {});
    centers.sort((a, b) => a.id.localeCompare(b.id));
    return { centers };
  },
};

export const updateProfile: ActionHandler<Account['updateProfile']> = {
  allow: ['resident', 'staff', 'office', 'admin'],
  async run(input, { db, openid, now }) {
    if (input.homeCenterId !== undefined) {
      const center = await loadCenter(db, input.homeCenterId);
      const issue = !center
        ? '没有这个邻里中心'
        : center.status !== 'operating'
          ? '这个中心还在建设中，暂时不能选'
          : null;
      if (issue) throw new AppError('VALIDATION', issue, [{ field: 'homeCenterId', message: issue }]);
    }
    const patch = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
    await db
      .collection(COLLECTIONS.members)
      .doc(openid)
      .update({ ...patch, updatedAt: now });
    const member = await loadMember(db, openid);
    if (!member) throw new AppError('NOT_FOUND');
    return { member: toMemberView(member) };
  },
};

export const addFamilyMember: ActionHandler<Account['addFamilyMember']> = {
  allow: ['resident', 'staff', 'office', 'admin'],
  async run({ displayName, relation }, { db, openid, member, now }) {
    if (member.family.length >= MAX_FAMILY) {
      throw new AppError('CONFLICT', `最多添加${MAX_FAMILY}位家人`);
    }
    const familyMember = { id: `fm-${randomBytes(6).toString('hex')}`, displayName, relation };
    // Conditional on the size we checked, so two quick taps cannot push past the limit.
    const updated = await db
      .collection(COLLECTIONS.members)
      .where({ _id: openid, family: db.command.size(member.family.length) })
      .update({ family: db.command.push([familyMember]), updatedAt: now });
    if (updated.updated !== 1) throw new AppError('CONFLICT');
    return { familyMember };
  },
};

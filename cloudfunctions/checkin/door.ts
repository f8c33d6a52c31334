import { randomBytes } from 'node:crypto';
import { COLLECTIONS } from '../../shared/collections';
import type { checkinContract } from '../../shared/contract/checkin';
import { AppError } from '../../shared/errors';
import { parsePayload, verifyPass } from '../../shared/rules/pass';
import { seatIsFree } from '../../shared/rules/seats';
import { type ActionHandler, assertOwnCenter, bumpStats, readDoc, readMany } from '../kit';
import { loadActivity, newRegistration, registrationRecordSchema } from '../records/activities';
import { claimPlace } from '../records/seats';
import { markAttended } from './attend';
import { outcome } from './outcome';

type Checkin = typeof checkinContract;

/** Staff scan a resident's pass. Every answer is a result for the door, never an error, except bad input. */
export const scan: ActionHandler<Checkin['scan']> = {
  allow: ['staff'],
  async run({ code }, ctx) {
    const pass = parsePayload(code);
    if (!pass) return outcome('invalid');
    const [reg] = await readMany(
      ctx.db,
      COLLECTIONS.registrations,
      { passId: pass.passId },
      registrationRecordSchema,
      1,
    );
    if (!reg?.passSecret) return outcome('invalid');
    const verdict = verifyPass(reg.passSecret, pass, ctx.now.getTime());
    if (verdict !== 'valid') return outcome(verdict);
    return markAttended(ctx, reg, 'scan');
  },
};

/** Staff check in a registered resident who has no phone with them. */
export const manual: ActionHandler<Checkin['manual']> = {
  allow: ['staff'],
  async run({ registrationId }, ctx) {
    const reg = await readDoc(ctx.db, COLLECTIONS.registrations, registrationId, registrationRecordSchema);
    if (!reg) throw new AppError('NOT_FOUND', '没有找到这条报名');
    assertOwnCenter(ctx, reg.centerId);
    return markAttended(ctx, reg, 'manual');
  },
};

/** Someone who did not sign up walks in: staff add and check them in while a seat is free. */
export const walkIn: ActionHandler<Checkin['walkIn']> = {
  allow: ['staff'],
  async run({ activityId, displayName }, ctx) {
    const { db, now } = ctx;
    const activity = await loadActivity(db, activityId);
    if (!activity) throw new AppError('NOT_FOUND', '没有找到这个活动');
    assertOwnCenter(ctx, activity.centerId);
    if (!seatIsFree(activity)) throw new AppError('FULL', '名额已满，不能再加人');
    const walker = `walkin-${randomBytes(6).toString('hex')}`;
    const reg = newRegistration(activity, { openid: walker, forMemberId: null, displayName }, now);
    await db.collection(COLLECTIONS.registrations).add(reg);
    await bumpStats(db, activity.centerId, activity.month, { registrations: 1 });
    await claimPlace(db, activity, reg._id, now, { seatOnly: true });
    await db.collection(COLLECTIONS.registrations).doc(reg._id).update({ status: 'confirmed' });
    return markAttended(ctx, { ...reg, status: 'confirmed' }, 'walk_in');
  },
};

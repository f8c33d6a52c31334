import { randomBytes } from 'node:crypto';
import { COLLECTIONS } from '../../shared/collections';
import type { checkinContract } from '../../shared/contract/checkin';
import { AppError } from '../../shared/errors';
import { type ParsedPass, parsePayload, verifyPass } from '../../shared/rules/pass';
import { seatIsFree } from '../../shared/rules/seats';
import { type ActionHandler, assertOwnCenter, bumpStats, readDoc, readMany } from '../kit';
import {
  loadActivity,
  newRegistration,
  type RegistrationRecord,
  registrationRecordSchema,
} from '../records/activities';
import { claimPlace } from '../records/seats';
import { markAttended } from './attend';
import { outcome } from './outcome';

type Checkin = typeof checkinContract;

/**
 * The door reads the staff member's record at most every 10 s per instance instead of on every scan: a third
 * of the scan's database calls. A role taken away, or a move to another center, stops scans within 10 s.
 */
const DOOR_MEMBER_MAX_AGE_MS = 10_000;

/**
 * Staff scan a resident's pass. Every answer is a result for the door, never an error, except bad input. The pass
 * is looked up while the caller's member record is read; the check-in keeps the request id, so a retry needs no
 * request record of its own.
 */
export const scan: ActionHandler<Checkin['scan'], Scanned> = {
  allow: ['staff'],
  replays: 'self',
  memberMaxAgeMs: DOOR_MEMBER_MAX_AGE_MS,
  async early({ code }, db) {
    const pass = parsePayload(code);
    if (!pass) return null;
    const [reg] = await readMany(
      db,
      COLLECTIONS.registrations,
      { passId: pass.passId },
      registrationRecordSchema,
      1,
    );
    return { pass, reg: reg ?? null };
  },
  async run(_input, ctx, scanned) {
    if (!scanned?.reg?.passSecret) return outcome('invalid');
    const verdict = verifyPass(scanned.reg.passSecret, scanned.pass, ctx.now.getTime());
    if (verdict !== 'valid') return outcome(verdict);
    return markAttended(ctx, scanned.reg, 'scan');
  },
};

type Scanned = { pass: ParsedPass; reg: RegistrationRecord | null } | null;

/** Staff check in a registered resident who has no phone with them. */
export const manual: ActionHandler<Checkin['manual'], RegistrationRecord | null> = {
  allow: ['staff'],
  replays: 'self',
  memberMaxAgeMs: DOOR_MEMBER_MAX_AGE_MS,
  early: ({ registrationId }, db) =>
    readDoc(db, COLLECTIONS.registrations, registrationId, registrationRecordSchema),
  async run(_input, ctx, reg) {
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

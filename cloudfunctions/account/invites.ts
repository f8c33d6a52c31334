import { randomInt } from 'node:crypto';
import * as z from 'zod';
import { COLLECTIONS } from '../../shared/collections';
import type { accountContract } from '../../shared/contract/account';
import { AppError } from '../../shared/errors';
import {
  type ActionHandler,
  loadCenter,
  loadMember,
  loadRegion,
  readDoc,
  recordAudit,
  toMemberView,
} from '../kit';

type Account = typeof accountContract;

/** Codes are read aloud and typed by hand: no 0/O or 1/I. */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 8;
const INVITE_TTL_MS = 72 * 3600_000;

const inviteRecordSchema = z.object({
  _id: z.string(),
  role: z.enum(['office', 'staff']),
  streetId: z.string(),
  centerId: z.string().nullable(),
  createdBy: z.string(),
  expiresAt: z.coerce.date(),
  usedBy: z.string().nullable(),
});

const newCode = () =>
  Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');

export const createInvite: ActionHandler<Account['createInvite']> = {
  allow: ['office', 'admin'],
  async run(input, ctx) {
    const { db, member, openid, now } = ctx;
    let scope: { streetId: string; centerId: string | null };
    if (input.role === 'office') {
      if (member.role !== 'admin') throw new AppError('FORBIDDEN', '只有市级账号可以邀请街道');
      const street = await loadRegion(db, input.streetId);
      if (street?.kind !== 'street') throw new AppError('NOT_FOUND', '没有这个街道');
      scope = { streetId: street._id, centerId: null };
    } else {
      if (member.role !== 'office') throw new AppError('FORBIDDEN', '只有街道可以邀请社工');
      const center = await loadCenter(db, input.centerId);
      if (!center) throw new AppError('NOT_FOUND', '没有这个邻里中心');
      if (center.streetId !== member.streetId) throw new AppError('FORBIDDEN', '只能邀请本街道中心的社工');
      scope = { streetId: center.streetId, centerId: center._id };
    }
    const code = newCode();
    const expiresAt = new Date(now.getTime() + INVITE_TTL_MS);
    await db.collection(COLLECTIONS.invites).add({
      _id: code,
      role: input.role,
      ...scope,
      createdBy: openid,
      createdAt: now,
      expiresAt,
      usedBy: null,
    });
    await recordAudit(ctx, { kind: 'invite.create', targetId: code, detail: { role: input.role, ...scope } });
    return { code, expiresAt: expiresAt.toISOString() };
  },
};

export const joinWithCode: ActionHandler<Account['joinWithCode']> = {
  allow: ['resident', 'staff', 'office'],
  async run({ code, displayName }, ctx) {
    const { db, openid, now } = ctx;
    // Claim the code in one conditional update: of two people racing for it, exactly one wins.
    const claimed = await db
      .collection(COLLECTIONS.invites)
      .where({ _id: code, usedBy: null, expiresAt: db.command.gt(now) })
      .update({ usedBy: openid, usedAt: now });
    const invite = await readDoc(db, COLLECTIONS.invites, code, inviteRecordSchema);
    if (!invite) throw new AppError('NOT_FOUND', '邀请码不存在，请核对');
    // A retry after a crash finds the code already used by the same person and finishes the job.
    if (claimed.updated !== 1 && invite.usedBy !== openid) {
      if (invite.usedBy) throw new AppError('CONFLICT', '这个邀请码已经用过了');
      throw new AppError('EXPIRED', '邀请码已过期，请联系邀请人重新获取');
    }
    await db
      .collection(COLLECTIONS.members)
      .doc(openid)
      .update({
        role: invite.role,
        streetId: invite.streetId,
        centerId: invite.centerId,
        ...(displayName ? { displayName } : {}),
        updatedAt: now,
      });
    await recordAudit(ctx, { kind: 'invite.join', targetId: code, detail: { role: invite.role } });
    const member = await loadMember(db, openid);
    if (!member) throw new AppError('NOT_FOUND');
    return { member: toMemberView(member) };
  },
};

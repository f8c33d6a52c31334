import * as z from 'zod';
import { COLLECTIONS } from '../../shared/collections';
import { familyMemberSchema, type MemberView } from '../../shared/contract/account';
import { roleSchema } from '../../shared/contract/common';
import { maskPhone } from '../../shared/rules/mask';
import type { Database } from './cloud';
import { insertOnce, readDoc } from './store';

/** A member as stored (`members`, _id = openid). The store is schemaless, so every read is parsed. */
export const memberRecordSchema = z.object({
  _id: z.string(),
  role: roleSchema,
  displayName: z.string(),
  homeCenterId: z.string().nullable().default(null),
  centerId: z.string().nullable().default(null),
  streetId: z.string().nullable().default(null),
  elderlyMode: z.boolean().default(false),
  phone: z.string().nullable().default(null),
  family: z.array(familyMemberSchema).default([]),
  persona: z.string().optional(),
});
export type MemberRecord = z.infer<typeof memberRecordSchema>;

/** New WeChat users start as residents with a neutral name they can change. */
export function newResident(openid: string, now: Date) {
  return {
    _id: openid,
    role: 'resident' as const,
    displayName: `居民${openid.slice(-4)}`,
    homeCenterId: null,
    centerId: null,
    streetId: null,
    elderlyMode: false,
    phone: null,
    family: [],
    createdAt: now,
    updatedAt: now,
  };
}

export async function loadMember(db: Database, openid: string): Promise<MemberRecord | null> {
  return readDoc(db, COLLECTIONS.members, openid, memberRecordSchema);
}

/**
 * The caller's member record, created as a resident on a first call. Creation is an insert with _id = openid,
 * so two first calls racing each other end with one record and neither overwrites a profile already saved.
 */
export async function loadOrCreateMember(db: Database, openid: string, now: Date): Promise<MemberRecord> {
  const existing = await loadMember(db, openid);
  if (existing) return existing;
  await insertOnce(db, COLLECTIONS.members, newResident(openid, now));
  const created = await loadMember(db, openid);
  if (!created) throw new Error('member vanished right after creation');
  return created;
}

/**
 * Member records an instance read recently, for actions that accept one up to a few seconds old (the door: one
 * staff member scans hundreds of passes a minute). An entry is never refreshed by being used, so a revoked role
 * or a move to another center counts within `maxAgeMs` however busy the door is.
 */
export class RecentMembers {
  private readonly entries = new Map<string, { member: MemberRecord; readAt: number }>();

  constructor(private readonly capacity = 1000) {}

  get(openid: string, maxAgeMs: number, nowMs: number): MemberRecord | undefined {
    const entry = this.entries.get(openid);
    if (!entry) return undefined;
    if (nowMs - entry.readAt < maxAgeMs && nowMs >= entry.readAt) return entry.member;
    this.entries.delete(openid);
    return undefined;
  }

  /** `readAt`: when the record was read from the database. */
  remember(member: MemberRecord, readAt: number): void {
    if (this.entries.size >= this.capacity) this.entries.clear();
    this.entries.set(member._id, { member, readAt });
  }
}

export function toMemberView(member: MemberRecord): MemberView {
  return {
    role: member.role,
    displayName: member.displayName,
    homeCenterId: member.homeCenterId,
    centerId: member.centerId,
    streetId: member.streetId,
    elderlyMode: member.elderlyMode,
    phoneMasked: member.phone ? maskPhone(member.phone) : null,
    family: member.family,
  };
}

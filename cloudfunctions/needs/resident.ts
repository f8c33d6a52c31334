import { randomBytes } from 'node:crypto';
import { COLLECTIONS } from '../../shared/collections';
import type { needsContract } from '../../shared/contract/needs';
import { AppError } from '../../shared/errors';
import { SIMILAR_THRESHOLD, similarity } from '../../shared/rules/similar';
import { monthOf } from '../../shared/rules/time';
import { type ActionHandler, bumpStats, configuredChecker, loadCenter, readMany } from '../kit';
import { loadNeed, needRecordSchema, needView, OPEN_NEED_STATUSES, openActivities } from '../records/needs';

type Needs = typeof needsContract;
const EVERYONE = ['resident', 'staff', 'office', 'admin'] as const;

export const report: ActionHandler<Needs['report']> = {
  allow: EVERYONE,
  async run({ centerId, category, text }, { db, openid, now }) {
    const center = await loadCenter(db, centerId);
    if (center?.status !== 'operating') {
      throw new AppError('VALIDATION', '请选择正在运营的邻里中心', [
        { field: 'centerId', message: '请选择正在运营的邻里中心' },
      ]);
    }
    const held = (await configuredChecker().check(text, openid)) === 'review';
    const needId = `n-${randomBytes(5).toString('hex')}`;
    const month = monthOf(now);
    await db.collection(COLLECTIONS.needs).add({
      _id: needId,
      centerId,
      category,
      text,
      status: 'submitted',
      reason: null,
      held,
      reporter: openid,
      supporters: [],
      supportCount: 0,
      replies: [],
      activities: [],
      month,
      createdAt: now,
      firstReplyAt: null,
      replyMinutes: null,
      overdueFlaggedAt: null,
    });
    await bumpStats(db, centerId, month, { needsReported: 1 });
    return { needId, held };
  },
};

/** Up to five open, public needs of the center that read like what the resident is typing. */
export const similar: ActionHandler<Needs['similar']> = {
  allow: EVERYONE,
  async run({ centerId, text }, { db }) {
    if (text.length < 2) return { needs: [] };
    const open = await readMany(
      db,
      COLLECTIONS.needs,
      { centerId, held: false, status: db.command.in([...OPEN_NEED_STATUSES]) },
      needRecordSchema,
    );
    const needs = open
      .map((n) => ({ n, score: similarity(text, n.text) }))
      .filter((x) => x.score >= SIMILAR_THRESHOLD)
      .sort((a, b) => b.score - a.score || b.n.supportCount - a.n.supportCount)
      .slice(0, 5)
      .map(({ n }) => ({
        needId: n._id,
        text: n.text,
        category: n.category,
        supporters: n.supportCount,
        status: n.status,
      }));
    return { needs };
  },
};

/** +1 once per person; the reporter's own need already counts them. */
export const support: ActionHandler<Needs['support']> = {
  allow: EVERYONE,
  async run({ needId }, { db, openid }) {
    const need = await loadNeed(db, needId);
    if (!need || (need.held && need.reporter !== openid)) throw new AppError('NOT_FOUND', '没有找到这条需求');
    if (need.reporter !== openid) {
      await db
        .collection(COLLECTIONS.needs)
        .where({ _id: needId, supporters: db.command.neq(openid), reporter: db.command.neq(openid) })
        .update({ supporters: db.command.push([openid]), supportCount: db.command.inc(1) });
    }
    const latest = await loadNeed(db, needId);
    return { needId, supporters: latest?.supportCount ?? need.supportCount };
  },
};

/** What the caller reported, and what they supported, with status, replies and what was planned. */
export const mine: ActionHandler<Needs['mine']> = {
  allow: EVERYONE,
  async run(_input, { db, openid }) {
    const [reported, supported] = await Promise.all([
      readMany(db, COLLECTIONS.needs, { reporter: openid }, needRecordSchema, 200),
      readMany(db, COLLECTIONS.needs, { supporters: openid }, needRecordSchema, 200),
    ]);
    const open = await openActivities(db, [...reported, ...supported]);
    const needs = [
      ...reported.map((n) => ({ ...needView(n, open), mine: true })),
      ...supported.map((n) => ({ ...needView(n, open), mine: false })),
    ];
    needs.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    return { needs };
  },
};

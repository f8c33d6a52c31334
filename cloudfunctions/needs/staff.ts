import { COLLECTIONS } from '../../shared/collections';
import { NEED_STATUS_LABELS, type NeedStatus, type needsContract } from '../../shared/contract/needs';
import { AppError } from '../../shared/errors';
import { replyMinutes } from '../../shared/rules/stats';
import { type ActionHandler, bumpStats, readMany, recordAudit } from '../kit';
import {
  isOverdue,
  needRecordSchema,
  needView,
  notifyNeedPeople,
  openActivities,
  ownNeed,
} from '../records/needs';

type Needs = typeof needsContract;

/** The center's needs, most supported and oldest first; never who reported or supported them. */
export const listForCenter: ActionHandler<Needs['listForCenter']> = {
  allow: ['staff'],
  async run({ status }, ctx) {
    const centerId = ctx.member.centerId ?? '';
    const needs = await readMany(
      ctx.db,
      COLLECTIONS.needs,
      { centerId, ...(status ? { status } : {}) },
      needRecordSchema,
    );
    const open = await openActivities(ctx.db, needs);
    const views = needs
      .sort((a, b) => b.supportCount - a.supportCount || a.createdAt.getTime() - b.createdAt.getTime())
      .map((n) => ({ ...needView(n, open), overdue: isOverdue(n, ctx.now) }));
    return { needs: views, overdue: views.filter((n) => n.overdue).length };
  },
};

export const reply: ActionHandler<Needs['reply']> = {
  allow: ['staff'],
  async run({ needId, text }, ctx) {
    const { db, now, member } = ctx;
    const need = await ownNeed(ctx, needId);
    const first = need.firstReplyAt === null;
    const status = need.status === 'submitted' ? 'acknowledged' : need.status;
    await db
      .collection(COLLECTIONS.needs)
      .doc(needId)
      .update({ replies: db.command.push([{ text, at: now, by: member.displayName }]), status });
    if (first) {
      // Only the call that sets the first reply time counts it, so concurrent replies count once.
      const minutes = replyMinutes(need.createdAt, now);
      const res: { updated?: number } = await db
        .collection(COLLECTIONS.needs)
        .where({ _id: needId, firstReplyAt: null })
        .update({ firstReplyAt: now, replyMinutes: minutes });
      if (res.updated === 1) {
        await bumpStats(db, need.centerId, need.month, { needsFirstReplies: 1, needsReplyMinutes: minutes });
      }
    }
    await notifyNeedPeople(db, need, 'need_reply', { reply: text, key: `${now.getTime()}` }, now, [
      need.reporter,
    ]);
    await recordAudit(ctx, { kind: 'need.reply', targetId: needId });
    return { needId, status };
  },
};

/** Counters that follow a need's current status: leaving `resolved` takes one back, entering adds one. */
const COUNTED: Partial<Record<NeedStatus, string>> = { resolved: 'needsResolved', declined: 'needsDeclined' };

function statusDelta(from: NeedStatus, to: NeedStatus): Record<string, number> {
  const delta: Record<string, number> = {};
  const left = COUNTED[from];
  const entered = COUNTED[to];
  if (left) delta[left] = (delta[left] ?? 0) - 1;
  if (entered) delta[entered] = (delta[entered] ?? 0) + 1;
  return delta;
}

export const setStatus: ActionHandler<Needs['setStatus']> = {
  allow: ['staff'],
  async run({ needId, status, reason }, ctx) {
    const { db, now } = ctx;
    let need = await ownNeed(ctx, needId);
    // Conditional on the status read, so the counters move from exactly the status that was replaced.
    for (let attempt = 0; need.status !== status; attempt++) {
      const res: { updated?: number } = await db
        .collection(COLLECTIONS.needs)
        .where({ _id: needId, status: need.status })
        .update({ status, reason: reason ?? null, statusAt: now });
      if (res.updated === 1) {
        await bumpStats(db, need.centerId, need.month, statusDelta(need.status, status));
        break;
      }
      if (attempt >= 20) throw new AppError('BUSY');
      need = await ownNeed(ctx, needId);
    }
    if (need.status === status && reason !== undefined) {
      await db.collection(COLLECTIONS.needs).doc(needId).update({ reason });
    }
    await recordAudit(ctx, {
      kind: 'need.status',
      targetId: needId,
      detail: { status, label: NEED_STATUS_LABELS[status] },
    });
    return { needId, status };
  },
};

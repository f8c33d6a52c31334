import { COLLECTIONS } from '../../shared/collections';
import { NEED_STATUS_LABELS, type needsContract } from '../../shared/contract/needs';
import { AppError } from '../../shared/errors';
import {
  type ActionContext,
  type ActionHandler,
  assertOwnCenter,
  bumpStats,
  readMany,
  recordAudit,
} from '../kit';
import {
  isOverdue,
  loadNeed,
  type NeedRecord,
  needRecordSchema,
  needView,
  notifyNeedPeople,
} from '../records/needs';

type Needs = typeof needsContract;

async function ownNeed(ctx: ActionContext, needId: string): Promise<NeedRecord> {
  const need = await loadNeed(ctx.db, needId);
  if (!need) throw new AppError('NOT_FOUND', '没有找到这条需求');
  assertOwnCenter(ctx, need.centerId);
  return need;
}

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
    const views = needs
      .sort((a, b) => b.supportCount - a.supportCount || a.createdAt.getTime() - b.createdAt.getTime())
      .map((n) => ({ ...needView(n), overdue: isOverdue(n, ctx.now) }));
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
      const res: { updated?: number } = await db
        .collection(COLLECTIONS.needs)
        .where({ _id: needId, firstReplyAt: null })
        .update({ firstReplyAt: now });
      if (res.updated === 1) {
        const hours = Math.round(((now.getTime() - need.createdAt.getTime()) / 3600_000) * 10) / 10;
        await bumpStats(db, need.centerId, need.month, { needsFirstReplies: 1, needsReplyHours: hours });
      }
    }
    await notifyNeedPeople(db, need, 'need_reply', { reply: text, key: `${now.getTime()}` }, now, [
      need.reporter,
    ]);
    await recordAudit(ctx, { kind: 'need.reply', targetId: needId });
    return { needId, status };
  },
};

const COUNTED = { resolved: 'needsResolved', declined: 'needsDeclined' } as const;

export const setStatus: ActionHandler<Needs['setStatus']> = {
  allow: ['staff'],
  async run({ needId, status, reason }, ctx) {
    const { db, now } = ctx;
    const need = await ownNeed(ctx, needId);
    const res: { updated?: number } = await db
      .collection(COLLECTIONS.needs)
      .where({ _id: needId, status: db.command.neq(status) })
      .update({ status, reason: reason ?? null, statusAt: now });
    const counter = status === 'resolved' || status === 'declined' ? COUNTED[status] : null;
    if (res.updated === 1 && counter) await bumpStats(db, need.centerId, need.month, { [counter]: 1 });
    await recordAudit(ctx, {
      kind: 'need.status',
      targetId: needId,
      detail: { status, label: NEED_STATUS_LABELS[status] },
    });
    return { needId, status };
  },
};

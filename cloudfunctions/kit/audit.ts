import { COLLECTIONS } from '../../shared/collections';
import type { ActionContext } from './define';

/** Who did what to whom and when. Kept for every staff, office and city write. */
export async function recordAudit(
  ctx: ActionContext,
  entry: { kind: string; targetId: string; detail?: Record<string, unknown> },
): Promise<void> {
  await ctx.db.collection(COLLECTIONS.audit).add({
    kind: entry.kind,
    targetId: entry.targetId,
    actor: ctx.openid,
    actorRole: ctx.member.role,
    fn: ctx.fn,
    action: ctx.action,
    detail: entry.detail ?? {},
    at: ctx.now,
  });
}

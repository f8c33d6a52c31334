import { COLLECTIONS } from '../../shared/collections';
import type { ActionContext } from './define';

interface AuditFacts {
  kind: string;
  targetId: string;
  detail?: Record<string, unknown>;
}

/** An audit entry as stored: who did what to whom and when. */
function auditEntry(ctx: ActionContext, entry: AuditFacts) {
  return {
    kind: entry.kind,
    targetId: entry.targetId,
    actor: ctx.openid,
    actorRole: ctx.member.role,
    fn: ctx.fn,
    action: ctx.action,
    detail: entry.detail ?? {},
    at: ctx.now,
  };
}

/** Who did what to whom and when. Kept for every staff, office and city write. */
export async function recordAudit(ctx: ActionContext, entry: AuditFacts): Promise<void> {
  await ctx.db.collection(COLLECTIONS.audit).add(auditEntry(ctx, entry));
}

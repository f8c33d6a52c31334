import { AppError } from '../../shared/errors';
import type { ActionContext } from './define';

/** Staff act only for their own center. */
export function assertOwnCenter(ctx: ActionContext, centerId: string): void {
  if (ctx.member.role !== 'staff' || ctx.member.centerId !== centerId) {
    throw new AppError('FORBIDDEN', '只能管理本中心的事务');
  }
}

/** A street office sees and acts only within its own street. */
export function assertOwnStreet(ctx: ActionContext, streetId: string): void {
  if (ctx.member.role !== 'office' || ctx.member.streetId !== streetId) {
    throw new AppError('FORBIDDEN', '只能管理本街道的事务');
  }
}

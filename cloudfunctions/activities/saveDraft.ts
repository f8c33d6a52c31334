import { randomBytes } from 'node:crypto';
import { COLLECTIONS } from '../../shared/collections';
import type { activitiesContract } from '../../shared/contract/activities';
import { AppError } from '../../shared/errors';
import { monthOf } from '../../shared/rules/time';
import { type ActionHandler, assertOwnCenter, loadCenter, recordAudit } from '../kit';
import { loadActivity } from '../records/activities';
import { linkNeedsToActivity } from '../records/needs';
import { loadOrganization } from '../records/organizations';
import { promoteWhileSeatsFree, settleAll } from '../records/seats';

type Activities = typeof activitiesContract;

/**
 * Staff write their own center's list. A new activity starts as a draft; a published one stays published when
 * edited, its capacity never below the people already confirmed, and extra seats go to the waitlist at once.
 */
export const saveDraft: ActionHandler<Activities['saveDraft']> = {
  allow: ['staff'],
  async run(input, ctx) {
    const { db, member, now, openid } = ctx;
    const centerId = member.centerId ?? '';
    const center = await loadCenter(db, centerId);
    if (!center) throw new AppError('FORBIDDEN', '您的账号没有关联邻里中心');
    const organization = input.organizationId ? await loadOrganization(db, input.organizationId) : null;
    if (input.organizationId && (organization?.kind !== 'community' || organization.centerId !== centerId)) {
      throw new AppError('VALIDATION', '承办组织应是本中心孵化的社区组织', [
        { field: 'organizationId', message: '承办组织应是本中心孵化的社区组织' },
      ]);
    }
    const fields = {
      category: input.category,
      title: input.title,
      description: input.description,
      place: input.place,
      startAt: new Date(input.startAt),
      endAt: new Date(input.endAt),
      signupDeadline: new Date(input.signupDeadline),
      capacity: input.capacity,
      tags: input.tags,
      needIds: input.needIds,
      organizationId: input.organizationId,
      organizationName: organization?.name ?? null,
      month: monthOf(input.startAt),
      updatedAt: now,
    };

    if (!input.activityId) {
      const activityId = `a-${randomBytes(5).toString('hex')}`;
      await db.collection(COLLECTIONS.activities).add({
        _id: activityId,
        ...fields,
        centerId: center._id,
        streetId: center.streetId,
        centerName: center.name,
        status: 'draft',
        confirmed: 0,
        waitlisted: 0,
        seats: [],
        queue: [],
        seatsVersion: 0,
        cancelReason: null,
        createdBy: openid,
        createdAt: now,
      });
      await linkNeedsToActivity(db, { _id: activityId, centerId: center._id, ...fields }, input.needIds, now);
      await recordAudit(ctx, { kind: 'activity.draft', targetId: activityId });
      return { activityId, status: 'draft', promoted: 0 };
    }

    const existing = await loadActivity(db, input.activityId);
    if (!existing) throw new AppError('NOT_FOUND', '没有找到这个活动');
    assertOwnCenter(ctx, existing.centerId);
    if (existing.status === 'cancelled' || existing.status === 'closed') {
      throw new AppError('CONFLICT', '已取消或已结束的活动不能修改');
    }
    // Conditional on the confirmed count, so a sign-up landing meanwhile cannot leave more people than seats.
    const res: { updated?: number } = await db
      .collection(COLLECTIONS.activities)
      .where({ _id: existing._id, status: existing.status, confirmed: db.command.lte(input.capacity) })
      .update(fields);
    if (res.updated !== 1) {
      const latest = await loadActivity(db, existing._id);
      if (latest && latest.confirmed > input.capacity) {
        const message = `名额不能少于已报名的${latest.confirmed}人`;
        throw new AppError('VALIDATION', message, [{ field: 'capacity', message }]);
      }
      throw new AppError('CONFLICT');
    }
    if (existing.status === 'published') {
      // Registrations carry the activity's title, place and times for the door and for 我的报名.
      const { title, place, startAt, endAt } = fields;
      await db
        .collection(COLLECTIONS.registrations)
        .where({ activityId: existing._id })
        .update({ title, place, startAt, endAt });
    }
    await linkNeedsToActivity(
      db,
      { _id: existing._id, centerId: existing.centerId, ...fields },
      input.needIds,
      now,
    );
    const promoted = existing.status === 'published' ? await promoteWhileSeatsFree(db, existing._id) : [];
    await settleAll(db, existing._id, promoted, now);
    await recordAudit(ctx, {
      kind: 'activity.edit',
      targetId: existing._id,
      detail: { status: existing.status, promoted: promoted.length },
    });
    return { activityId: existing._id, status: existing.status, promoted: promoted.length };
  },
};

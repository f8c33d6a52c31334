import { randomBytes } from 'node:crypto';
import * as z from 'zod';
import { COLLECTIONS } from '../../shared/collections';
import { type OrganizationView, organizationsContract } from '../../shared/contract/organizations';
import { AppError } from '../../shared/errors';
import { monthOf } from '../../shared/rules/time';
import {
  type ActionContext,
  type ActionHandler,
  bumpStats,
  type CenterRecord,
  centerRecordSchema,
  defineFunction,
  loadCenter,
  readMany,
  recordAudit,
} from '../kit';
import {
  loadOrganization,
  type OrganizationRecord,
  organizationRecordSchema,
} from '../records/organizations';

type Organizations = typeof organizationsContract;
const EVERYONE = ['resident', 'staff', 'office', 'admin'] as const;

/** Who may register or change a community organization of a center: its staff, its street office, the city. */
function assertMayManage(ctx: ActionContext, center: CenterRecord): void {
  const { member } = ctx;
  const allowed =
    member.role === 'admin' ||
    (member.role === 'staff' && member.centerId === center._id) ||
    (member.role === 'office' && member.streetId === center.streetId);
  if (!allowed) throw new AppError('FORBIDDEN', '只能管理本中心或本街道的社区组织');
}

/** Which organizations a list covers: a center's (anyone may read it), or the caller's own center or street. */
function listScope(ctx: ActionContext, centerId: string | undefined) {
  const { member } = ctx;
  if (centerId) return { centerIds: [centerId] as string[] | null, streetId: null as string | null };
  if (member.role === 'staff' && member.centerId) return { centerIds: [member.centerId], streetId: null };
  if (member.role === 'office' && member.streetId) return { centerIds: null, streetId: member.streetId };
  if (member.role === 'admin') return { centerIds: null, streetId: null };
  throw new AppError('VALIDATION', '请选择邻里中心', [{ field: 'centerId', message: '请选择邻里中心' }]);
}

const assessmentSchema = z.object({ period: z.string(), centerId: z.string(), stars: z.number().int() });

export const list: ActionHandler<Organizations['list']> = {
  allow: EVERYONE,
  async run({ centerId }, ctx) {
    const { db } = ctx;
    const _ = db.command;
    const scope = listScope(ctx, centerId);
    const centers = await readMany(
      db,
      COLLECTIONS.centers,
      scope.centerIds ? { _id: _.in(scope.centerIds) } : scope.streetId ? { streetId: scope.streetId } : {},
      centerRecordSchema,
    );
    if (centerId && !centers.length) throw new AppError('NOT_FOUND', '没有找到这个邻里中心');
    const ids = centers.map((c) => c._id);
    const names = new Map(centers.map((c) => [c._id, c.name]));
    const operatorIds = [...new Set(centers.map((c) => c.operator.id))];
    const [community, operators, assessments] = await Promise.all([
      readMany(
        db,
        COLLECTIONS.organizations,
        { kind: 'community', centerId: _.in(ids) },
        organizationRecordSchema,
      ),
      readMany(
        db,
        COLLECTIONS.organizations,
        { kind: 'operator', _id: _.in(operatorIds) },
        organizationRecordSchema,
      ),
      readMany(db, COLLECTIONS.assessments, { centerId: _.in(ids) }, assessmentSchema),
    ]);
    const all = [...operators, ...community];
    const counts = await activityCounts(
      ctx,
      community.map((o) => o._id),
    );
    const view = (o: OrganizationRecord): OrganizationView => {
      const runs = o.runs.filter((r) => names.has(r.centerId));
      const ran = new Set(runs.map((r) => r.centerId));
      return {
        organizationId: o._id,
        kind: o.kind,
        name: o.name,
        type: o.type,
        status: o.status,
        contactRole: o.contactRole,
        center: o.centerId ? { id: o.centerId, name: names.get(o.centerId) ?? '' } : null,
        runs: runs.map((r) => ({
          centerId: r.centerId,
          centerName: names.get(r.centerId) ?? '',
          since: r.since.toISOString(),
        })),
        stars: assessments
          .filter((a) => o.kind === 'operator' && ran.has(a.centerId))
          .sort((a, b) => b.period.localeCompare(a.period))
          .map((a) => ({ period: a.period, centerName: names.get(a.centerId) ?? '', stars: a.stars })),
        activities: counts.get(o._id) ?? 0,
        registeredAt: o.createdAt.toISOString(),
      };
    };
    return { organizations: all.map(view) };
  },
};

/** How many activities of the month lists each organization runs (drafts and cancelled ones not counted). */
async function activityCounts(ctx: ActionContext, organizationIds: string[]): Promise<Map<string, number>> {
  if (!organizationIds.length) return new Map();
  const { db } = ctx;
  const _ = db.command;
  const res: { data?: { _id: string; n: number }[] } = await db
    .collection(COLLECTIONS.activities)
    .aggregate()
    .match({ organizationId: _.in(organizationIds), status: _.in(['published', 'closed']) })
    .group({ _id: '$organizationId', n: _.aggregate.sum(1) })
    .limit(1000)
    .end();
  return new Map((res.data ?? []).map((row) => [row._id, row.n]));
}

export const register: ActionHandler<Organizations['register']> = {
  allow: ['staff', 'office', 'admin'],
  async run({ centerId, name, type, status, contactRole }, ctx) {
    const { db, now } = ctx;
    const center = await loadCenter(db, centerId);
    if (!center) throw new AppError('NOT_FOUND', '没有找到这个邻里中心');
    assertMayManage(ctx, center);
    const same = await readMany(
      db,
      COLLECTIONS.organizations,
      { centerId, name },
      organizationRecordSchema,
      1,
    );
    if (same.length) throw new AppError('CONFLICT', '本中心已有同名的社区组织');
    const organizationId = `org-${randomBytes(5).toString('hex')}`;
    const month = monthOf(now);
    const record: OrganizationRecord = {
      _id: organizationId,
      kind: 'community',
      name,
      type,
      status,
      contactRole,
      centerId,
      streetId: center.streetId,
      runs: [],
      month,
      createdAt: now,
      updatedAt: now,
    };
    await db.collection(COLLECTIONS.organizations).add(record);
    await Promise.all([
      bumpStats(db, centerId, month, { organizationsIncubated: 1 }),
      recordAudit(ctx, { kind: 'organization.register', targetId: organizationId, detail: { centerId } }),
    ]);
    return { organizationId };
  },
};

export const update: ActionHandler<Organizations['update']> = {
  allow: ['staff', 'office', 'admin'],
  async run({ organizationId, ...changes }, ctx) {
    const { db, now } = ctx;
    const org = await loadOrganization(db, organizationId);
    if (org?.kind !== 'community' || !org.centerId) throw new AppError('NOT_FOUND', '没有找到这个社区组织');
    const center = await loadCenter(db, org.centerId);
    if (!center) throw new AppError('NOT_FOUND', '没有找到这个邻里中心');
    assertMayManage(ctx, center);
    const patch = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
    await db
      .collection(COLLECTIONS.organizations)
      .doc(organizationId)
      .update({ ...patch, updatedAt: now });
    await recordAudit(ctx, { kind: 'organization.update', targetId: organizationId, detail: patch });
    return { organizationId };
  },
};

/** `organizations`: the registry of operators and of the community organizations centers incubate. */
export const main = defineFunction('organizations', organizationsContract, { list, register, update });

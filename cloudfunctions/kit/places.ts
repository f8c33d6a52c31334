import * as z from 'zod';
import { COLLECTIONS } from '../../shared/collections';
import type { CenterBrief } from '../../shared/contract/account';
import type { Database } from './cloud';
import { readDoc, readMany } from './store';

/** `regions`: districts and counties, and the streets (or towns) inside them. */
export const regionRecordSchema = z.object({
  _id: z.string(),
  kind: z.enum(['district', 'street']),
  name: z.string(),
  parentId: z.string().nullable(),
});
export type RegionRecord = z.infer<typeof regionRecordSchema>;

/** `centers`: one Happy Neighborhood Center, its contracted operator and its staff roster. */
export const centerRecordSchema = z.object({
  _id: z.string(),
  name: z.string(),
  streetId: z.string(),
  districtId: z.string(),
  address: z.string(),
  status: z.enum(['building', 'operating']),
  operator: z.object({ id: z.string(), name: z.string() }),
  staff: z.array(z.object({ name: z.string(), certified: z.boolean(), openid: z.string().nullable() })),
});
export type CenterRecord = z.infer<typeof centerRecordSchema>;

export const loadCenter = (db: Database, centerId: string) =>
  readDoc(db, COLLECTIONS.centers, centerId, centerRecordSchema);

export const loadRegion = (db: Database, regionId: string) =>
  readDoc(db, COLLECTIONS.regions, regionId, regionRecordSchema);

/** Center summaries with their street and district names; regions are few, so they are read whole. */
export async function loadCenterBriefs(db: Database, query: object): Promise<CenterBrief[]> {
  const [centers, regions] = await Promise.all([
    readMany(db, COLLECTIONS.centers, query, centerRecordSchema),
    readMany(db, COLLECTIONS.regions, {}, regionRecordSchema),
  ]);
  const names = new Map(regions.map((r) => [r._id, r.name]));
  return centers.map((c) => ({
    id: c._id,
    name: c.name,
    streetId: c.streetId,
    streetName: names.get(c.streetId) ?? '',
    districtId: c.districtId,
    districtName: names.get(c.districtId) ?? '',
    address: c.address,
    status: c.status,
    operatorName: c.operator.name,
  }));
}

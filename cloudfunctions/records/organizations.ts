import * as z from 'zod';
import { COLLECTIONS } from '../../shared/collections';
import { ORGANIZATION_STATUSES } from '../../shared/contract/organizations';
import { type Database, readDoc } from '../kit';

const date = z.coerce.date();

/**
 * `organizations`: operators (社会组织 contracted to run centers: which, since when) and the community
 * organizations a center incubates (type, status, a contact role; never a person's name or number).
 */
export const organizationRecordSchema = z.object({
  _id: z.string(),
  kind: z.enum(['operator', 'community']),
  name: z.string(),
  type: z.string().nullable(),
  status: z.enum(ORGANIZATION_STATUSES).nullable(),
  contactRole: z.string().nullable(),
  centerId: z.string().nullable(),
  streetId: z.string().nullable(),
  runs: z.array(z.object({ centerId: z.string(), since: date })),
  /** The month it was registered with its center: the center's counters for that month count it. */
  month: z.string(),
  createdAt: date,
  updatedAt: date,
});
export type OrganizationRecord = z.infer<typeof organizationRecordSchema>;

export const loadOrganization = (db: Database, id: string) =>
  readDoc(db, COLLECTIONS.organizations, id, organizationRecordSchema);

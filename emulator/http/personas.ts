/**
 * The seeded demo people one can sign in as locally: `members` documents that carry a `persona` key. Read
 * through the database emulator with the same request the SDK would send.
 */
import { EJSON } from 'bson';
import * as z from 'zod';
import { COLLECTIONS } from '../../shared/collections';
import { roleSchema } from '../../shared/contract/common';
import type { DatabaseEmulator } from '../database/index';

const personaMember = z.object({
  _id: z.string(),
  persona: z.string(),
  role: roleSchema,
  displayName: z.string(),
  centerId: z.string().nullish(),
  streetId: z.string().nullish(),
});

export interface Persona {
  persona: string;
  openid: string;
  role: z.infer<typeof roleSchema>;
  displayName: string;
  centerId?: string;
  streetId?: string;
}

const replySchema = z.object({
  code: z.string().optional(),
  message: z.string().optional(),
  data: z.object({ list: z.array(z.string()) }).optional(),
});

export async function listPersonas(database: DatabaseEmulator): Promise<Persona[]> {
  return queryMembers(database, { persona: { $exists: true } }, 1000);
}

export async function findPersona(database: DatabaseEmulator, persona: string): Promise<Persona | undefined> {
  const [found] = await queryMembers(database, { persona }, 1);
  return found;
}

async function queryMembers(database: DatabaseEmulator, query: object, limit: number): Promise<Persona[]> {
  const reply = replySchema.parse(
    await database.handle({
      action: 'database.getDocument',
      collectionName: COLLECTIONS.members,
      queryType: 'WHERE',
      query: EJSON.stringify(query),
      order: EJSON.stringify({ persona: 1 }),
      limit,
    }),
  );
  if (reply.code === 'DATABASE_COLLECTION_NOT_EXIST') return []; // nothing seeded yet
  if (reply.code) throw new Error(`reading personas failed: ${reply.code} ${reply.message ?? ''}`);
  return (reply.data?.list ?? []).map((text) =>
    toPersona(personaMember.parse(EJSON.parse(text, { relaxed: true }))),
  );
}

function toPersona(member: z.infer<typeof personaMember>): Persona {
  const { _id, persona, role, displayName, centerId, streetId } = member;
  return {
    persona,
    openid: _id,
    role,
    displayName,
    ...(centerId ? { centerId } : {}),
    ...(streetId ? { streetId } : {}),
  };
}

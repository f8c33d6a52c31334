import * as z from 'zod/mini';
import { roleSchema } from '../../../shared/contract/common';
import { badReplyError, networkError, type Outcome } from './errors';
import { saveToken } from './session';

/** Local mode only: the seeded demo people and the sign-in that stands in for WeChat (DESIGN.md). */
export const personaSchema = z.object({
  persona: z.string(),
  openid: z.string(),
  role: roleSchema,
  displayName: z.string(),
  centerId: z.optional(z.string()),
  streetId: z.optional(z.string()),
});
export type Persona = z.infer<typeof personaSchema>;

async function getJson(url: string, init?: RequestInit): Promise<Outcome<unknown>> {
  try {
    const response = await fetch(url, init);
    if (!response.ok) return { ok: false, error: badReplyError() };
    return { ok: true, data: await response.json() };
  } catch {
    return { ok: false, error: networkError() };
  }
}

export async function listPersonas(): Promise<Outcome<Persona[]>> {
  const reply = await getJson('/dev/personas');
  if (!reply.ok) return reply;
  const parsed = z.array(personaSchema).safeParse(reply.data);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, error: badReplyError() };
}

/** Starts a session as one persona and keeps its token for the function calls that follow. */
export async function signInAs(persona: string): Promise<Outcome<null>> {
  const reply = await getJson('/dev/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ persona }),
  });
  if (!reply.ok) return reply;
  const parsed = z.object({ token: z.string().check(z.minLength(1)) }).safeParse(reply.data);
  if (!parsed.success) return { ok: false, error: badReplyError() };
  saveToken(parsed.data.token);
  return { ok: true, data: null };
}

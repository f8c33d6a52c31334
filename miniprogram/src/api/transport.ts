import Taro from '@tarojs/taro';
import { readToken } from './session';

/**
 * How an event reaches a cloud function. Resolves with the function's raw reply (checked by the client),
 * rejects only when no reply came back at all.
 */
export type Transport = (name: string, event: Record<string, unknown>) => Promise<unknown>;

export class NoReplyError extends Error {
  constructor(cause: unknown) {
    super('no reply from the function', { cause });
    this.name = 'NoReplyError';
  }
}

let cloudInitialized = false;

/** weapp: WeChat's cloud call; the function reads the caller's OPENID from its own context. */
const cloudTransport: Transport = async (name, event) => {
  if (!cloudInitialized) {
    Taro.cloud.init(LINLI_CLOUD_ENV ? { env: LINLI_CLOUD_ENV, traceUser: true } : { traceUser: true });
    cloudInitialized = true;
  }
  try {
    const reply = await Taro.cloud.callFunction({ name, data: event });
    return reply.result;
  } catch (error) {
    throw new NoReplyError(error);
  }
};

/** h5 (local mode): the local server's `/fn/<name>` with the session token from sign-in. */
const httpTransport: Transport = async (name, event) => {
  const token = readToken();
  if (!token) return { ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } };
  let response: Response;
  try {
    response = await fetch(`/fn/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(event),
    });
  } catch (error) {
    throw new NoReplyError(error);
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (body !== undefined) return body;
  if (response.status === 401) return { ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } };
  // A gateway error page or a cut connection: nothing the function said.
  throw new NoReplyError(new Error(`HTTP ${response.status}`));
};

export const defaultTransport: Transport = process.env.TARO_ENV === 'weapp' ? cloudTransport : httpTransport;

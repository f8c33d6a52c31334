import { init } from '@cloudbase/node-sdk';

/**
 * The real SDK pointed at the local database endpoint (`…/admin`), for tools that run outside a function: the
 * seed, the bench, test fixtures.
 *
 * Outside a cloud function the SDK asks Tencent Cloud's metadata service (metadata.tencentyun.com) whether it
 * runs on Tencent Cloud before every request, and remembers the answer only if the service replies. Off the
 * cloud the question goes unanswered and each request waits for two 30 ms timeouts. The endpoint here is given
 * explicitly, so the answer changes nothing: declaring it (`TENCENTCLOUD`, which the SDK reads first) skips the
 * wait. Functions are unaffected: the host runs them with the SCF environment, which the SDK checks before that.
 */
export function localApp(serviceUrl: string) {
  process.env.TENCENTCLOUD = 'true';
  return init({ env: 'local', serviceUrl, secretId: 'local', secretKey: 'local', keepalive: true });
}

export const localDatabase = (serviceUrl: string) => localApp(serviceUrl).database();

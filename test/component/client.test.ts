/**
 * The app's one function client (miniprogram/src/api/client.ts), with a scripted transport: what a page gets
 * back for each kind of reply.
 */
import { call, setTransport } from '../../miniprogram/src/api/client';
import { accountApi } from '../../miniprogram/src/api/functions/account';
import { NoReplyError } from '../../miniprogram/src/api/transport';
import { residentView } from './factories';

jest.mock('@tarojs/taro', () => ({
  __esModule: true,
  default: { getStorageSync: () => '', setStorageSync: () => undefined, removeStorageSync: () => undefined },
}));

const sent: { name: string; event: Record<string, unknown> }[] = [];
const replyWith = (reply: unknown) =>
  setTransport(async (name, event) => {
    sent.push({ name, event });
    if (reply instanceof Error) throw reply;
    return reply;
  });

beforeEach(() => {
  sent.length = 0;
});

test('bad input is answered without a request, naming the field', async () => {
  replyWith({ ok: true, data: {} });
  const outcome = await call(accountApi, 'updateProfile', { phone: '12345' });
  expect(outcome).toEqual({
    ok: false,
    error: {
      code: 'VALIDATION',
      message: '手机号应为11位数字',
      issues: [{ field: 'phone', message: '手机号应为11位数字' }],
    },
  });
  expect(sent).toEqual([]);
});

test('the event is the parsed input plus the action; mutations carry a request id', async () => {
  replyWith({ ok: true, data: { member: residentView({ displayName: '王阿姨' }) } });
  const outcome = await call(
    accountApi,
    'updateProfile',
    { displayName: '  王阿姨 ' },
    { requestId: 'retry-0001' },
  );
  expect(outcome).toEqual({ ok: true, data: { member: residentView({ displayName: '王阿姨' }) } });
  expect(sent).toEqual([
    { name: 'account', event: { displayName: '王阿姨', action: 'updateProfile', requestId: 'retry-0001' } },
  ]);

  replyWith({ ok: true, data: { member: residentView(), homeCenter: null } });
  await call(accountApi, 'whoami', {});
  expect(sent.at(-1)?.event).toEqual({ action: 'whoami' });
});

test('no reply at all becomes NETWORK with words a resident understands', async () => {
  replyWith(new NoReplyError(new Error('offline')));
  await expect(call(accountApi, 'whoami', {})).resolves.toEqual({
    ok: false,
    error: { code: 'NETWORK', message: '网络不太好，请稍后再试' },
  });
});

test("the function's own error comes through with its code, message and issues", async () => {
  const error = { code: 'FORBIDDEN', message: '您没有权限做这件事' };
  replyWith({ ok: false, error });
  await expect(call(accountApi, 'createInvite', { role: 'staff', centerId: 'c-1' })).resolves.toEqual({
    ok: false,
    error,
  });
});

test('a reply that does not match the contract is not passed on to the page', async () => {
  replyWith({ ok: true, data: { member: { role: 'resident' } } });
  const outcome = await call(accountApi, 'whoami', {});
  expect(outcome).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });

  replyWith({ ok: false, error: { code: 'SOMETHING_NEW', message: '稍后再试' } });
  await expect(call(accountApi, 'whoami', {})).resolves.toEqual({
    ok: false,
    error: { code: 'INTERNAL', message: '稍后再试' },
  });
});

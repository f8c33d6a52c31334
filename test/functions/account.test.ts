/**
 * `account` through the local host's HTTP contract, with real sessions: the way the h5 app and the WeChat
 * transport reach it.
 */
import { localDatabase } from '../../emulator/client';
import { COLLECTIONS } from '../../shared/collections';
import type { Result } from '../../shared/errors';
import { type Stack, startStack } from '../support/stack';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ seed: true });
}, 120_000);

afterAll(async () => {
  await stack?.close();
});

async function as(personaOrOpenid: string) {
  const token = await stack.session(personaOrOpenid);
  return async (fn: string, event: Record<string, unknown>) =>
    (await stack.call(fn, event, token)) as Result<unknown>;
}

/** Test fixtures only: direct database access to age an invite without waiting 72 hours. */
function adminDb() {
  return localDatabase(`${stack.url}/admin`);
}

describe('whoami and profile', () => {
  test('a new WeChat user becomes a resident without a home center', async () => {
    const call = await as('o-new-user-1');
    const res = await call('account', { action: 'whoami' });
    expect(res).toMatchObject({
      ok: true,
      data: { member: { role: 'resident', homeCenterId: null }, homeCenter: null },
    });
  });

  test('a seeded elderly resident sees her home center and elderly mode', async () => {
    const call = await as('resident-wang');
    const res = await call('account', { action: 'whoami' });
    expect(res).toMatchObject({
      ok: true,
      data: {
        member: { role: 'resident', displayName: '王秀英', elderlyMode: true, phoneMasked: '138****1234' },
        homeCenter: {
          id: 'c-chaoyang',
          name: '朝阳幸福邻里中心',
          streetName: '朝阳街道',
          districtName: '吴兴区',
        },
      },
    });
  });

  test('choosing a home center, elderly mode and a phone; the phone comes back masked', async () => {
    const call = await as('o-new-user-2');
    const res = await call('account', {
      action: 'updateProfile',
      displayName: '赵阿姨',
      homeCenterId: 'c-hefu',
      elderlyMode: true,
      phone: '13912345678',
    });
    expect(res).toMatchObject({
      ok: true,
      data: {
        member: {
          displayName: '赵阿姨',
          homeCenterId: 'c-hefu',
          elderlyMode: true,
          phoneMasked: '139****5678',
        },
      },
    });
    expect(JSON.stringify(res)).not.toContain('13912345678');
  });

  test('a center still being built cannot be chosen', async () => {
    const call = await as('o-new-user-3');
    const res = await call('account', { action: 'updateProfile', homeCenterId: 'c-panggongqiao' });
    expect(res).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ field: 'homeCenterId' }] },
    });
  });

  test('listCenters returns the demo world, building centers included and marked', async () => {
    const call = await as('resident-liu');
    const res = await call('account', { action: 'listCenters' });
    if (!res.ok) throw new Error(JSON.stringify(res));
    const centers = (res.data as { centers: { id: string; status: string; districtName: string }[] }).centers;
    expect(centers.length).toBeGreaterThanOrEqual(12);
    expect(centers.find((c) => c.id === 'c-panggongqiao')?.status).toBe('building');
    expect(new Set(centers.map((c) => c.districtName)).size).toBeGreaterThanOrEqual(3);
  });

  test('a family member without a phone is added once even when the tap is retried', async () => {
    const call = await as('o-new-user-4');
    const event = {
      action: 'addFamilyMember',
      displayName: '钱老伯',
      relation: '父亲',
      requestId: 'req-family-0001',
    };
    const first = await call('account', event);
    const again = await call('account', event);
    expect(again).toEqual(first);
    const me = await call('account', { action: 'whoami' });
    expect(me).toMatchObject({
      ok: true,
      data: { member: { family: [{ displayName: '钱老伯', relation: '父亲' }] } },
    });
  });
});

describe('invites', () => {
  test('the city invites a street office; the invitee joins and sees its street', async () => {
    const city = await as('city');
    const invite = await city('account', { action: 'createInvite', role: 'office', streetId: 's-feiying' });
    expect(invite).toMatchObject({ ok: true, data: { code: expect.stringMatching(/^[A-Z2-9]{8}$/) } });
    const code = (invite as { data: { code: string } }).data.code;

    const newcomer = await as('o-office-newcomer');
    const joined = await newcomer('account', { action: 'joinWithCode', code: code.toLowerCase() });
    expect(joined).toMatchObject({ ok: true, data: { member: { role: 'office', streetId: 's-feiying' } } });
  });

  test('a street office invites staff for a center of its own street only', async () => {
    const office = await as('office-chaoyang');
    const own = await office('account', { action: 'createInvite', role: 'staff', centerId: 'c-qinghe' });
    expect(own).toMatchObject({ ok: true });
    const other = await office('account', { action: 'createInvite', role: 'staff', centerId: 'c-hefu' });
    expect(other).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    const code = (own as { data: { code: string } }).data.code;
    const staff = await as('o-staff-newcomer');
    const joined = await staff('account', { action: 'joinWithCode', code, displayName: '新社工' });
    expect(joined).toMatchObject({
      ok: true,
      data: {
        member: { role: 'staff', centerId: 'c-qinghe', streetId: 's-chaoyang', displayName: '新社工' },
      },
    });
  });

  test('residents and staff cannot invite; the city cannot invite staff directly', async () => {
    const resident = await as('resident-zhang');
    expect(
      await resident('account', { action: 'createInvite', role: 'office', streetId: 's-hefu' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const staff = await as('staff-chaoyang');
    expect(
      await staff('account', { action: 'createInvite', role: 'staff', centerId: 'c-chaoyang' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const city = await as('city');
    expect(
      await city('account', { action: 'createInvite', role: 'staff', centerId: 'c-chaoyang' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  test('a code is single-use', async () => {
    const city = await as('city');
    const invite = await city('account', { action: 'createInvite', role: 'office', streetId: 's-dipu' });
    const code = (invite as { data: { code: string } }).data.code;
    const first = await (await as('o-first-taker'))('account', { action: 'joinWithCode', code });
    expect(first).toMatchObject({ ok: true });
    const second = await (await as('o-second-taker'))('account', { action: 'joinWithCode', code });
    expect(second).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const still = await (await as('o-second-taker'))('account', { action: 'whoami' });
    expect(still).toMatchObject({ ok: true, data: { member: { role: 'resident' } } });
  });

  test('an expired code is refused and grants nothing', async () => {
    const city = await as('city');
    const invite = await city('account', { action: 'createInvite', role: 'office', streetId: 's-zhicheng' });
    const code = (invite as { data: { code: string } }).data.code;
    await adminDb()
      .collection(COLLECTIONS.invites)
      .doc(code)
      .update({ expiresAt: new Date(Date.now() - 1000) });
    const res = await (await as('o-late-taker'))('account', { action: 'joinWithCode', code });
    expect(res).toMatchObject({ ok: false, error: { code: 'EXPIRED' } });
  });

  test('an unknown code is NOT_FOUND and a malformed one names the field', async () => {
    const call = await as('o-guesser');
    expect(await call('account', { action: 'joinWithCode', code: 'ABCDEFGH' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await call('account', { action: 'joinWithCode', code: '12' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ field: 'code' }] },
    });
  });
});

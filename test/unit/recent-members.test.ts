/** The door's short memory of staff records: bounded in age, never extended by use. */
import fc from 'fast-check';
import { type MemberRecord, RecentMembers } from '../../cloudfunctions/kit/members';

const staff = (openid: string, centerId = 'c-chaoyang'): MemberRecord => ({
  _id: openid,
  role: 'staff',
  displayName: '社工',
  homeCenterId: null,
  centerId,
  streetId: null,
  elderlyMode: false,
  phone: null,
  family: [],
});

test('a record is used only while younger than the limit, however often it is asked for', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 60_000 }),
      fc.array(fc.integer({ min: 0, max: 5_000 }), { minLength: 1, maxLength: 40 }),
      (maxAge, gaps) => {
        const recent = new RecentMembers();
        const readAt = 1_000_000;
        recent.remember(staff('o-door'), readAt);
        let now = readAt;
        for (const gap of gaps) {
          now += gap;
          const hit = recent.get('o-door', maxAge, now);
          if (now - readAt < maxAge) expect(hit?.centerId).toBe('c-chaoyang');
          else expect(hit).toBeUndefined();
        }
      },
    ),
  );
});

test('a clock that went back, another person and a full memory all mean reading again', () => {
  const recent = new RecentMembers(2);
  recent.remember(staff('o-a'), 5_000);
  expect(recent.get('o-a', 10_000, 4_000)).toBeUndefined();
  recent.remember(staff('o-a'), 5_000);
  expect(recent.get('o-b', 10_000, 5_001)).toBeUndefined();
  recent.remember(staff('o-b'), 5_000);
  recent.remember(staff('o-c'), 5_000);
  expect(recent.get('o-a', 10_000, 5_001)).toBeUndefined();
  expect(recent.get('o-c', 10_000, 5_001)?._id).toBe('o-c');
});

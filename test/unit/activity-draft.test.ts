import fc from 'fast-check';
import { activityDraftSchema } from '../../shared/contract/activities';
import { draftActivity } from '../support/activities';

test('a complete draft is accepted and optional fields get defaults', () => {
  const { tags: _tags, description: _description, ...minimal } = draftActivity();
  const parsed = activityDraftSchema.parse(minimal);
  expect(parsed).toMatchObject({ tags: [], needIds: [], description: '' });
});

test('each rule names its field in Chinese', () => {
  const base = draftActivity();
  const issue = (input: unknown) => {
    const r = activityDraftSchema.safeParse(input);
    return r.success
      ? null
      : { field: r.error.issues[0]?.path.join('.'), message: r.error.issues[0]?.message };
  };
  expect(issue({ ...base, capacity: 0 })).toEqual({ field: 'capacity', message: '名额至少1人' });
  expect(issue({ ...base, capacity: 501 })).toEqual({ field: 'capacity', message: '名额最多500人' });
  expect(issue({ ...base, capacity: 2.5 })).toEqual({ field: 'capacity', message: '名额应为整数' });
  expect(issue({ ...base, category: 'party' })).toEqual({ field: 'category', message: '请选择活动类别' });
  expect(issue({ ...base, endAt: base.startAt })).toEqual({
    field: 'endAt',
    message: '结束时间应晚于开始时间',
  });
  expect(issue({ ...base, signupDeadline: base.endAt })).toEqual({
    field: 'signupDeadline',
    message: '报名截止不能晚于开始时间',
  });
  expect(issue({ ...base, startAt: '明天下午' })).toEqual({ field: 'startAt', message: '时间格式不对' });
  expect(issue({ ...base, title: ' ' })).toEqual({ field: 'title', message: '标题至少2个字' });
});

test('anything thrown at the schema is either a valid draft or a Chinese message naming a field', () => {
  fc.assert(
    fc.property(
      fc.dictionary(
        fc.constantFrom('title', 'capacity', 'startAt', 'endAt', 'category', 'tags', 'place'),
        fc.anything(),
      ),
      (patch) => {
        const r = activityDraftSchema.safeParse({ ...draftActivity(), ...patch });
        if (r.success) {
          expect(r.data.capacity).toBeGreaterThanOrEqual(1);
          expect(Date.parse(r.data.signupDeadline)).toBeLessThanOrEqual(Date.parse(r.data.startAt));
        } else {
          for (const i of r.error.issues) {
            expect(i.path.length).toBeGreaterThan(0);
            expect(i.message).toMatch(/[\u4e00-\u9fa5]/);
          }
        }
      },
    ),
  );
});

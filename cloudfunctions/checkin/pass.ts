import { randomBytes } from 'node:crypto';
import { COLLECTIONS } from '../../shared/collections';
import type { checkinContract } from '../../shared/contract/checkin';
import { AppError } from '../../shared/errors';
import { PASS_STEP_SECONDS, passIdFrom, passPayload } from '../../shared/rules/pass';
import { type ActionHandler, readDoc } from '../kit';
import { registrationRecordSchema } from '../records/activities';

type Checkin = typeof checkinContract;

/**
 * The pass for one of the caller's own confirmed registrations. The secret is created once, by a conditional
 * update, so two phones asking at the same moment end up with the same pass.
 */
export const pass: ActionHandler<Checkin['pass']> = {
  allow: ['resident', 'staff', 'office', 'admin'],
  async run({ registrationId }, { db, openid, now }) {
    let reg = await readDoc(db, COLLECTIONS.registrations, registrationId, registrationRecordSchema);
    if (!reg) throw new AppError('NOT_FOUND', '没有找到这条报名');
    if (reg.openid !== openid) throw new AppError('FORBIDDEN', '只能查看自己（或家人）的签到码');
    if (reg.status !== 'confirmed' && reg.status !== 'attended') {
      throw new AppError(
        'CONFLICT',
        reg.status === 'waitlisted' ? '候补中，有名额后才有签到码' : '这条报名没有签到码',
      );
    }
    if (!reg.passSecret) {
      await db
        .collection(COLLECTIONS.registrations)
        .where({ _id: registrationId, passSecret: null })
        .update({
          passId: passIdFrom(randomBytes(8)),
          passSecret: randomBytes(20).toString('hex'),
          passIssuedAt: now,
        });
      reg = await readDoc(db, COLLECTIONS.registrations, registrationId, registrationRecordSchema);
    }
    if (!reg?.passId || !reg.passSecret) throw new AppError('INTERNAL');
    return {
      registrationId,
      passId: reg.passId,
      secret: reg.passSecret,
      stepSeconds: PASS_STEP_SECONDS,
      payload: passPayload(reg.passId, reg.passSecret, now.getTime()),
      displayName: reg.displayName,
      activityTitle: reg.title,
      place: reg.place,
      startAt: reg.startAt.toISOString(),
      endAt: reg.endAt.toISOString(),
      status: reg.status === 'attended' ? 'attended' : 'confirmed',
      checkedInAt: reg.checkedInAt?.toISOString() ?? null,
    };
  },
};

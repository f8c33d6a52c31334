import { COLLECTIONS } from '../../shared/collections';
import type { registrationsContract } from '../../shared/contract/registrations';
import { AppError } from '../../shared/errors';
import { type ActionHandler, readDoc } from '../kit';
import { loadActivity, registrationRecordSchema } from '../records/activities';
import { releasePlace, settleAll } from '../records/seats';

type Registrations = typeof registrationsContract;

/** Cancel until the sign-up deadline; a seat given back goes to the first person waiting in the same update. */
export const cancel: ActionHandler<Registrations['cancel']> = {
  allow: ['resident', 'staff', 'office', 'admin'],
  async run({ registrationId }, { db, openid, now }) {
    const reg = await readDoc(db, COLLECTIONS.registrations, registrationId, registrationRecordSchema);
    if (!reg) throw new AppError('NOT_FOUND', '没有找到这条报名');
    if (reg.openid !== openid) throw new AppError('FORBIDDEN', '只能取消自己（或家人）的报名');
    if (reg.status === 'cancelled') return { registrationId, status: 'cancelled', promoted: false };
    if (reg.status === 'attended' || reg.status === 'no_show')
      throw new AppError('CONFLICT', '活动已经签到过，不能取消');
    const activity = await loadActivity(db, reg.activityId);
    if (!activity) throw new AppError('NOT_FOUND', '没有找到这个活动');
    if (now.getTime() > activity.signupDeadline.getTime()) {
      throw new AppError('CLOSED', '报名已截止，不能在这里取消了，请联系中心');
    }
    const promoted = await releasePlace(db, activity._id, registrationId);
    await settleAll(db, activity._id, promoted ? [registrationId, promoted] : [registrationId], now);
    return { registrationId, status: 'cancelled', promoted: promoted !== null };
  },
};

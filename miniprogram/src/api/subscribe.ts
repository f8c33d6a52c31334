import Taro from '@tarojs/taro';

/** Template ids from the build (`LINLI_SUBSCRIBE_TEMPLATE_IDS`); WeChat takes at most three per request. */
const TEMPLATE_IDS = LINLI_SUBSCRIBE_TEMPLATE_IDS.split(',')
  .map((id) => id.trim())
  .filter(Boolean)
  .slice(0, 3);

/**
 * weapp: asks for one-time consent to the confirmation / waitlist / cancellation messages. WeChat allows this
 * only straight from a tap, so call it first in the handler. Whatever the answer (or an error), the sign-up
 * goes ahead: the in-app inbox always gets the message.
 */
export function askForSubscription(): void {
  if (process.env.TARO_ENV !== 'weapp' || TEMPLATE_IDS.length === 0) return;
  try {
    void Promise.resolve(Taro.requestSubscribeMessage({ tmplIds: TEMPLATE_IDS, entityIds: [] })).catch(
      () => undefined,
    );
  } catch {
    // An old WeChat without the API: the inbox still has every message.
  }
}

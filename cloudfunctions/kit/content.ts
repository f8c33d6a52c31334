import * as z from 'zod';
import { cloud } from './cloud';

/** `pass`: may be shown to others; `review`: held until staff look at it, shown to its author only. */
export type ContentVerdict = 'pass' | 'review';

/** Checks free text that other people may see (needs, comments). */
export interface ContentChecker {
  readonly name: string;
  check(text: string, openid: string): Promise<ContentVerdict>;
}

/** Offline: a short list of words no public notice board should carry. Staff review anything it catches. */
const BLOCKED = [
  '赌博',
  '博彩',
  '六合彩',
  '色情',
  '裸聊',
  '毒品',
  '冰毒',
  '代开发票',
  '办证',
  '刷单',
  '贷款秒批',
  '枪支',
  '炸药',
];

export const wordListChecker: ContentChecker = {
  name: 'word-list',
  async check(text) {
    const plain = text.replace(/\s+/g, '');
    return BLOCKED.some((word) => plain.includes(word)) ? 'review' : 'pass';
  },
};

/**
 * WeChat's content security check (msgSecCheck v2). Anything but a clear `pass`, including a failed call,
 * holds the text for staff: failing closed costs a short delay, failing open could publish abuse.
 */
export const wechatChecker: ContentChecker = {
  name: 'wechat-msgSecCheck',
  async check(text, openid) {
    try {
      const res = await cloud().callWxOpenApi({
        apiName: '/wxa/msg_sec_check',
        requestData: { content: text.slice(0, 2500), version: 2, scene: 2, openid },
      });
      const reply = z
        .object({ errcode: z.number().default(0), result: z.object({ suggest: z.string() }).optional() })
        .parse(typeof res.result === 'string' ? JSON.parse(res.result) : (res.result ?? {}));
      return reply.errcode === 0 && reply.result?.suggest === 'pass' ? 'pass' : 'review';
    } catch {
      return 'review';
    }
  },
};

/** Which checker runs is configuration (`LINLI_CONTENT_CHECK=wechat` in production), never a code branch. */
export const configuredChecker = (env: NodeJS.ProcessEnv = process.env): ContentChecker =>
  env.LINLI_CONTENT_CHECK === 'wechat' ? wechatChecker : wordListChecker;

/**
 * How alike two short Chinese texts read: the overlap of their character pairs (bigrams), ignoring spaces and
 * punctuation. Good enough to notice that "楼下路灯坏了" and "小区路灯不亮，晚上很黑" are about the same lamp.
 */
function bigrams(text: string): Set<string> {
  const chars = [...text.toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '')];
  const out = new Set<string>();
  for (let i = 0; i < chars.length - 1; i++) out.add(`${chars[i]}${chars[i + 1]}`);
  if (chars.length === 1) out.add(chars[0] as string);
  return out;
}

/** 0 (nothing shared) to 1 (same pairs): shared pairs over the smaller text's pairs. */
export function similarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (!x.size || !y.size) return 0;
  let shared = 0;
  for (const pair of x) if (y.has(pair)) shared++;
  return shared / Math.min(x.size, y.size);
}

/** Above this, a need is offered as "the same as yours?". */
export const SIMILAR_THRESHOLD = 0.3;

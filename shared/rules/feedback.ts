import { FEEDBACK_TAGS, FEEDBACK_WINDOW_DAYS, MIN_RATINGS_FOR_AVERAGE } from '../contract/feedback';

/** Feedback is open from check-in until 7 days after the activity ends. */
export const feedbackClosesAt = (endAt: Date): Date =>
  new Date(endAt.getTime() + FEEDBACK_WINDOW_DAYS * 24 * 3600_000);

type TagField = `tag${0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9}`;

export interface Rating {
  rating: number;
  tags: readonly string[];
  /** Entered by staff for someone without a phone. */
  proxy: boolean;
}

/** Counter names are ASCII (`tag3`), whatever the tag's words, so every store and export accepts them. */
export const tagCounter = (tag: string) =>
  `tag${FEEDBACK_TAGS.indexOf(tag as (typeof FEEDBACK_TAGS)[number])}` as TagField;

/**
 * What a center's monthly counters must add when a rating appears (`before` null) or changes: count, sum,
 * histogram and tag counts move together, so the counters always equal a recount of the records.
 */
export function ratingDelta(before: Rating | null, after: Rating): Record<string, number> {
  const delta: Record<string, number> = {};
  const add = (key: string, n: number) => {
    delta[key] = (delta[key] ?? 0) + n;
  };
  if (before) {
    add('ratingSum', -before.rating);
    add(`rating${before.rating}`, -1);
    for (const tag of before.tags) add(tagCounter(tag), -1);
    if (before.proxy) add('ratingsProxy', -1);
  } else {
    add('ratings', 1);
  }
  add('ratingSum', after.rating);
  add(`rating${after.rating}`, 1);
  for (const tag of after.tags) add(tagCounter(tag), 1);
  if (after.proxy) add('ratingsProxy', 1);
  return Object.fromEntries(Object.entries(delta).filter(([, n]) => n !== 0));
}

/** The average is shown only from 3 ratings on, so a small group's answers stay unidentifiable. */
export function publicAverage(count: number, sum: number): number | null {
  return count >= MIN_RATINGS_FOR_AVERAGE ? Math.round((sum / count) * 10) / 10 : null;
}

/**
 * A few past months for the demo world, made by the city generator at the demo's size: month lists with the
 * neighbours' attendances, their ratings and tags, and needs with the staff's replies, so the summaries' trend
 * charts have something to draw before the months the demo lists show.
 */
import { monthOf, shiftMonth } from '../../shared/rules/time';
import { generateMonth, planYear, type YearCenter } from './city-year';
import type { Doc } from './index';
import type { Random } from './random';
import { type CenterSeed, personaOpenid } from './world';

/** Past months before the demo lists' own (last month, this month, next month). */
const HISTORY_MONTHS = 4;
const PER_CENTER_MONTH = { activities: 6, attendances: 20, ratings: 10 };

/** The operating demo centers as the year generator sees them, with their neighbours as the residents. */
export function demoYearCenters(
  random: Random,
  centers: CenterSeed[],
  neighbours: Map<string, { openid: string; displayName: string }[]>,
): YearCenter[] {
  return centers
    .filter((c) => c.status === 'operating')
    .map((c) => {
      const account = c.staff.find((s) => s.persona);
      return {
        id: c.id,
        name: c.name,
        streetId: c.streetId,
        staff: {
          openid: account?.persona ? personaOpenid(account.persona) : 'seed',
          displayName: account?.name ?? c.staff[0]?.name ?? '社工',
        },
        quality: random.around(0.75, 0.5, 0.45, 1),
        size: 1,
        rating: 1,
        residents: (neighbours.get(c.id) ?? []).map((n) => ({ ...n, family: null })),
      };
    });
}

/** The records of the past months, by collection. */
export async function demoHistory(
  random: Random,
  year: YearCenter[],
  now: Date,
): Promise<Map<string, Doc[]>> {
  const first = shiftMonth(monthOf(now), -1 - HISTORY_MONTHS);
  const months = Array.from({ length: HISTORY_MONTHS }, (_, i) => shiftMonth(first, i));
  const slots = months.length * year.length;
  const plan = planYear(random, year, months, now, {
    activities: PER_CENTER_MONTH.activities * slots,
    attendances: PER_CENTER_MONTH.attendances * slots,
    ratings: PER_CENTER_MONTH.ratings * slots,
  });
  const records = new Map<string, Doc[]>();
  for (const month of months) {
    await generateMonth(random, plan, month, now, async (collection, doc) => {
      const list = records.get(collection) ?? [];
      list.push(doc);
      records.set(collection, list);
    });
  }
  return records;
}

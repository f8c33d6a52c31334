/** Timer trigger schedules (CloudBase's seven-field cron, Beijing time) and the clock that fires them. */
import { join } from 'node:path';
import { parseSchedule } from '../../emulator/host/cron';
import { readFunctionConfig, type TimerTrigger } from '../../emulator/host/settings';
import { startTimers } from '../../emulator/host/timers';

/** A moment given in Beijing time (UTC+8). */
const beijing = (text: string) => new Date(`${text}+08:00`);

describe('schedules', () => {
  test('every minute fires at second 0 only', () => {
    const everyMinute = parseSchedule('0 * * * * * *');
    expect(everyMinute(beijing('2026-03-02T09:15:00'))).toBe(true);
    expect(everyMinute(beijing('2026-03-02T09:15:01'))).toBe(false);
  });

  test('18:00 means 18:00 in Beijing whatever the machine time zone', () => {
    const evening = parseSchedule('0 0 18 * * * *');
    expect(evening(new Date('2026-03-02T10:00:00Z'))).toBe(true);
    expect(evening(new Date('2026-03-02T18:00:00Z'))).toBe(false);
  });

  test('ranges, steps, lists and names', () => {
    const workdays = parseSchedule('*/15 30 8-9,17 * * MON-FRI *');
    expect(workdays(beijing('2026-03-02T08:30:45'))).toBe(true); // a Monday
    expect(workdays(beijing('2026-03-02T17:30:15'))).toBe(true);
    expect(workdays(beijing('2026-03-02T08:30:10'))).toBe(false);
    expect(workdays(beijing('2026-03-07T08:30:00'))).toBe(false); // a Saturday
    expect(parseSchedule('0 0 0 1 JAN * *')(beijing('2027-01-01T00:00:00'))).toBe(true);
  });

  test.each(['* * * * *', '61 * * * * * *', '*/0 * * * * * *', '0 0 25-3 * * * *', 'x * * * * * *'])(
    'rejects %p',
    (expression) => expect(() => parseSchedule(expression)).toThrow(/timer/),
  );
});

describe('the clock', () => {
  beforeEach(() => jest.useFakeTimers({ now: beijing('2026-03-02T09:00:00.500') }));
  afterEach(() => jest.useRealTimers());

  const everySecond: TimerTrigger = {
    functionName: 'notify',
    trigger: 'dispatch',
    schedule: '* * * * * * *',
  };

  test('fires each due trigger once per matching second', async () => {
    const fired: string[] = [];
    const clock = startTimers([everySecond], async (timer) => {
      fired.push(timer.trigger);
    });
    await jest.advanceTimersByTimeAsync(3_000);
    clock.stop();
    await jest.advanceTimersByTimeAsync(3_000);
    expect(fired).toEqual(['dispatch', 'dispatch', 'dispatch']);
  });

  test('skips a trigger while its previous run is still going', async () => {
    let started = 0;
    const clock = startTimers([everySecond], () => {
      started++;
      return new Promise(() => undefined); // never finishes
    });
    await jest.advanceTimersByTimeAsync(5_000);
    clock.stop();
    expect(started).toBe(1);
  });
});

describe("the project's timers", () => {
  test('cloudbaserc.json declares one timer per function, each on a schedule the host can fire', () => {
    const { timers } = readFunctionConfig(join(__dirname, '../../cloudbaserc.json'));
    for (const timer of timers) expect(() => parseSchedule(timer.schedule)).not.toThrow();
    const names = timers.map((t) => t.functionName);
    expect(new Set(names).size).toBe(names.length);
    expect(timers.map((t) => `${t.functionName}.${t.trigger}`).sort()).toEqual([
      'activities.remind',
      'checkin.tally',
      'needs.flagOverdue',
      'notify.dispatch',
      'registrations.reconcile',
    ]);
  });
});

/**
 * Timer triggers from cloudbaserc.json, fired locally on their schedule the way CloudBase fires them: an event
 * `{ Type: 'Timer', TriggerName, Time, Message }` and no caller. A trigger whose previous run is still going
 * is skipped rather than piled up.
 */
import { parseSchedule } from './cron';
import type { TimerTrigger } from './settings';

export function timerEvent(trigger: string, at = new Date()): Record<string, unknown> {
  return {
    Type: 'Timer',
    TriggerName: trigger,
    Time: at.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    Message: '',
  };
}

export interface TimerClock {
  stop(): void;
}

export function startTimers(
  triggers: TimerTrigger[],
  fire: (timer: TimerTrigger) => Promise<void>,
): TimerClock {
  const scheduled = triggers.map((timer) => ({ timer, due: parseSchedule(timer.schedule) }));
  const running = new Set<TimerTrigger>();
  let stopped = false;
  let handle: NodeJS.Timeout | undefined;

  const tick = () => {
    const now = new Date();
    for (const { timer, due } of scheduled) {
      if (!due(now) || running.has(timer)) continue;
      running.add(timer);
      void fire(timer).finally(() => running.delete(timer));
    }
    schedule();
  };
  // Aligned to the start of each second, so a `0 * * * * * *` trigger fires once per minute, not never or twice.
  const schedule = () => {
    if (stopped) return;
    handle = setTimeout(tick, 1000 - (Date.now() % 1000) + 5);
    handle.unref();
  };
  if (scheduled.length > 0) schedule();

  return {
    stop() {
      stopped = true;
      clearTimeout(handle);
    },
  };
}

import { useEffect, useState } from 'react';

/** The time, updated every `everyMs` while the component is shown (countdowns, codes that change by the clock). */
export function useNow(everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

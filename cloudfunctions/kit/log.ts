/** One JSON line per event so CloudBase's log search and the local host's prefixed output both stay greppable. */
export type LogFields = Record<string, string | number | boolean | null | undefined>;

export function logEvent(level: 'info' | 'warn' | 'error', event: string, fields: LogFields): void {
  const line = JSON.stringify({ level, event, ...fields });
  if (level === 'error') console.error(line);
  else if (level === 'warn') console.warn(line);
  else console.log(line);
}

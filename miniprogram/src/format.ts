const pad = (n: number) => String(n).padStart(2, '0');

/** `2025-03-08T14:05:00+08:00` → `3月8日 14:05`, in the phone's time zone (Huzhou's, in practice). */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.getMonth() + 1}月${date.getDate()}日 ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

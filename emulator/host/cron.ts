/**
 * CloudBase timer trigger schedules: seven fields, `second minute hour day month weekday year`, each `*`, a
 * number or name, a range `a-b`, a step `*\/s` or `a-b/s`, or a comma list of those. Evaluated in Beijing
 * time, as CloudBase does, whatever the machine's time zone.
 */

export type Schedule = (at: Date) => boolean;

interface Field {
  min: number;
  max: number;
  names?: string[];
}

const FIELDS: Field[] = [
  { min: 0, max: 59 },
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  {
    min: 1,
    max: 12,
    names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'],
  },
  { min: 0, max: 6, names: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] },
  { min: 1970, max: 2099 },
];

const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

export function parseSchedule(expression: string): Schedule {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== FIELDS.length) {
    throw new Error(`timer "${expression}" needs 7 fields: second minute hour day month weekday year`);
  }
  const allowed = parts.map((part, index) => parseField(part, FIELDS[index] as Field, expression));
  return (at) => {
    const beijing = new Date(at.getTime() + BEIJING_OFFSET_MS);
    const values = [
      beijing.getUTCSeconds(),
      beijing.getUTCMinutes(),
      beijing.getUTCHours(),
      beijing.getUTCDate(),
      beijing.getUTCMonth() + 1,
      beijing.getUTCDay(),
      beijing.getUTCFullYear(),
    ];
    return values.every((value, index) => allowed[index]?.has(value));
  };
}

function parseField(text: string, field: Field, expression: string): Set<number> {
  const allowed = new Set<number>();
  for (const item of text.split(',')) {
    const [range = '', stepText] = item.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    let from = field.min;
    let to = field.max;
    if (range !== '*') {
      const [start = '', end] = range.split('-');
      from = value(start, field, expression);
      // `5/10` means from 5 to the end in steps of 10; a bare `5` is just 5.
      to = end !== undefined ? value(end, field, expression) : stepText === undefined ? from : field.max;
    }
    if (!Number.isInteger(step) || step < 1 || from > to)
      throw new Error(`timer "${expression}": bad field "${text}"`);
    for (let v = from; v <= to; v += step) allowed.add(v);
  }
  return allowed;
}

function value(text: string, field: Field, expression: string): number {
  const named = field.names?.indexOf(text.toUpperCase()) ?? -1;
  const number = named >= 0 ? named + field.min : Number(text);
  if (!Number.isInteger(number) || number < field.min || number > field.max) {
    throw new Error(`timer "${expression}": "${text}" is out of range ${field.min}-${field.max}`);
  }
  return number;
}

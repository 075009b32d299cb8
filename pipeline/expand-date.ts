import { isRealIsoDate, lastDayOfMonth } from '../src/domain/dates.ts';
import type { DateSpan } from '../src/domain/event-schema.ts';

export type DateProblem = { field: string; message: string };

const PATTERN = { day: /^\d{4}-\d{2}-\d{2}$/, month: /^\d{4}-\d{2}$/, year: /^\d{4}$/ } as const;
const WRITTEN = { day: 'YYYY-MM-DD', month: 'YYYY-MM', year: 'YYYY' } as const;

const monthEnd = (yearMonth: string) => {
  const [year, month] = yearMonth.split('-').map(Number) as [number, number];
  const day = lastDayOfMonth(year, month);
  return `${yearMonth}-${String(day).padStart(2, '0')}`;
};

/**
 * Turns what a person writes (`2021-10-14`, `2021-05`, `2021`) into a full ISO span with its
 * precision. A value must be written at exactly its precision, so that a day-precision date
 * without a day, or a month-precision one with an invented day, is caught rather than padded.
 */
export function expandPartialDate(input: {
  start: string;
  end?: string | undefined;
  precision: DateSpan['precision'];
}): DateSpan | DateProblem[] {
  const { precision } = input;
  const problems: DateProblem[] = [];
  const check = (field: 'start' | 'end', value: string) => {
    if (!PATTERN[precision].test(value)) {
      const what = precision === 'day' ? 'a day-precision date needs a day' : `a ${precision}-precision date`;
      problems.push({
        field: `date.${field}`,
        message: `${what}: write it ${WRITTEN[precision]} (got "${value}")`,
      });
      return;
    }
    const full = precision === 'day' ? value : precision === 'month' ? `${value}-01` : `${value}-01-01`;
    if (!isRealIsoDate(full))
      problems.push({ field: `date.${field}`, message: `"${value}" is not a real date` });
  };
  check('start', input.start);
  if (input.end !== undefined) check('end', input.end);
  if (problems.length > 0) return problems;

  const last = input.end ?? input.start;
  const date: DateSpan =
    precision === 'day'
      ? { start: input.start, end: last, precision }
      : precision === 'month'
        ? { start: `${input.start}-01`, end: monthEnd(last), precision }
        : { start: `${input.start}-01-01`, end: `${last}-12-31`, precision };
  if (date.end < date.start) {
    return [{ field: 'date.end', message: `end ${last} is before start ${input.start}` }];
  }
  return date;
}

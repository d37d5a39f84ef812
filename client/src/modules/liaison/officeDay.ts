import type { OFFICE_TIME_ZONE as SharedTimeZone } from '@pat/shared';

// A value import from @pat/shared would bundle zod; the type keeps this in step with shared/.
const OFFICE_TIME_ZONE: typeof SharedTimeZone = 'Asia/Shanghai';
const DAY_MS = 86_400_000;

const dayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: OFFICE_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's date in office time (YYYY-MM-DD), whatever the browser's zone. */
export const officeToday = (now: Date = new Date()): string => dayFormat.format(now);

const dayNumber = (date: string): number => Date.parse(`${date}T00:00:00Z`) / DAY_MS;

/** Whole days from `today` to `date` (both YYYY-MM-DD): 0 on the day, negative once past. */
export const daysFrom = (today: string, date: string): number => Math.round(dayNumber(date) - dayNumber(today));

import { OFFICE_TIME_ZONE } from './limits';

const dayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: OFFICE_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date (YYYY-MM-DD) in the office's time zone, Asia/Shanghai. */
export const officeDate = (at: Date = new Date()): string => dayFormat.format(at);

/** A milestone is overdue when its planned date has passed (office time) and it is not done. */
export const isOverdue = (plannedDate: string, status: string, today: string = officeDate()): boolean =>
  status !== 'DONE' && plannedDate < today;

const DAY_MS = 86_400_000;
const dayNumber = (date: string): number => Date.parse(`${date}T00:00:00Z`) / DAY_MS;

/** Whole days from `today` to `date` (both YYYY-MM-DD): 0 on the day, negative once past. */
export const daysFrom = (today: string, date: string): number => Math.round(dayNumber(date) - dayNumber(today));

import type { OFFICE_TIME_ZONE as SharedTimeZone } from '@pat/shared';

// A value import from @pat/shared would bundle zod; the type keeps this in step with shared/.
const OFFICE_TIME_ZONE: typeof SharedTimeZone = 'Asia/Shanghai';

const formats = new Map<string, Intl.DateTimeFormat>();

// Timestamps are shown in office time (Asia/Shanghai), whatever the browser's zone.
export function formatOfficeDateTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  let format = formats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(language === 'en' ? 'en-CA' : 'zh-CN', {
      timeZone: OFFICE_TIME_ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
    });
    formats.set(language, format);
  }
  return format.format(date);
}

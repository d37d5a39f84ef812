import type { ApiRole } from '../../app/roles';

export const LOGIN_PATH = '/login';
export const MY_WORK_PATH = '/my-work';

// Officers and coordinators start on their own to-do list; everyone else on the dashboard.
export const homePathFor = (role?: ApiRole): string =>
  role === 'OFFICER' || role === 'COORDINATOR' ? MY_WORK_PATH : '/';

// Only same-site paths: a crafted ?next=//evil.example must not send the user away after sign-in.
// Without a page to return to, the user lands on their role's home.
export function safeNextPath(next: string | null | undefined, role?: ApiRole): string {
  const home = homePathFor(role);
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return home;
  if (next === LOGIN_PATH || next.startsWith(`${LOGIN_PATH}?`)) return home;
  return next;
}

export function loginPathFor(location: { pathname: string; search: string }): string {
  const target = `${location.pathname}${location.search}`;
  if (target === '/' || location.pathname === LOGIN_PATH) return LOGIN_PATH;
  return `${LOGIN_PATH}?next=${encodeURIComponent(target)}`;
}

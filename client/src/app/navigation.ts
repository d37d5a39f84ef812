import { ApartmentOutlined, HomeOutlined, ProjectOutlined } from '@ant-design/icons';
import type { ComponentType } from 'react';
import type { Messages } from './i18n/zh-CN';
import { API_ROLES, type ApiRole } from './roles';

export type NavLabelKey = `nav.${Exclude<keyof Messages['nav'], 'label'>}`;

export type NavItem = {
  key: string;
  /** Must match a route in router.tsx (a test checks it). */
  path: string;
  labelKey: NavLabelKey;
  icon: ComponentType;
  roles: readonly ApiRole[];
};

const ALL_ROLES = API_ROLES;

// The one place that says who sees which section. Add an entry together with its route;
// list only sections whose page exists.
export const NAV_ITEMS: readonly NavItem[] = [
  { key: 'home', path: '/', labelKey: 'nav.home', icon: HomeOutlined, roles: ALL_ROLES },
  { key: 'regions', path: '/regions', labelKey: 'nav.regions', icon: ApartmentOutlined, roles: ALL_ROLES },
  { key: 'projects', path: '/projects', labelKey: 'nav.projects', icon: ProjectOutlined, roles: ALL_ROLES },
];

export const navigationFor = (role: ApiRole, items: readonly NavItem[] = NAV_ITEMS): NavItem[] =>
  items.filter((item) => item.roles.includes(role));

// The deepest menu entry containing the current path, so /regions/123 still highlights "regions".
export function selectedNavKey(pathname: string, items: readonly NavItem[]): string | undefined {
  const matches = items.filter((item) =>
    item.path === '/' ? pathname === '/' : pathname === item.path || pathname.startsWith(`${item.path}/`),
  );
  return matches.sort((a, b) => b.path.length - a.path.length)[0]?.key;
}

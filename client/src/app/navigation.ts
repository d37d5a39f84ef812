import {
  ApartmentOutlined,
  CheckSquareOutlined,
  CommentOutlined,
  DashboardOutlined,
  FileProtectOutlined,
  FlagOutlined,
  ImportOutlined,
  MoneyCollectOutlined,
  ProjectOutlined,
  TeamOutlined,
} from '@ant-design/icons';
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
  // The landing page: the dashboard (funding and progress overview), for every role.
  { key: 'home', path: '/', labelKey: 'nav.dashboard', icon: DashboardOutlined, roles: ALL_ROLES },
  { key: 'regions', path: '/regions', labelKey: 'nav.regions', icon: ApartmentOutlined, roles: ALL_ROLES },
  { key: 'projects', path: '/projects', labelKey: 'nav.projects', icon: ProjectOutlined, roles: ALL_ROLES },
  // Every role that reads projects reads their milestones (region scope applies).
  { key: 'milestones', path: '/milestones', labelKey: 'nav.milestones', icon: FlagOutlined, roles: ALL_ROLES },
  // Everyone reads agreements and the liaison log; "my work" is each user's own (docs/permissions.md).
  { key: 'agreements', path: '/agreements', labelKey: 'nav.agreements', icon: FileProtectOutlined, roles: ALL_ROLES },
  { key: 'liaison', path: '/liaison', labelKey: 'nav.liaison', icon: CommentOutlined, roles: ALL_ROLES },
  { key: 'myWork', path: '/my-work', labelKey: 'nav.myWork', icon: CheckSquareOutlined, roles: ALL_ROLES },
  // Every role reads the fund (scoped); the pages show each role only the actions it may take.
  { key: 'fund', path: '/fund', labelKey: 'nav.fund', icon: MoneyCollectOutlined, roles: ALL_ROLES },
  // Importing creates and changes projects: the roles that may (docs/permissions.md).
  {
    key: 'import',
    path: '/import',
    labelKey: 'nav.import',
    icon: ImportOutlined,
    roles: ['ADMIN', 'MANAGER', 'OFFICER'],
  },
  { key: 'admin', path: '/admin/users', labelKey: 'nav.admin', icon: TeamOutlined, roles: ['ADMIN'] },
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

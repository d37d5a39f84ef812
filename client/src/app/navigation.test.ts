import { HomeOutlined } from '@ant-design/icons';
import { matchRoutes } from 'react-router';
import { NAV_ITEMS, navigationFor, selectedNavKey, type NavItem } from './navigation';
import { API_ROLES } from './roles';
import { appRoutes } from './router';

const keysFor = (...args: Parameters<typeof navigationFor>) => navigationFor(...args).map((item) => item.key);

describe('navigation map', () => {
  it('gives an admin the admin-only items and a viewer not', () => {
    const adminOnly = NAV_ITEMS.filter((item) => item.roles.length === 1 && item.roles[0] === 'ADMIN');
    for (const item of adminOnly) {
      expect(keysFor('ADMIN')).toContain(item.key);
      expect(keysFor('VIEWER')).not.toContain(item.key);
    }
  });

  it('filters by role: an admin-only entry reaches the admin and no one else', () => {
    // The real map has no admin-only page yet; this pins down the rule that later entries rely on.
    const items: NavItem[] = [
      { key: 'home', path: '/', labelKey: 'nav.home', icon: HomeOutlined, roles: API_ROLES },
      { key: 'users', path: '/admin/users', labelKey: 'nav.regions', icon: HomeOutlined, roles: ['ADMIN'] },
    ];
    expect(keysFor('ADMIN', items)).toEqual(['home', 'users']);
    for (const role of API_ROLES.filter((r) => r !== 'ADMIN')) {
      expect(keysFor(role, items)).toEqual(['home']);
    }
  });

  it('shows home and regions to every role', () => {
    for (const role of API_ROLES) {
      expect(keysFor(role)).toEqual(expect.arrayContaining(['home', 'regions']));
    }
  });

  it('lists only sections that have a page (a route other than the not-found catch-all)', () => {
    for (const item of NAV_ITEMS) {
      const leaf = matchRoutes(appRoutes, item.path)?.at(-1)?.route;
      expect({ path: item.path, routed: Boolean(leaf) && leaf?.path !== '*' }).toEqual({
        path: item.path,
        routed: true,
      });
    }
  });

  it('highlights the deepest matching entry', () => {
    expect(selectedNavKey('/', NAV_ITEMS)).toBe('home');
    expect(selectedNavKey('/regions', NAV_ITEMS)).toBe('regions');
    expect(selectedNavKey('/regions/5401', NAV_ITEMS)).toBe('regions');
    expect(selectedNavKey('/nowhere', NAV_ITEMS)).toBeUndefined();
  });
});

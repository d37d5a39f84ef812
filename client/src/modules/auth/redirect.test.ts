import { API_ROLES } from '../../app/roles';
import { loginPathFor, safeNextPath } from './redirect';

describe('sign-in redirects', () => {
  it('returns to the page the user wanted', () => {
    const login = loginPathFor({ pathname: '/regions', search: '?level=COUNTY' });
    expect(login).toBe('/login?next=%2Fregions%3Flevel%3DCOUNTY');
    const next = new URLSearchParams(login.split('?')[1]).get('next');
    expect(safeNextPath(next)).toBe('/regions?level=COUNTY');
  });

  it('never leaves the site or loops back to sign-in', () => {
    for (const next of [
      null,
      '',
      'https://evil.example',
      '//evil.example',
      '/\\evil.example',
      '/login',
      '/login?next=/',
    ]) {
      expect(safeNextPath(next)).toBe('/');
    }
  });

  it('sends officers and coordinators to my work when no page is being restored', () => {
    const landing = Object.fromEntries(API_ROLES.map((role) => [role, safeNextPath(null, role)]));
    expect(landing).toEqual({
      ADMIN: '/',
      MANAGER: '/',
      OFFICER: '/my-work',
      COORDINATOR: '/my-work',
      VIEWER: '/',
    });
    expect(safeNextPath('//evil.example', 'COORDINATOR')).toBe('/my-work');
    expect(safeNextPath('/agreements?q=AG', 'COORDINATOR')).toBe('/agreements?q=AG');
  });
});

import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { render, screen, within } from '@testing-library/react';
import { AntdTestProvider } from '../test/AntdTestProvider';
import { MemoryRouter, useLocation, useRoutes } from 'react-router';
import { ME_QUERY, type CurrentUser } from '../modules/auth/auth.graphql';
import { REGIONS_QUERY } from '../modules/regions/regions.graphql';
import type { ApiRole } from './roles';
import { appRoutes } from './router';

const userWith = (role: ApiRole): CurrentUser & { __typename: 'User' } => ({
  __typename: 'User',
  id: 'u1',
  username: 'zhao.lei',
  displayName: '赵磊',
  role,
  regionScope: ['653100'],
});

const regions = [
  { code: '650000', parentCode: null, level: 'PROVINCE', zh: '新疆维吾尔自治区', en: 'Xinjiang' },
  { code: '653100', parentCode: '650000', level: 'PREFECTURE', zh: '喀什地区', en: 'Kashgar Prefecture' },
  { code: '653121', parentCode: '653100', level: 'COUNTY', zh: '疏附县', en: 'Shufu County' },
].map(({ zh, en, ...region }) => ({
  __typename: 'Region' as const,
  id: `id-${region.code}`,
  ...region,
  name: { __typename: 'LocalizedText' as const, zh, en },
}));

const mocks = (me: CurrentUser | null): MockLink.MockedResponse[] => [
  { request: { query: ME_QUERY }, result: { data: { me } }, maxUsageCount: Number.POSITIVE_INFINITY },
  { request: { query: REGIONS_QUERY }, result: { data: { regions } }, maxUsageCount: Number.POSITIVE_INFINITY },
];

// The app's routes under a plain MemoryRouter: a data router would need fetch's Request, which jsdom lacks.
function AppRoutes({ onLocation }: { onLocation: (href: string) => void }) {
  const location = useLocation();
  onLocation(`${location.pathname}${location.search}`);
  return useRoutes(appRoutes);
}

function renderApp(path: string, me: CurrentUser | null) {
  const visited: string[] = [];
  render(
    <MockedProvider mocks={mocks(me)}>
      <AntdTestProvider>
        <MemoryRouter initialEntries={[path]}>
          <AppRoutes onLocation={(href) => visited.push(href)} />
        </MemoryRouter>
      </AntdTestProvider>
    </MockedProvider>,
  );
  return { currentPath: () => visited.at(-1) };
}

describe('signed-in app', () => {
  it('sends a visitor without a session to sign in, remembering the page', async () => {
    const app = renderApp('/regions', null);
    await screen.findByRole('heading', { level: 1, name: '对口支援项目管理系统' });
    expect(app.currentPath()).toBe('/login?next=%2Fregions');
  });

  it('lands on the dashboard after sign-in, for a viewer as for everyone', async () => {
    renderApp('/', userWith('VIEWER'));
    expect(await screen.findByRole('heading', { level: 1, name: '资金与进度总览' }, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByRole('search', { name: '总览筛选' })).toBeTruthy();
  });

  it('offers the menu entries of the user’s role in a labelled navigation landmark', async () => {
    renderApp('/regions', userWith('ADMIN'));
    const nav = await screen.findByRole('navigation', { name: '主导航' });
    const links = within(nav)
      .getAllByRole('link')
      .map((link) => link.textContent);
    expect(links).toEqual([
      '总览',
      '受援地区',
      '援建项目',
      '里程碑',
      '合作协议',
      '联络记录',
      '我的工作',
      '专项资金',
      '数据导入',
      '用户管理',
    ]);
    expect(await screen.findByRole('heading', { level: 1, name: '受援地区' })).toBeTruthy();
    expect(screen.getByText('管理员')).toBeTruthy();
    expect(screen.getByRole('button', { name: /退出登录/ })).toBeTruthy();
  });
});

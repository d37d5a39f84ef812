import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { AntdTestProvider } from '../../test/AntdTestProvider';
import { MemoryRouter, Route, Routes } from 'react-router';
import { changeLanguage } from '../../app/i18n';
import { LOGIN_MUTATION } from './auth.graphql';
import { LoginPage } from './LoginPage';

const credentials = { username: 'wang.fang', password: 'not-the-password' };

const loginFails = (extensions: Record<string, unknown>): MockLink.MockedResponse => ({
  request: { query: LOGIN_MUTATION, variables: credentials },
  result: { errors: [{ message: 'refused by the server', extensions }] },
});

function renderLogin(mocks: MockLink.MockedResponse[] = [], entry = '/login') {
  return render(
    <MockedProvider mocks={mocks}>
      <AntdTestProvider>
        <MemoryRouter initialEntries={[entry]}>
          <Routes>
            <Route path="/login" element={<LoginPage />} />
            <Route path="/" element={<p>home page</p>} />
            <Route path="/regions" element={<p>regions page</p>} />
          </Routes>
        </MemoryRouter>
      </AntdTestProvider>
    </MockedProvider>,
  );
}

// antd puts a space between two Chinese characters on buttons ("登 录").
const submitButton = () => screen.getByRole('button', { name: /^登\s*录$/ });

function fillAndSubmit() {
  fireEvent.change(screen.getByLabelText('用户名'), { target: { value: credentials.username } });
  fireEvent.change(screen.getByLabelText('密码'), { target: { value: credentials.password } });
  fireEvent.click(submitButton());
}

afterEach(async () => {
  await act(() => changeLanguage('zh-CN'));
});

describe('LoginPage', () => {
  it('shows the app title as the page heading and labelled fields', () => {
    renderLogin();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('对口支援项目管理系统');
    expect(screen.getByLabelText('用户名').tagName).toBe('INPUT');
    expect(screen.getByLabelText('密码').getAttribute('type')).toBe('password');
  });

  it('asks for the user name and password when they are left empty', async () => {
    renderLogin();
    fireEvent.click(submitButton());
    expect(await screen.findByText('请输入用户名')).toBeTruthy();
    expect(await screen.findByText('请输入密码')).toBeTruthy();
  });

  it('says the user name or password is wrong when the server refuses them', async () => {
    renderLogin([loginFails({ code: 'UNAUTHENTICATED', reason: 'INVALID_CREDENTIALS' })]);
    fillAndSubmit();
    const alert = await screen.findByText('用户名或密码错误，请重新输入。');
    expect(alert.closest('[role="alert"]')).not.toBeNull();
    expect(screen.queryByText('refused by the server')).toBeNull();
  });

  it('says how many minutes to wait after too many failures', async () => {
    renderLogin([loginFails({ code: 'TOO_MANY_REQUESTS', retryAfterSeconds: 541 })]);
    fillAndSubmit();
    expect(await screen.findByText('登录失败次数过多，请在 10 分钟后再试。')).toBeTruthy();
  });

  it('goes to the page the user wanted after signing in', async () => {
    renderLogin(
      [
        {
          request: { query: LOGIN_MUTATION, variables: credentials },
          result: {
            data: {
              login: {
                __typename: 'LoginPayload',
                expiresAt: '2030-01-01T00:00:00.000Z',
                user: {
                  __typename: 'User',
                  id: 'u1',
                  username: credentials.username,
                  displayName: '王芳',
                  role: 'OFFICER',
                  regionScope: [],
                },
              },
            },
          },
        },
      ],
      '/login?next=%2Fregions',
    );
    fillAndSubmit();
    expect(await screen.findByText('regions page')).toBeTruthy();
  });

  it('switches to English on the sign-in page', async () => {
    renderLogin();
    const languageSelect = screen.getByRole('combobox', { name: '语言 / Language' });
    fireEvent.mouseDown(languageSelect);
    // The accessible option list names each language; the visible item is what a mouse clicks.
    expect(await screen.findByRole('option', { name: 'English' })).toBeTruthy();
    const visibleItem = [...document.querySelectorAll('.ant-select-item-option')].find(
      (item) => item.textContent === 'English',
    );
    if (!visibleItem) throw new Error('the English option is not shown');
    fireEvent.click(visibleItem);
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Partner Assistance Tracking');
    expect(await screen.findByLabelText('User name')).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
  });
});

import '../../app/i18n';
import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import type { ApiRole } from '../../app/roles';
import { AntdTestProvider } from '../../test/AntdTestProvider';
import type { CurrentUser } from '../auth/auth.graphql';
import { CurrentUserContext } from '../auth/currentUser';

export const testUser = (role: ApiRole, id = `u-${role.toLowerCase()}`): CurrentUser & { __typename: 'User' } => ({
  __typename: 'User',
  id,
  username: role.toLowerCase(),
  displayName: `${role} user`,
  role,
  regionScope: [],
});

/** Renders a fund or admin component as the app does: Apollo (mocked), antd, a data router, a signed-in user. */
export function renderForTest(
  ui: ReactNode,
  { mocks = [], user = testUser('MANAGER') }: { mocks?: MockLink.MockedResponse[]; user?: CurrentUser } = {},
) {
  const router = createMemoryRouter([{ path: '/', element: ui }], { initialEntries: ['/'] });
  return render(
    <MockedProvider mocks={mocks}>
      <AntdTestProvider>
        <CurrentUserContext.Provider value={user}>
          <RouterProvider router={router} />
        </CurrentUserContext.Provider>
      </AntdTestProvider>
    </MockedProvider>,
  );
}

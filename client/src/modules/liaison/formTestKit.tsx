import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { configure, fireEvent, render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import '../../app/i18n';
import { AntdTestProvider } from '../../test/AntdTestProvider';
import type { CurrentUser } from '../auth/auth.graphql';
import { CurrentUserContext } from '../auth/currentUser';

// Validation and mocked answers are asynchronous; on a busy shared machine they can take seconds.
configure({ asyncUtilTimeout: 10_000 });

export const coordinator: CurrentUser = {
  id: 'u-coordinator',
  username: 'coordinator',
  displayName: '联络协调员',
  role: 'COORDINATOR',
  regionScope: [],
};

/** A form page as the app renders it: data router (for the unsaved-changes guard), Apollo mocks, antd, a user. */
export function renderFormPage(form: ReactNode, mocks: MockLink.MockedResponse[] = []) {
  const router = createMemoryRouter([{ path: '/', element: form }], { initialEntries: ['/'] });
  return render(
    <MockedProvider mocks={mocks}>
      <AntdTestProvider>
        <CurrentUserContext.Provider value={coordinator}>
          <RouterProvider router={router} />
        </CurrentUserContext.Provider>
      </AntdTestProvider>
    </MockedProvider>,
  );
}

/** Types a date into an antd DatePicker the way a keyboard user does. */
export function typeDate(label: string, date: string) {
  const input = screen.getByLabelText(label);
  fireEvent.mouseDown(input);
  fireEvent.focus(input);
  fireEvent.change(input, { target: { value: date } });
  fireEvent.keyDown(input, { key: 'Enter', code: 'Enter', keyCode: 13 });
  fireEvent.blur(input);
}

/** The form item (label, control and messages) a message is shown in. */
export const formItemOf = (element: HTMLElement) => element.closest('.ant-form-item');

/** A GraphQL BAD_USER_INPUT answer naming one field, as the server sends it. */
export const badUserInput = (field: string, message: string) => ({
  errors: [{ message, extensions: { code: 'BAD_USER_INPUT', field } }],
});

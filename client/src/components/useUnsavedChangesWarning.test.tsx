import { act, fireEvent, render, screen } from '@testing-library/react';
import { App } from 'antd';
import { useState } from 'react';
import { createMemoryRouter, Link, RouterProvider } from 'react-router';
import '../app/i18n';
import { useUnsavedChangesWarning } from './useUnsavedChangesWarning';

function EditPage() {
  const [text, setText] = useState('');
  useUnsavedChangesWarning(text !== '');
  return (
    <div>
      <label>
        note
        <input value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <Link to="/elsewhere">leave</Link>
    </div>
  );
}

function renderAt() {
  const router = createMemoryRouter(
    [
      { path: '/', element: <EditPage /> },
      { path: '/elsewhere', element: <p>elsewhere page</p> },
    ],
    { initialEntries: ['/'] },
  );
  render(
    <App>
      <RouterProvider router={router} />
    </App>,
  );
  return router;
}

describe('useUnsavedChangesWarning', () => {
  it('lets the user leave a clean form without asking', async () => {
    const router = renderAt();
    await act(async () => fireEvent.click(screen.getByText('leave')));
    expect(router.state.location.pathname).toBe('/elsewhere');
  });

  it('asks before leaving an edited form, and stays when the user says so', async () => {
    const router = renderAt();
    fireEvent.change(screen.getByLabelText('note'), { target: { value: 'half-written' } });
    await act(async () => fireEvent.click(screen.getByText('leave')));
    expect(await screen.findByRole('dialog', { name: '有未保存的修改' })).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: /留在此页/ })));
    expect(router.state.location.pathname).toBe('/');
    expect((screen.getByLabelText('note') as HTMLInputElement).value).toBe('half-written');
  });

  it('leaves when the user confirms', async () => {
    const router = renderAt();
    fireEvent.change(screen.getByLabelText('note'), { target: { value: 'draft' } });
    await act(async () => fireEvent.click(screen.getByText('leave')));
    await act(async () => fireEvent.click(await screen.findByRole('button', { name: /离\s*开/ })));
    expect(router.state.location.pathname).toBe('/elsewhere');
  });
});

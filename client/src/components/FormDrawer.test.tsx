import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { useState } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import '../app/i18n';
import { FormDrawer } from './FormDrawer';
import { useUnsavedChangesWarning } from './useUnsavedChangesWarning';

function NoteForm() {
  const [text, setText] = useState('');
  useUnsavedChangesWarning(text !== '');
  return (
    <label>
      note
      <input value={text} onChange={(e) => setText(e.target.value)} />
    </label>
  );
}

function NotesPage() {
  const [open, setOpen] = useState(true);
  const [saved, setSaved] = useState(false);
  return (
    <>
      <p>{open ? 'drawer open' : 'drawer closed'}</p>
      <button onClick={() => setOpen(true)}>new note</button>
      <FormDrawer open={open} title="Note" onClose={() => setOpen(false)} destroyOnHidden>
        {open && !saved && <NoteForm />}
        <button onClick={() => setSaved(true)}>save</button>
      </FormDrawer>
    </>
  );
}

function renderPage() {
  const router = createMemoryRouter([{ path: '/', element: <NotesPage /> }]);
  render(
    <App>
      <RouterProvider router={router} />
    </App>,
  );
}

const note = () => screen.getByLabelText('note') as HTMLInputElement;
const clickClose = () => act(async () => fireEvent.click(screen.getByRole('button', { name: 'Close' })));
// Found by its text: jest's useId gives the drawer and the dialog the same id, so their names collide.
const UNSAVED = '离开此页面将丢失尚未保存的修改，确定离开吗？';
const unsavedDialog = async () => (await screen.findByText(UNSAVED)).closest<HTMLElement>('[role="dialog"]')!;

describe('FormDrawer', () => {
  it('closes at once when the form has no edits', async () => {
    renderPage();
    await clickClose();
    expect(screen.getByText('drawer closed')).toBeTruthy();
    expect(screen.queryByText(UNSAVED)).toBeNull();
  });

  it('asks before × discards edits, and keeps them when the user stays', async () => {
    renderPage();
    fireEvent.change(note(), { target: { value: 'half-written' } });
    await clickClose();
    expect(await unsavedDialog()).toBeTruthy();
    expect(screen.getByText('drawer open')).toBeTruthy();
    await act(async () => fireEvent.click(within(await unsavedDialog()).getByRole('button', { name: /留在此页/ })));
    expect(screen.getByText('drawer open')).toBeTruthy();
    expect(note().value).toBe('half-written');
  });

  it('closes when the user chooses to leave, and a fresh form closes at once', async () => {
    renderPage();
    fireEvent.change(note(), { target: { value: 'draft' } });
    await clickClose();
    await act(async () => fireEvent.click(within(await unsavedDialog()).getByRole('button', { name: /离\s*开/ })));
    await waitFor(() => expect(screen.getByText('drawer closed')).toBeTruthy());

    await act(async () => fireEvent.click(screen.getByText('new note')));
    expect(note().value).toBe('');
    await clickClose();
    expect(screen.getByText('drawer closed')).toBeTruthy();
  });

  it('closes at once once the edited form has left the drawer', async () => {
    renderPage();
    fireEvent.change(note(), { target: { value: 'draft' } });
    await act(async () => fireEvent.click(screen.getByText('save')));
    await clickClose();
    expect(screen.getByText('drawer closed')).toBeTruthy();
  });

  it('asks on Esc too', async () => {
    renderPage();
    fireEvent.change(note(), { target: { value: 'draft' } });
    await act(async () => fireEvent.keyDown(note(), { key: 'Escape', keyCode: 27 }));
    expect(await unsavedDialog()).toBeTruthy();
    expect(screen.getByText('drawer open')).toBeTruthy();
  });
});

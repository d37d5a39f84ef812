import '../../app/i18n';
import { MockedProvider } from '@apollo/client/testing/react';
import { fireEvent, render, screen } from '@testing-library/react';
import { AntdTestProvider } from '../../test/AntdTestProvider';
import { StatusControl } from './StatusControl';

function renderControl(allowed: Parameters<typeof StatusControl>[0]['allowedNextStatuses']) {
  return render(
    <MockedProvider mocks={[]}>
      <AntdTestProvider>
        <StatusControl projectId="p1" version={3} allowedNextStatuses={allowed} onReload={() => undefined} />
      </AntdTestProvider>
    </MockedProvider>,
  );
}

const visibleOptions = () => [...document.querySelectorAll('.ant-select-item-option')].map((o) => o.textContent);

describe('StatusControl', () => {
  it('offers only the statuses the server allows next', async () => {
    renderControl(['IN_PROGRESS', 'SUSPENDED', 'CANCELLED']);
    fireEvent.click(screen.getByRole('button', { name: '变更状态' }));
    fireEvent.mouseDown(await screen.findByRole('combobox', { name: '新状态' }));
    await screen.findByRole('option', { name: '实施中' });
    expect(visibleOptions()).toEqual(['实施中', '已暂停', '已取消']);
    expect(screen.queryByRole('option', { name: '已验收' })).toBeNull();
  });

  it('asks for a reason before suspending', async () => {
    renderControl(['SUSPENDED']);
    fireEvent.click(screen.getByRole('button', { name: '变更状态' }));
    fireEvent.mouseDown(await screen.findByRole('combobox', { name: '新状态' }));
    await screen.findByRole('option', { name: '已暂停' });
    const item = [...document.querySelectorAll('.ant-select-item-option')].find((o) => o.textContent === '已暂停');
    if (!item) throw new Error('no SUSPENDED option');
    fireEvent.click(item);
    fireEvent.click(screen.getByRole('button', { name: /确认变更/ }));
    expect(await screen.findByText('暂停或取消项目时必须填写原因')).toBeTruthy();
  });

  it('shows nothing when no move is allowed', () => {
    renderControl([]);
    expect(screen.queryByRole('button', { name: '变更状态' })).toBeNull();
  });
});

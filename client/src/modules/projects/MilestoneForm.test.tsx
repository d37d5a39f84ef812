import '../../app/i18n';
import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { fireEvent, render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { AntdTestProvider } from '../../test/AntdTestProvider';
import { MilestoneForm } from './MilestoneForm';
import { LOG_MILESTONE_MUTATION } from './projects.graphql';

function renderForm(mocks: MockLink.MockedResponse[] = []) {
  // A data router: the form guards unsaved edits with useBlocker.
  const router = createMemoryRouter([{ path: '/', element: <MilestoneForm projectId="p1" /> }]);
  return render(
    <MockedProvider mocks={mocks}>
      <AntdTestProvider>
        <RouterProvider router={router} />
      </AntdTestProvider>
    </MockedProvider>,
  );
}

const submit = () => fireEvent.click(screen.getByRole('button', { name: '保存里程碑' }));

function pickPlannedDate(date: string) {
  const input = screen.getByLabelText('计划日期');
  fireEvent.mouseDown(input);
  fireEvent.focus(input);
  fireEvent.change(input, { target: { value: date } });
  fireEvent.keyDown(input, { key: 'Enter', code: 'Enter', keyCode: 13 });
  fireEvent.blur(input);
}

describe('MilestoneForm', () => {
  it('labels every field', () => {
    renderForm();
    for (const label of ['标题（中文）', '标题（英文）', '计划日期', '状态', '实际完成日期', '完成百分比', '备注']) {
      expect(screen.getByLabelText(label)).toBeTruthy();
    }
  });

  it('says what is missing or out of range before sending anything', async () => {
    renderForm();
    fireEvent.change(screen.getByLabelText('完成百分比'), { target: { value: '150' } });
    submit();
    expect(await screen.findByText('请输入中文标题')).toBeTruthy();
    expect(await screen.findByText('请选择计划日期')).toBeTruthy();
    expect(await screen.findByText('请输入 0 到 100 之间的整数')).toBeTruthy();
  });

  it('shows the server’s BAD_USER_INPUT message on the planned date field', async () => {
    const input = {
      title: { zh: '校舍主体完工', en: '' },
      plannedDate: '2026-03-01',
      actualDate: undefined,
      percentComplete: 0,
      status: 'PENDING',
      note: undefined,
    };
    renderForm([
      {
        request: { query: LOG_MILESTONE_MUTATION, variables: { projectId: 'p1', input } },
        result: {
          errors: [
            {
              message: 'input.plannedDate: is not a real date',
              extensions: { code: 'BAD_USER_INPUT', field: 'input.plannedDate' },
            },
          ],
        },
      },
    ]);
    fireEvent.change(screen.getByLabelText('标题（中文）'), { target: { value: '校舍主体完工' } });
    pickPlannedDate('2026-03-01');
    submit();
    expect(screen.queryByText('请选择计划日期')).toBeNull();
    const message = await screen.findByText('input.plannedDate: is not a real date');
    const item = message.closest('.ant-form-item');
    expect(item?.querySelector('#plannedDate')).not.toBeNull();
  });
});

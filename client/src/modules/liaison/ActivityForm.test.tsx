import { fireEvent, screen } from '@testing-library/react';
import { ActivityForm } from './ActivityForm';
import { badUserInput, formItemOf, renderFormPage, typeDate } from './formTestKit';
import { CREATE_LIAISON_ACTIVITY_MUTATION } from './liaison.graphql';
import { officeDate } from '@pat/shared/dates';

const noop = () => {};
const save = () => fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }));

describe('ActivityForm', () => {
  it('says what is missing, for the activity and for each follow-up', async () => {
    renderFormPage(<ActivityForm onDone={noop} />);
    fireEvent.click(screen.getByRole('button', { name: '添加跟进事项' }));
    fireEvent.change(screen.getByLabelText('接待费用'), { target: { value: '12.345' } });
    save();
    expect(await screen.findByText('请选择地区')).toBeTruthy();
    expect(await screen.findByText('请输入标题')).toBeTruthy();
    expect(await screen.findByText('请输入金额（元），最多两位小数')).toBeTruthy();
    expect(await screen.findByText('请输入跟进事项')).toBeTruthy();
    expect(await screen.findByText('请选择完成期限')).toBeTruthy();
    // The owner starts as the signed-in user, so nothing is asked for it.
    expect(screen.queryByText('请选择负责人')).toBeNull();
  });

  it('shows the server’s BAD_USER_INPUT message on the follow-up’s owner', async () => {
    const input = {
      kind: 'VISIT',
      date: officeDate(),
      regionCode: '653125',
      title: '走访莎车县教育局',
      participants: [],
      summary: '',
      receptionExpenses: '120050',
      followUps: [{ action: '报送走访纪要', ownerId: 'u-coordinator', dueDate: '2030-01-15' }],
    };
    renderFormPage(<ActivityForm regionCode="653125" onDone={noop} />, [
      {
        request: { query: CREATE_LIAISON_ACTIVITY_MUTATION, variables: { input } },
        result: badUserInput('input.followUps.0.ownerId', 'input.followUps.0.ownerId: may not own follow-ups here'),
      },
    ]);
    fireEvent.change(screen.getByLabelText('标题'), { target: { value: '走访莎车县教育局' } });
    fireEvent.change(screen.getByLabelText('接待费用'), { target: { value: '1200.5' } });
    fireEvent.click(screen.getByRole('button', { name: '添加跟进事项' }));
    fireEvent.change(screen.getByLabelText('跟进事项 1'), { target: { value: '报送走访纪要' } });
    typeDate('完成期限 1', '2030-01-15');
    save();
    const message = await screen.findByText('input.followUps.0.ownerId: may not own follow-ups here');
    expect(formItemOf(message)?.querySelector('#followUps_0_ownerId')).not.toBeNull();
  });
});

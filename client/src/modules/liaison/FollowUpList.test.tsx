import { fireEvent, screen, within } from '@testing-library/react';
import { badUserInput, formItemOf, renderFormPage, typeDate } from './formTestKit';
import { FollowUpList } from './FollowUpList';
import { ARCHIVE_FOLLOW_UP_MUTATION, UPDATE_FOLLOW_UP_MUTATION, type FollowUpItem } from './liaison.graphql';

const followUp: FollowUpItem = {
  id: 'f1',
  activityId: 'a1',
  action: '报送走访纪要',
  ownerId: 'u-coordinator',
  owner: { id: 'u-coordinator', displayName: '联络协调员' },
  dueDate: '2026-04-01',
  done: false,
  doneAt: null,
  overdue: false,
  canEdit: true,
  canComplete: true,
  version: 1,
};

describe('FollowUpList', () => {
  it('shows no edit or archive action where the user may not edit', () => {
    renderFormPage(<FollowUpList followUps={[{ ...followUp, canEdit: false }]} regionCode="653125" />);
    expect(screen.queryByRole('button', { name: '编辑跟进事项：报送走访纪要' })).toBeNull();
    expect(screen.queryByRole('button', { name: '归档跟进事项：报送走访纪要' })).toBeNull();
  });

  it('edits a follow-up in place and shows the server’s message on its due date', async () => {
    const input = { action: '报送走访纪要', ownerId: 'u-coordinator', dueDate: '2020-01-01', done: false };
    renderFormPage(<FollowUpList followUps={[followUp]} regionCode="653125" />, [
      {
        request: { query: UPDATE_FOLLOW_UP_MUTATION, variables: { id: 'f1', version: 1, input } },
        result: badUserInput('input.dueDate', 'input.dueDate: must not be before the activity'),
      },
    ]);
    fireEvent.click(screen.getByRole('button', { name: '编辑跟进事项：报送走访纪要' }));
    expect(screen.getByLabelText('跟进事项', { selector: 'input' })).toHaveProperty('value', '报送走访纪要');
    typeDate('完成期限', '2020-01-01');
    fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
    const message = await screen.findByText('input.dueDate: must not be before the activity');
    expect(formItemOf(message)?.querySelector('#dueDate')).not.toBeNull();
  });

  it('archives a follow-up only after confirming', async () => {
    const archived = jest.fn(() => ({ data: { archiveFollowUp: { id: 'f1', archived: true, version: 2 } } }));
    renderFormPage(<FollowUpList followUps={[followUp]} regionCode="653125" />, [
      { request: { query: ARCHIVE_FOLLOW_UP_MUTATION, variables: { id: 'f1', version: 1 } }, result: archived },
    ]);
    fireEvent.click(screen.getByRole('button', { name: '归档跟进事项：报送走访纪要' }));
    const confirm = await screen.findByRole('tooltip');
    expect(within(confirm).getByText('归档跟进事项「报送走访纪要」？')).toBeTruthy();
    expect(archived).not.toHaveBeenCalled();
    fireEvent.click(within(confirm).getByRole('button', { name: /归\s*档/ }));
    expect(await screen.findByText('跟进事项已归档')).toBeTruthy();
    expect(archived).toHaveBeenCalledTimes(1);
  });
});

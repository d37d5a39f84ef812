import { fireEvent, screen } from '@testing-library/react';
import { badUserInput, formItemOf, renderFormPage } from '../liaison/formTestKit';
import { MilestoneProgress } from './MilestoneProgress';
import { LOG_MILESTONE_PROGRESS_MUTATION, type OverdueMilestone } from './mywork.graphql';

const milestone: OverdueMilestone = {
  id: 'm1',
  projectId: 'p1',
  project: { id: 'p1', code: 'XJ-2026-001', name: { zh: '莎车县第二中学', en: '' } },
  title: { zh: '校舍主体完工', en: '' },
  plannedDate: '2026-03-01',
  percentComplete: 40,
  status: 'PENDING',
  note: '',
  version: 2,
};

const openDialog = () => fireEvent.click(screen.getByRole('button', { name: '记录进度：校舍主体完工' }));
const save = () => fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }));

describe('MilestoneProgress', () => {
  it('refuses a percentage outside 0–100 before sending anything', async () => {
    renderFormPage(<MilestoneProgress milestone={milestone} title="校舍主体完工" />);
    openDialog();
    const percent = await screen.findByLabelText('完成百分比');
    expect((percent as HTMLInputElement).value).toBe('40');
    fireEvent.change(percent, { target: { value: '150' } });
    save();
    expect(await screen.findByText('请输入 0 到 100 之间的整数')).toBeTruthy();
  });

  it('shows the server’s BAD_USER_INPUT message on the percentage', async () => {
    renderFormPage(<MilestoneProgress milestone={milestone} title="校舍主体完工" />, [
      {
        request: {
          query: LOG_MILESTONE_PROGRESS_MUTATION,
          variables: { id: 'm1', version: 2, input: { percentComplete: 60, note: undefined } },
        },
        result: badUserInput('input.percentComplete', 'input.percentComplete: must not go down once logged'),
      },
    ]);
    openDialog();
    fireEvent.change(await screen.findByLabelText('完成百分比'), { target: { value: '60' } });
    save();
    const message = await screen.findByText('input.percentComplete: must not go down once logged');
    expect(formItemOf(message)?.querySelector('#percentComplete')).not.toBeNull();
  });
});

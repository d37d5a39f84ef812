import { fireEvent, screen } from '@testing-library/react';
import type { ActivityFieldsFragment } from '../../generated/graphql';
import { ActivityForm } from './ActivityForm';
import { renderFormPage } from './formTestKit';
import { UPDATE_LIAISON_ACTIVITY_MUTATION } from './liaison.graphql';

const save = () => fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }));

const visit: ActivityFieldsFragment = {
  id: 'a1',
  kind: 'VISIT',
  date: '2026-03-02',
  title: '走访莎车县教育局',
  participants: ['王明'],
  summary: '商议校舍改造',
  receptionExpenses: '120050',
  region: { id: 'r1', code: '653125', name: { zh: '莎车县', en: 'Shache County' } },
  createdBy: { id: 'u-coordinator', displayName: '联络协调员' },
  canEdit: true,
  version: 2,
  followUps: [],
};

const inputOf = (changes: Record<string, unknown> = {}) => ({
  kind: 'VISIT',
  date: '2026-03-02',
  regionCode: '653125',
  title: '走访莎车县教育局',
  participants: ['王明'],
  summary: '商议校舍改造',
  receptionExpenses: '120050',
  ...changes,
});

describe('ActivityForm editing an activity', () => {
  it('starts from the activity, hides the follow-ups, and says what is missing', async () => {
    renderFormPage(<ActivityForm activity={visit} onDone={() => {}} />);
    expect((screen.getByLabelText('接待费用') as HTMLInputElement).value).toBe('1200.5');
    expect(screen.queryByRole('button', { name: '添加跟进事项' })).toBeNull();
    fireEvent.change(screen.getByLabelText('标题'), { target: { value: ' ' } });
    fireEvent.change(screen.getByLabelText('接待费用'), { target: { value: '12.345' } });
    save();
    expect(await screen.findByText('请输入标题')).toBeTruthy();
    expect(await screen.findByText('请输入金额（元），最多两位小数')).toBeTruthy();
  });

  it('offers to reload when someone else changed it, then saves on the fresh version', async () => {
    const fresh = { ...visit, title: '走访莎车县教育局（改）', version: 3 };
    const done = jest.fn();
    renderFormPage(<ActivityForm activity={visit} onReload={async () => fresh} onDone={done} />, [
      {
        request: {
          query: UPDATE_LIAISON_ACTIVITY_MUTATION,
          variables: { id: 'a1', version: 2, input: inputOf({ summary: '商议校舍改造与师资' }) },
        },
        result: { errors: [{ message: 'changed by someone else', extensions: { code: 'CONFLICT' } }] },
      },
      {
        request: {
          query: UPDATE_LIAISON_ACTIVITY_MUTATION,
          variables: { id: 'a1', version: 3, input: inputOf({ title: '走访莎车县教育局（改）' }) },
        },
        result: { data: { updateLiaisonActivity: fresh } },
      },
    ]);
    fireEvent.change(screen.getByLabelText('纪要'), { target: { value: '商议校舍改造与师资' } });
    save();
    expect(await screen.findByText(/该记录已被他人修改/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /重新加载/ }));
    expect(await screen.findByDisplayValue('走访莎车县教育局（改）')).toBeTruthy();
    expect(screen.getByLabelText('纪要')).toHaveProperty('value', '商议校舍改造');
    save();
    expect(await screen.findByText('联络记录已保存')).toBeTruthy();
    expect(done).toHaveBeenCalled();
  });
});

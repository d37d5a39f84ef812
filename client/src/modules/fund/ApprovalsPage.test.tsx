import { fireEvent, screen, within } from '@testing-library/react';
import { ApprovalsPage } from './ApprovalsPage';
import { PENDING_ALLOCATIONS_QUERY, REJECT_ALLOCATION_MUTATION } from './fund.graphql';
import { renderForTest, testUser } from './renderForTest';

const find = (text: string | RegExp) => screen.findByText(text, {}, { timeout: 5000 });

// Shaped as the server answers (with __typename), so the mocked cache stores it as it would a real one.
const allocation = (id: string, code: string, proposedBy: { id: string; displayName: string }) => ({
  __typename: 'Allocation',
  id,
  year: 2026,
  projectId: `p-${id}`,
  project: {
    __typename: 'Project',
    id: `p-${id}`,
    code,
    name: { __typename: 'LocalizedText', zh: `项目${code}`, en: code },
  },
  amount: '150000000',
  purpose: '校舍建设',
  fundingSource: '对口支援专项资金',
  status: 'PROPOSED' as const,
  proposedBy: { __typename: 'User', ...proposedBy },
  proposedAt: '2026-02-03T02:00:00.000Z',
  decidedBy: null,
  decidedAt: null,
  reason: null,
  approved: '0',
  disbursed: '0',
  reversed: '0',
  carriedOut: '0',
  remaining: '0',
  carriedFromId: null,
});

const pending = {
  request: { query: PENDING_ALLOCATIONS_QUERY },
  result: {
    data: {
      pendingAllocations: [
        allocation('a1', 'PA-1', { id: 'u-officer', displayName: '项目专员' }),
        allocation('a2', 'PA-2', { id: 'u-manager', displayName: '资金管理' }),
      ],
    },
  },
  maxUsageCount: 5,
};

const rowOf = (code: string) => screen.getByText(new RegExp(`^${code} `)).closest('tr') as HTMLElement;

describe('ApprovalsPage', () => {
  it('disables approving one’s own proposal and says why; others can be approved', async () => {
    renderForTest(<ApprovalsPage />, { mocks: [pending], user: testUser('MANAGER', 'u-manager') });
    await find('待审批申请（2 笔）');
    const own = within(rowOf('PA-2'));
    expect((own.getByRole('button', { name: /^批\s*准$/ }) as HTMLButtonElement).disabled).toBe(true);
    expect(own.getByText(/此申请由您本人提出/)).toBeTruthy();
    const other = within(rowOf('PA-1'));
    expect((other.getByRole('button', { name: '批准 PA-1 的申请' }) as HTMLButtonElement).disabled).toBe(false);
    expect(other.queryByText(/此申请由您本人提出/)).toBeNull();
    expect(within(rowOf('PA-1')).getByText('150.00 万元')).toBeTruthy();
  });

  it('shows a viewer the queue without any decision button', async () => {
    renderForTest(<ApprovalsPage />, { mocks: [pending], user: testUser('VIEWER') });
    await find('待审批申请（2 笔）');
    expect(screen.queryByRole('button', { name: /批准|驳回/ })).toBeNull();
  });

  it('requires a reason to reject, and shows the server’s refusal of an empty one on the field', async () => {
    renderForTest(<ApprovalsPage />, {
      mocks: [
        pending,
        {
          request: { query: REJECT_ALLOCATION_MUTATION, variables: { id: 'a1', reason: '预算不足' } },
          result: {
            errors: [
              {
                message: 'reason: must be at most 5000 characters',
                extensions: {
                  code: 'BAD_USER_INPUT',
                  field: 'reason',
                  fields: [{ field: 'reason', message: 'must be at most 5000 characters' }],
                },
              },
            ],
          },
        },
      ],
      user: testUser('MANAGER', 'u-manager'),
    });
    await find('待审批申请（2 笔）');
    fireEvent.click(screen.getByRole('button', { name: '驳回 PA-1 的申请' }));
    const dialog = await screen.findByRole('dialog', {}, { timeout: 5000 });
    fireEvent.click(within(dialog).getByRole('button', { name: /确认驳回/ }));
    expect(await find('驳回时必须填写理由')).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText('驳回理由'), { target: { value: '预算不足' } });
    fireEvent.click(within(dialog).getByRole('button', { name: /确认驳回/ }));
    const message = await find('must be at most 5000 characters');
    expect(message.closest('.ant-form-item')?.querySelector('#reason')).not.toBeNull();
  });
});

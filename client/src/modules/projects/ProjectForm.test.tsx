import '../../app/i18n';
import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { AntdTestProvider } from '../../test/AntdTestProvider';
import { REGIONS_QUERY } from '../regions/regions.graphql';
import { PROJECT_STAFF_QUERY, UPDATE_PROJECT_MUTATION, type EditableProject } from './projectForm.graphql';
import { toFormValues, toProjectInput } from './projectFormModel';
import { ProjectForm } from './ProjectFormPage';

const project: EditableProject = {
  id: 'p1',
  code: 'PA-2026-001',
  name: { zh: '双语幼儿园', en: 'Kindergarten' },
  region: { id: 'r1', code: '653100' },
  sector: 'EDUCATION',
  implementingUnit: '市教育局',
  officers: [],
  plannedStart: '2026-03-01',
  plannedEnd: '2027-06-30',
  budget: { specialFund: '125000050', districtBudget: '0', donation: '0' },
  risk: 'LOW',
  indicators: [],
  canEdit: true,
  version: 3,
};

const lookups: MockLink.MockedResponse[] = [
  {
    request: { query: REGIONS_QUERY },
    result: {
      data: {
        regions: [
          {
            __typename: 'Region',
            id: 'r1',
            code: '653100',
            parentCode: null,
            level: 'PREFECTURE',
            name: { __typename: 'LocalizedText', zh: '喀什地区', en: 'Kashgar' },
          },
        ],
      },
    },
  },
  { request: { query: PROJECT_STAFF_QUERY }, result: { data: { projectStaff: [] } } },
];

// What the form sends for the fixture when the implementing unit is changed to `unit`.
const updateWith = (unit: string, result: MockLink.MockedResponse['result']): MockLink.MockedResponse => {
  const { code: _code, ...input } = toProjectInput({ ...toFormValues(project), implementingUnit: unit });
  return { request: { query: UPDATE_PROJECT_MUTATION, variables: { id: 'p1', version: 3, input } }, result };
};

function renderForm(mocks: MockLink.MockedResponse[] = [], onReload = jest.fn(async () => project)) {
  const router = createMemoryRouter([
    { path: '/', element: <ProjectForm project={project} onReload={onReload} /> },
    { path: '/projects/:id', element: <p>project page</p> },
  ]);
  render(
    <MockedProvider mocks={[...lookups, ...mocks]}>
      <AntdTestProvider>
        <RouterProvider router={router} />
      </AntdTestProvider>
    </MockedProvider>,
  );
  return { router, onReload };
}

// antd validates through timers; on a loaded machine that takes longer than testing-library's 1 s.
const SLOW = { timeout: 10_000 };
const submit = () => fireEvent.click(screen.getByRole('button', { name: '保存修改' }));
const fieldItem = (label: string) => screen.getByLabelText(label).closest('.ant-form-item');

describe('ProjectForm', () => {
  it('labels every field and shows the budget in 元, exactly', () => {
    renderForm();
    for (const label of [
      '项目编号',
      '项目名称（中文）',
      '项目名称（英文）',
      '所在地区',
      '领域',
      '实施单位',
      '项目专员',
    ]) {
      expect(screen.getByLabelText(label)).toBeTruthy();
    }
    expect((screen.getByLabelText('专项资金（元）') as HTMLInputElement).value).toBe('1250000.5');
    expect(screen.getByText('预算合计：1250000.5 元')).toBeTruthy();
  });

  it('says what is wrong on the field before sending anything', async () => {
    renderForm();
    fireEvent.change(screen.getByLabelText('实施单位'), { target: { value: ' ' } });
    fireEvent.change(screen.getByLabelText('专项资金（元）'), { target: { value: '100.005' } });
    fireEvent.change(screen.getByLabelText('区级预算（元）'), { target: { value: '一百' } });
    submit();
    expect(await screen.findByText('请填写实施单位', undefined, SLOW)).toBeTruthy();
    expect(await screen.findByText('金额最多保留两位小数（分）', undefined, SLOW)).toBeTruthy();
    expect(await screen.findByText('请输入金额（元），如 12500 或 12500.50', undefined, SLOW)).toBeTruthy();
  });

  it('shows the server’s BAD_USER_INPUT message on the field it names', async () => {
    renderForm([
      updateWith('某单位', {
        errors: [
          {
            message: 'input.implementingUnit: is not a known unit',
            extensions: {
              code: 'BAD_USER_INPUT',
              field: 'input.implementingUnit',
              fields: [{ field: 'input.implementingUnit', message: 'is not a known unit' }],
            },
          },
        ],
      }),
    ]);
    fireEvent.change(screen.getByLabelText('实施单位'), { target: { value: '某单位' } });
    submit();
    const message = await screen.findByText('is not a known unit', undefined, SLOW);
    expect(message.closest('.ant-form-item')).toBe(fieldItem('实施单位'));
  });

  it('on CONFLICT, says someone else changed the project and reloads it on request', async () => {
    const { onReload } = renderForm([
      updateWith('新单位', {
        errors: [{ message: 'changed by someone else', extensions: { code: 'CONFLICT', currentVersion: 4 } }],
      }),
    ]);
    fireEvent.change(screen.getByLabelText('实施单位'), { target: { value: '新单位' } });
    submit();
    const alert = await screen.findByText(
      '该项目已被他人修改，您的修改未保存。请刷新以载入最新内容后重新修改。',
      undefined,
      SLOW,
    );
    expect(alert).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /刷\s*新/ }));
    await waitFor(() => expect(onReload).toHaveBeenCalled(), SLOW);
    await waitFor(() => expect((screen.getByLabelText('实施单位') as HTMLInputElement).value).toBe('市教育局'), SLOW);
  });

  it('saves and goes to the project page', async () => {
    const { router } = renderForm([
      updateWith('新单位', { data: { updateProject: { __typename: 'Project', id: 'p1', version: 4 } } }),
    ]);
    fireEvent.change(screen.getByLabelText('实施单位'), { target: { value: '新单位' } });
    submit();
    expect(await screen.findByText('project page', undefined, SLOW)).toBeTruthy();
    expect(router.state.location.pathname).toBe('/projects/p1');
  });
});

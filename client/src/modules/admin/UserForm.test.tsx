import { fireEvent, screen } from '@testing-library/react';
import { renderForTest, testUser } from '../fund/renderForTest';
import { CREATE_USER_MUTATION } from './admin.graphql';
import { UserForm } from './UserForm';
import { UsersPage } from './UsersPage';

const find = (text: string | RegExp) => screen.findByText(text, {}, { timeout: 5000 });
const admin = testUser('ADMIN');

function chooseRole(label: string) {
  const select = screen.getByLabelText('角色');
  fireEvent.mouseDown(select);
  fireEvent.click(screen.getAllByText(label).at(-1)!);
}

describe('UserForm (create)', () => {
  it('labels every field and says what is wrong before sending anything', async () => {
    renderForTest(<UserForm onDone={jest.fn()} onCancel={jest.fn()} />, { user: admin });
    for (const label of ['用户名', '姓名', '角色', '负责地区', '初始密码'])
      expect(screen.getByLabelText(label)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('用户名'), { target: { value: 'a!' } });
    fireEvent.change(screen.getByLabelText('初始密码'), { target: { value: 'short' } });
    fireEvent.click(screen.getByRole('button', { name: /创建用户/ }));
    expect(await find('用户名长度须为 3 到 40 个字符')).toBeTruthy();
    expect(await find('用户名只能包含字母、数字、点、横线和下划线')).toBeTruthy();
    expect(await find('请输入姓名')).toBeTruthy();
    expect(await find('请选择角色')).toBeTruthy();
    expect(await find('密码长度须为 8 到 200 个字符')).toBeTruthy();
  });

  it('fills a generated password that passes the rules', async () => {
    renderForTest(<UserForm onDone={jest.fn()} onCancel={jest.fn()} />, { user: admin });
    fireEvent.click(screen.getByRole('button', { name: /随机生成/ }));
    const value = (screen.getByLabelText('初始密码') as HTMLInputElement).value;
    expect(value).toMatch(/^[A-HJ-NP-Za-km-z2-9]{14}$/);
  });

  it('shows a taken user name on the user name field', async () => {
    const onDone = jest.fn();
    renderForTest(<UserForm onDone={onDone} onCancel={jest.fn()} />, {
      user: admin,
      mocks: [
        {
          request: {
            query: CREATE_USER_MUTATION,
            variables: {
              input: {
                username: 'zhang.san',
                displayName: '张三',
                role: 'OFFICER',
                regionScope: [],
                password: 'Secret-123',
              },
            },
          },
          result: {
            errors: [
              {
                message: 'The user name zhang.san is taken.',
                extensions: { code: 'CONFLICT', field: 'input.username' },
              },
            ],
          },
        },
      ],
    });
    fireEvent.change(screen.getByLabelText('用户名'), { target: { value: 'zhang.san' } });
    fireEvent.change(screen.getByLabelText('姓名'), { target: { value: '张三' } });
    chooseRole('项目专员');
    fireEvent.change(screen.getByLabelText('初始密码'), { target: { value: 'Secret-123' } });
    fireEvent.click(screen.getByRole('button', { name: /创建用户/ }));
    const message = await find('The user name zhang.san is taken.');
    expect(message.closest('.ant-form-item')?.querySelector('#username')).not.toBeNull();
    expect(onDone).not.toHaveBeenCalled();
  });
});

describe('UsersPage', () => {
  it('refuses a non-administrator', () => {
    renderForTest(<UsersPage />, { user: testUser('MANAGER') });
    expect(screen.getByText('您没有执行此操作的权限。')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /新建用户/ })).toBeNull();
  });
});

import { fireEvent, screen } from '@testing-library/react';
import { badUserInput, formItemOf, renderFormPage } from '../liaison/formTestKit';
import { UPDATE_REGION_MUTATION, type RegionProfile } from './regionPage.graphql';
import { RegionProfileForm } from './RegionProfileForm';

const noop = () => {};
const save = () => fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

const shache: RegionProfile = {
  id: 'r-653125',
  code: '653125',
  population: 960000,
  povertyStatus: 'POVERTY_LIFTED',
  pairedUnits: ['市教育局'],
  liaisonOffice: { name: '莎车前方指挥部', address: '', phone: '', head: '' },
  location: null,
  canEdit: true,
  version: 3,
};

const inputOf = (changes: Record<string, unknown> = {}) => ({
  population: 960000,
  povertyStatus: 'POVERTY_LIFTED',
  pairedUnits: ['市教育局'],
  liaisonOffice: { name: '莎车前方指挥部', address: '', phone: '', head: '' },
  ...changes,
});

describe('RegionProfileForm', () => {
  it('checks the population, the telephone and a half-given location before sending', async () => {
    renderFormPage(<RegionProfileForm region={shache} onReload={async () => undefined} onDone={noop} />);
    type('人口', '-5');
    type('电话', 'call me');
    type('经度', '77.2');
    save();
    expect(await screen.findByText('请输入不小于 0 的整数（不超过 20 亿）')).toBeTruthy();
    expect(await screen.findByText('请输入有效的电话号码')).toBeTruthy();
    expect(await screen.findAllByText('经度和纬度须同时填写')).not.toHaveLength(0);
  });

  it('shows the server’s BAD_USER_INPUT message on the office telephone field', async () => {
    renderFormPage(<RegionProfileForm region={shache} onReload={async () => undefined} onDone={noop} />, [
      {
        request: {
          query: UPDATE_REGION_MUTATION,
          variables: {
            code: '653125',
            version: 3,
            input: inputOf({ liaisonOffice: { name: '莎车前方指挥部', address: '', phone: '0998 8512', head: '' } }),
          },
        },
        result: badUserInput('input.liaisonOffice.phone', 'input.liaisonOffice.phone: is not a telephone number'),
      },
    ]);
    type('电话', '0998 8512');
    save();
    const message = await screen.findByText('input.liaisonOffice.phone: is not a telephone number');
    expect(formItemOf(message)?.querySelector('input[type="tel"]')).not.toBeNull();
  });

  it('offers to reload when someone else changed the region, then saves on the fresh version', async () => {
    const fresh = { ...shache, population: 970000, version: 4 };
    const reload = jest.fn(async () => fresh);
    const done = jest.fn();
    renderFormPage(<RegionProfileForm region={shache} onReload={reload} onDone={done} />, [
      {
        request: { query: UPDATE_REGION_MUTATION, variables: { code: '653125', version: 3, input: inputOf() } },
        result: {
          errors: [{ message: 'Region 653125 was changed by someone else', extensions: { code: 'CONFLICT' } }],
        },
      },
      {
        request: {
          query: UPDATE_REGION_MUTATION,
          variables: { code: '653125', version: 4, input: inputOf({ population: 970000 }) },
        },
        result: { data: { updateRegion: fresh } },
      },
    ]);
    save();
    expect(await screen.findByText(/该地区已被他人修改/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /重新加载/ }));
    expect(await screen.findByDisplayValue('970000')).toBeTruthy();
    expect(reload).toHaveBeenCalledTimes(1);
    expect(screen.queryByText(/该地区已被他人修改/)).toBeNull();
    save();
    expect(await screen.findByText('地区概况已保存')).toBeTruthy();
    expect(done).toHaveBeenCalled();
  });
});

import '../app/i18n';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { AntdTestProvider } from '../test/AntdTestProvider';
import { ExportButtons } from './ExportButtons';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

describe('ExportButtons', () => {
  it('downloads the filtered list in the current language and is busy meanwhile', async () => {
    let finish: (r: Response) => void = () => undefined;
    const fetchMock = jest.fn(() => new Promise<Response>((resolve) => (finish = resolve)));
    globalThis.fetch = fetchMock as unknown as typeof fetch;
    URL.createObjectURL = jest.fn(() => 'blob:x');
    URL.revokeObjectURL = jest.fn();
    render(
      <AntdTestProvider>
        <ExportButtons kind="projects" filter={{ sector: 'HEALTH', year: 2026, overdueOnly: false, search: '' }} />
      </AntdTestProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: /导出 Excel/ }));
    await screen.findByText('正在导出…');
    expect(fetchMock).toHaveBeenCalledWith('/api/export/projects?format=xlsx&lang=zh-CN&sector=HEALTH&year=2026', {
      credentials: 'same-origin',
    });
    expect((screen.getByRole('button', { name: /导出 CSV/ }) as HTMLButtonElement).disabled).toBe(true);
    finish(
      new Response('x', {
        status: 200,
        headers: { 'content-disposition': "attachment; filename*=UTF-8''%E9%A1%B9%E7%9B%AE.xlsx" },
      }),
    );
    await waitFor(() => expect(screen.getByRole('button', { name: /导出 Excel/ })).toBeTruthy());
    await waitFor(() => expect(URL.createObjectURL).toHaveBeenCalled());
  });

  it('says why an export failed', async () => {
    globalThis.fetch = jest.fn(async () =>
      Response.json({ error: { message: 'year must be a whole number' } }, { status: 400 }),
    ) as unknown as typeof fetch;
    render(
      <AntdTestProvider>
        <ExportButtons kind="ledger" filter={{}} />
      </AntdTestProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: /导出 CSV/ }));
    expect(await screen.findByText('导出失败：year must be a whole number')).toBeTruthy();
  });
});

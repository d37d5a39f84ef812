import '../app/i18n';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import i18n from 'i18next';
import { AntdTestProvider } from '../test/AntdTestProvider';
import { IatiExportButton, iatiExportUrl } from './IatiExportButton';

describe('IATI export button', () => {
  const realFetch = globalThis.fetch;
  const realCreate = URL.createObjectURL;
  afterEach(() => {
    globalThis.fetch = realFetch;
    URL.createObjectURL = realCreate;
  });

  it('builds the export address from the list filter, leaving out what is not set', () => {
    expect(iatiExportUrl({})).toBe('/api/export/iati.xml');
    expect(iatiExportUrl({ year: 2026, sector: 'HEALTH', search: '', overdueOnly: false, risk: null })).toBe(
      '/api/export/iati.xml?year=2026&sector=HEALTH',
    );
    expect(iatiExportUrl({ regionCode: '653100' }, ['a1', 'b2'])).toBe(
      '/api/export/iati.xml?regionCode=653100&ids=a1%2Cb2',
    );
  });

  it('downloads the filtered list, and says why when the server refuses', async () => {
    await i18n.changeLanguage('en');
    const calls: string[] = [];
    let answer = new Response('<iati-activities/>', { status: 200, headers: { 'content-type': 'application/xml' } });
    globalThis.fetch = jest.fn(async (url: RequestInfo | URL) => {
      calls.push(String(url));
      return answer;
    }) as typeof fetch;
    URL.createObjectURL = jest.fn(() => 'blob:iati');
    render(
      <AntdTestProvider>
        <IatiExportButton filter={{ year: 2025, status: 'IN_PROGRESS' }} />
      </AntdTestProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: /Export IATI/ }));
    await waitFor(() => expect(URL.createObjectURL).toHaveBeenCalled());
    expect(calls).toEqual(['/api/export/iati.xml?year=2025&status=IN_PROGRESS']);

    await waitFor(() => expect(screen.getByRole('button', { name: /Export IATI/ }).className).not.toMatch(/loading/));

    answer = new Response(
      JSON.stringify({ error: { code: 'BAD_USER_INPUT', message: 'filter matches 6000 projects' } }),
      {
        status: 400,
        headers: { 'content-type': 'application/json' },
      },
    );
    fireEvent.click(screen.getByRole('button', { name: /Export IATI/ }));
    expect(await screen.findByText(/The IATI export failed: .*6000 projects/, {}, { timeout: 5000 })).toBeTruthy();
    expect(calls).toHaveLength(2);
    await i18n.changeLanguage('zh-CN');
  });
});

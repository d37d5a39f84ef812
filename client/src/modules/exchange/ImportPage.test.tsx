import '../../app/i18n';
import { MockedProvider } from '@apollo/client/testing/react';
import type { ImportReport } from '@pat/shared';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { AntdTestProvider } from '../../test/AntdTestProvider';
import { ImportPage } from './ImportPage';
import type { ImportJob } from './exchange.api';

const report = (over: Partial<ImportReport>): ImportReport => ({
  kind: 'projects',
  mode: 'dry-run',
  rows: 2,
  created: 2,
  updated: 0,
  unchanged: 0,
  refused: 0,
  problems: [],
  unmapped: [],
  dryRun: true,
  ...over,
});

// The upload goes through XMLHttpRequest (for its progress); the job is polled with fetch.
class FakeXhr {
  static sent: string[] = [];
  static answer: unknown;
  upload = { onprogress: null as ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  status = 0;
  statusText = '';
  responseText = '';
  withCredentials = false;
  private url = '';
  open(_method: string, url: string) {
    this.url = url;
  }
  setRequestHeader() {}
  send() {
    FakeXhr.sent.push(this.url);
    this.upload.onprogress?.({ lengthComputable: true, loaded: 5, total: 10 });
    this.status = 202;
    this.responseText = JSON.stringify(FakeXhr.answer);
    setTimeout(() => this.onload?.(), 0);
  }
}

// This jsdom environment has Node's FormData (src/test/jsdom-environment.cjs), which refuses jsdom's
// File: a stand-in that keeps what was appended.
class FakeFormData {
  parts: [string, unknown][] = [];
  append(name: string, value: unknown) {
    this.parts.push([name, value]);
  }
}
const realFetch = globalThis.fetch;
const realFormData = globalThis.FormData;
const realXhr = window.XMLHttpRequest;
afterEach(() => {
  globalThis.fetch = realFetch;
  globalThis.FormData = realFormData;
  window.XMLHttpRequest = realXhr;
});

function renderPage(jobs: ImportJob[]) {
  globalThis.FormData = FakeFormData as unknown as typeof FormData;
  FakeXhr.sent = [];
  FakeXhr.answer = { job: { ...jobs[0], status: 'RUNNING' } };
  window.XMLHttpRequest = FakeXhr as unknown as typeof XMLHttpRequest;
  let poll = 0;
  globalThis.fetch = jest.fn(async () => {
    const job = jobs[Math.min(poll++, jobs.length - 1)];
    return new Response(JSON.stringify({ job }), { status: 200, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
  const router = createMemoryRouter([{ path: '/import', element: <ImportPage /> }], { initialEntries: ['/import'] });
  render(
    <MockedProvider mocks={[]}>
      <AntdTestProvider>
        <RouterProvider router={router} />
      </AntdTestProvider>
    </MockedProvider>,
  );
}

const job = (over: Partial<ImportJob>): ImportJob => ({
  id: 'j1',
  status: 'DONE',
  phase: 'done',
  processed: 2,
  total: 2,
  report: null,
  error: null,
  ...over,
});

const drop = () => {
  const input = document.querySelector('input[type=file]') as HTMLInputElement;
  const file = new File(['a,b'], 'projects.xlsx');
  fireEvent.change(input, { target: { files: [file] } });
};

describe('ImportPage', () => {
  it('shows the per-row problems of a dry run and keeps the import button disabled', async () => {
    renderPage([
      job({
        report: report({
          refused: 1,
          created: 1,
          problems: [{ row: 3, column: '计划结束', code: 'BAD_DATE', message: '“2026-02-30”不是有效日期' }],
        }),
      }),
    ]);
    drop();
    expect(await screen.findByText('“2026-02-30”不是有效日期')).toBeTruthy();
    expect(screen.getByRole('cell', { name: '计划结束' })).toBeTruthy();
    expect(screen.getByText('1 行有问题，未写入任何数据。请按下表修改后重新上传。')).toBeTruthy();
    expect((screen.getByRole('button', { name: '确认导入' }) as HTMLButtonElement).disabled).toBe(true);
    expect(FakeXhr.sent).toEqual(['/api/import/projects?mode=dry-run&lang=zh-CN']);
  });

  it('applies a clean file and shows what was written', async () => {
    renderPage([
      job({ report: report({}) }),
      job({ status: 'RUNNING', phase: 'writing', processed: 1, total: 2 }),
      job({ report: report({ mode: 'apply', dryRun: false }) }),
    ]);
    drop();
    expect(await screen.findByText('全部 2 行校验通过，可以导入。')).toBeTruthy();
    FakeXhr.answer = { job: job({ status: 'RUNNING', phase: 'writing', processed: 0 }) };
    fireEvent.click(screen.getByRole('button', { name: '确认导入' }));
    await waitFor(() => expect(FakeXhr.sent).toHaveLength(2));
    expect(FakeXhr.sent[1]).toBe('/api/import/projects?mode=apply&lang=zh-CN');
    expect(await screen.findByText('导入完成：新增 2，更新 0，未变 0。', {}, { timeout: 3000 })).toBeTruthy();
  });
});

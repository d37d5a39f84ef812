import '../app/i18n';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { AntdTestProvider } from '../test/AntdTestProvider';
import { EvidenceUpload } from './EvidenceUpload';

// A stand-in for XMLHttpRequest that the test drives: progress events, then the server's answer.
class FakeXhr {
  static sent: FakeXhr[] = [];
  upload: { onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = {
    onprogress: null,
  };
  headers: Record<string, string> = {};
  method = '';
  url = '';
  body: FormData | undefined;
  status = 0;
  responseText = '';
  responseType = '';
  withCredentials = false;
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: FormData) {
    this.body = body;
    FakeXhr.sent.push(this);
  }
  abort() {}
  progress(loaded: number, total: number) {
    act(() => this.upload.onprogress?.({ lengthComputable: true, loaded, total }));
  }
  answer(status: number, body: unknown) {
    this.status = status;
    this.responseText = JSON.stringify(body);
    act(() => this.onload?.());
  }
}

// This jsdom environment has Node's FormData (src/test/jsdom-environment.cjs), which refuses jsdom's
// File; the fake keeps what the component appends.
class FakeFormData {
  readonly fields = new Map<string, unknown>();
  append(name: string, value: unknown) {
    this.fields.set(name, value);
  }
  get(name: string) {
    return this.fields.get(name);
  }
}

const realXhr = window.XMLHttpRequest;
const realFormData = globalThis.FormData;
beforeEach(() => {
  FakeXhr.sent = [];
  window.XMLHttpRequest = FakeXhr as unknown as typeof XMLHttpRequest;
  globalThis.FormData = FakeFormData as unknown as typeof FormData;
  URL.createObjectURL = jest.fn(() => 'blob:preview-1');
  URL.revokeObjectURL = jest.fn();
});
afterEach(() => {
  window.XMLHttpRequest = realXhr;
  globalThis.FormData = realFormData;
});

function renderUpload(onUploaded = jest.fn()) {
  const view = render(
    <AntdTestProvider>
      <EvidenceUpload recordKind="MILESTONE" recordId="m1" onUploaded={onUploaded} />
    </AntdTestProvider>,
  );
  const input = view.container.querySelector<HTMLInputElement>('input[type=file]')!;
  const drop = (file: File) => fireEvent.change(input, { target: { files: [file] } });
  return { drop, onUploaded };
}

const fileOf = (bytes: BlobPart, name: string, type: string) => new File([bytes], name, { type });
const png = () => fileOf(new Uint8Array([0x89, 0x50, 0x4e, 0x47]), 'photo.png', 'image/png');
const sentRequest = async () => {
  await waitFor(() => expect(FakeXhr.sent).toHaveLength(1));
  return FakeXhr.sent[0]!;
};

describe('EvidenceUpload', () => {
  it('sends the file with its record and the CSRF header, shows progress, a preview and the result', async () => {
    const { drop, onUploaded } = renderUpload();
    drop(png());
    const xhr = await sentRequest();
    expect(xhr.method).toBe('POST');
    expect(xhr.url).toBe('/api/documents');
    expect(xhr.headers['x-pat-upload']).toBe('1');
    expect(xhr.body?.get('recordKind')).toBe('MILESTONE');
    expect(xhr.body?.get('recordId')).toBe('m1');
    expect((xhr.body?.get('file') as File).name).toBe('photo.png');

    const preview = await screen.findByRole('img', { name: 'photo.png 的预览' });
    expect(preview.getAttribute('src')).toBe('blob:preview-1');

    xhr.progress(30, 100);
    const bar = screen.getByRole('progressbar', { name: '正在上传 photo.png' });
    expect(bar.getAttribute('aria-valuenow')).toBe('30');
    xhr.progress(75, 100);
    expect(bar.getAttribute('aria-valuenow')).toBe('75');

    xhr.answer(201, {
      document: { id: 'd1', filename: 'photo.png', title: 'photo.png', contentType: 'image/png', size: 4 },
    });
    expect(await screen.findByRole('status')).toHaveProperty('textContent', 'photo.png 已上传');
    expect(screen.getByRole('progressbar', { name: 'photo.png 已上传' }).getAttribute('aria-valuenow')).toBe('100');
    expect(onUploaded).toHaveBeenCalledWith(expect.objectContaining({ id: 'd1' }));
  });

  it('shows an icon, not a preview, for a PDF', async () => {
    const { drop } = renderUpload();
    drop(fileOf('%PDF-1.7', 'report.pdf', 'application/pdf'));
    await sentRequest();
    expect(await screen.findByRole('img', { name: 'PDF 文件' })).toBeTruthy();
    expect(screen.queryByRole('img', { name: 'report.pdf 的预览' })).toBeNull();
  });

  it('says why the server refused a file that is too large', async () => {
    const { drop, onUploaded } = renderUpload();
    drop(png());
    const xhr = await sentRequest();
    xhr.answer(413, {
      error: { code: 'BAD_USER_INPUT', field: 'file', message: 'photo.png is larger than the 20 MB limit' },
    });
    expect((await screen.findByRole('alert')).textContent).toBe('photo.png 未能上传：文件超过 20 MB 的大小上限');
    expect(onUploaded).not.toHaveBeenCalled();
  });

  it('says why the server refused a file of the wrong type', async () => {
    const { drop } = renderUpload();
    drop(png());
    const xhr = await sentRequest();
    xhr.answer(400, {
      error: { code: 'BAD_USER_INPUT', field: 'file', message: 'photo.png: the content is not a .png file' },
    });
    expect((await screen.findByRole('alert')).textContent).toBe(
      'photo.png 未能上传：不支持此文件类型或文件内容与扩展名不符',
    );
  });

  it('reports a lost connection', async () => {
    const { drop } = renderUpload();
    drop(png());
    const xhr = await sentRequest();
    act(() => xhr.onerror?.());
    expect((await screen.findByRole('alert')).textContent).toBe('photo.png 未能上传：网络中断，请重试');
  });
});

import { FileOutlined, FilePdfOutlined, InboxOutlined } from '@ant-design/icons';
import { Flex, Progress, Typography, Upload } from 'antd';
import type { TFunction } from 'i18next';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UploadRefusal, uploadDocument, type DocumentRecordKind, type UploadedDocument } from './EvidenceUpload.upload';

// What the server accepts (server/src/modules/documents/file-types.ts); it checks the content too.
const ACCEPT = '.jpg,.jpeg,.png,.gif,.webp,.pdf,.docx,.xlsx,.pptx,.doc,.xls,.ppt';
const IMAGE_NAME = /\.(jpe?g|png|gif|webp)$/i;
const PDF_NAME = /\.pdf$/i;

type UploadItem = {
  uid: string;
  name: string;
  percent: number;
  state: 'uploading' | 'done' | 'refused';
  previewUrl?: string;
  problem?: string;
};

/** The refusal in the user's language; the server's own words when there is no better one. */
export function refusalMessage(error: unknown, t: TFunction): string {
  if (!(error instanceof UploadRefusal)) return t('errors.unexpected');
  if (error.status === 0) return t('evidence.network');
  if (error.status === 401) return t('evidence.signedOut');
  if (error.status === 403) return t('evidence.forbidden');
  if (error.status === 413) {
    const mb = /(\d+(?:\.\d+)?) MB/.exec(error.message)?.[1];
    return mb ? t('evidence.tooLarge', { mb }) : error.message;
  }
  if (/not accepted|content is not/.test(error.message)) return t('evidence.wrongType');
  return error.message;
}

export function FileKindIcon({ name, contentType }: { name: string; contentType?: string }) {
  const { t } = useTranslation();
  const isPdf = contentType === 'application/pdf' || PDF_NAME.test(name);
  return isPdf ? (
    <FilePdfOutlined style={{ fontSize: 32, color: '#cf1322' }} aria-label={t('evidence.pdf')} role="img" />
  ) : (
    <FileOutlined style={{ fontSize: 32 }} aria-label={t('evidence.file')} role="img" />
  );
}

type EvidenceUploadProps = {
  recordKind: DocumentRecordKind;
  recordId: string;
  onUploaded?: (document: UploadedDocument) => void;
};

/** Drag-and-drop upload straight to a record, with a progress bar, preview and refusal per file. */
export function EvidenceUpload({ recordKind, recordId, onUploaded }: EvidenceUploadProps) {
  const { t } = useTranslation();
  const [items, setItems] = useState<UploadItem[]>([]);
  const previews = useRef<string[]>([]);
  const aborts = useRef<(() => void)[]>([]);

  useEffect(
    () => () => {
      for (const abort of aborts.current) abort();
      for (const url of previews.current) URL.revokeObjectURL(url);
    },
    [],
  );

  const patch = (uid: string, change: Partial<UploadItem>) =>
    setItems((current) => current.map((item) => (item.uid === uid ? { ...item, ...change } : item)));

  const start = (file: File & { uid?: string }) => {
    const uid = file.uid ?? `${file.name}-${Date.now()}`;
    let previewUrl: string | undefined;
    if (IMAGE_NAME.test(file.name) && typeof URL.createObjectURL === 'function') {
      previewUrl = URL.createObjectURL(file);
      previews.current.push(previewUrl);
    }
    setItems((current) => [...current, { uid, name: file.name, percent: 0, state: 'uploading', previewUrl }]);
    const handle = uploadDocument({ recordKind, recordId, file, onProgress: (percent) => patch(uid, { percent }) });
    aborts.current.push(handle.abort);
    handle.done.then(
      (document) => {
        patch(uid, { state: 'done', percent: 100 });
        onUploaded?.(document);
      },
      (error: unknown) => patch(uid, { state: 'refused', problem: refusalMessage(error, t) }),
    );
  };

  return (
    <Flex vertical gap="small">
      <Upload.Dragger
        accept={ACCEPT}
        multiple
        showUploadList={false}
        customRequest={({ file }) => start(file as File)}
        aria-label={t('evidence.label')}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('evidence.drop')}</p>
        <p className="ant-upload-hint">{t('evidence.hint')}</p>
      </Upload.Dragger>
      {items.length > 0 && (
        <ul aria-label={t('evidence.heading')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.map((item) => (
            <li key={item.uid} style={{ marginBottom: 8 }}>
              <Flex gap="small" align="center">
                {item.previewUrl ? (
                  <img
                    src={item.previewUrl}
                    alt={t('evidence.preview', { name: item.name })}
                    width={48}
                    height={48}
                    style={{ objectFit: 'cover', borderRadius: 4 }}
                  />
                ) : (
                  <FileKindIcon name={item.name} />
                )}
                <Flex vertical style={{ flex: 1, minWidth: 0 }}>
                  <Typography.Text ellipsis>{item.name}</Typography.Text>
                  <Progress
                    percent={item.percent}
                    size="small"
                    status={item.state === 'refused' ? 'exception' : item.state === 'done' ? 'success' : 'active'}
                    aria-label={
                      item.state === 'done'
                        ? t('evidence.uploaded', { name: item.name })
                        : t('evidence.uploading', { name: item.name })
                    }
                  />
                  {item.state === 'refused' && (
                    <Typography.Text type="danger" role="alert">
                      {t('evidence.refused', { name: item.name, reason: item.problem ?? '' })}
                    </Typography.Text>
                  )}
                  {item.state === 'done' && (
                    <Typography.Text type="success" role="status">
                      {t('evidence.uploaded', { name: item.name })}
                    </Typography.Text>
                  )}
                </Flex>
              </Flex>
            </li>
          ))}
        </ul>
      )}
    </Flex>
  );
}

type StoredDocument = { id: string; title: string; filename: string; contentType: string; url: string };

/** Evidence already attached to a record: a thumbnail for images, an icon for PDFs and other files. */
export function EvidenceList({ documents }: { documents: readonly StoredDocument[] }) {
  const { t } = useTranslation();
  if (documents.length === 0) return null;
  return (
    <ul
      aria-label={t('evidence.heading')}
      style={{ listStyle: 'none', padding: 0, margin: '4px 0', display: 'flex', gap: 8, flexWrap: 'wrap' }}
    >
      {documents.map((d) => {
        const name = d.title || d.filename;
        return (
          <li key={d.id}>
            <a href={d.url} download={d.filename} title={name} aria-label={t('evidence.open', { name })}>
              {d.contentType.startsWith('image/') ? (
                <img
                  src={d.url}
                  alt={t('evidence.preview', { name })}
                  width={64}
                  height={64}
                  loading="lazy"
                  style={{ objectFit: 'cover', borderRadius: 4, border: '1px solid #f0f0f0' }}
                />
              ) : (
                <Flex vertical align="center" style={{ width: 64 }}>
                  <FileKindIcon name={d.filename} contentType={d.contentType} />
                  <Typography.Text ellipsis style={{ fontSize: 12, maxWidth: 64 }}>
                    {d.filename}
                  </Typography.Text>
                </Flex>
              )}
            </a>
          </li>
        );
      })}
    </ul>
  );
}

import { Button, Flex } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export type CursorPageInfo = { hasNextPage: boolean; endCursor?: string | null };

// Previous / Page N / Next over a cursor connection; `cursors` are the `after` cursors of earlier pages.
export function CursorPager({
  count,
  cursors,
  pageInfo,
  loading,
  onCursors,
  children,
}: {
  count: ReactNode;
  cursors: string[];
  pageInfo: CursorPageInfo;
  loading: boolean;
  onCursors: (next: string[]) => void;
  /** Extra controls after Next, e.g. a page-size select. */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const { hasNextPage, endCursor } = pageInfo;
  return (
    <Flex justify="space-between" align="center" wrap gap="small" style={{ marginTop: 16 }}>
      <span>{count}</span>
      <Flex gap="small" align="center">
        <Button disabled={cursors.length === 0} onClick={() => onCursors(cursors.slice(0, -1))}>
          {t('common.previousPage')}
        </Button>
        <span aria-live="polite">{t('common.pageNumber', { page: cursors.length + 1 })}</span>
        <Button
          disabled={!hasNextPage || !endCursor || loading}
          onClick={() => {
            if (endCursor) onCursors([...cursors, endCursor]);
          }}
        >
          {t('common.nextPage')}
        </Button>
        {children}
      </Flex>
    </Flex>
  );
}

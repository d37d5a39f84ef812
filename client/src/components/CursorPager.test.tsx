import '../app/i18n';
import { fireEvent, render, screen } from '@testing-library/react';
import { AntdTestProvider } from '../test/AntdTestProvider';
import { CursorPager, type CursorPageInfo } from './CursorPager';

function renderPager(cursors: string[], pageInfo: CursorPageInfo, loading = false) {
  const onCursors = jest.fn();
  render(
    <AntdTestProvider>
      <CursorPager count="共 42 个项目" cursors={cursors} pageInfo={pageInfo} loading={loading} onCursors={onCursors} />
    </AntdTestProvider>,
  );
  const button = (name: string) => screen.getByRole('button', { name }) as HTMLButtonElement;
  return { onCursors, previous: button('上一页'), next: button('下一页') };
}

describe('CursorPager', () => {
  it('on page 1 only goes forward, appending the end cursor', () => {
    const { onCursors, previous, next } = renderPager([], { hasNextPage: true, endCursor: 'c1' });
    expect(screen.getByText('共 42 个项目')).toBeTruthy();
    expect(screen.getByText('第 1 页').getAttribute('aria-live')).toBe('polite');
    expect(previous.disabled).toBe(true);
    fireEvent.click(next);
    expect(onCursors).toHaveBeenCalledWith(['c1']);
  });

  it('goes back by dropping the last cursor', () => {
    const { onCursors, previous } = renderPager(['c1', 'c2'], { hasNextPage: true, endCursor: 'c3' });
    expect(screen.getByText('第 3 页')).toBeTruthy();
    fireEvent.click(previous);
    expect(onCursors).toHaveBeenCalledWith(['c1']);
  });

  it.each([
    ['on the last page', { hasNextPage: false, endCursor: 'c2' }, false],
    ['without an end cursor', { hasNextPage: true, endCursor: null }, false],
    ['while loading', { hasNextPage: true, endCursor: 'c2' }, true],
  ])('cannot go forward %s', (_label, pageInfo: CursorPageInfo, loading: boolean) => {
    const { next } = renderPager(['c1'], pageInfo, loading);
    expect(next.disabled).toBe(true);
  });
});

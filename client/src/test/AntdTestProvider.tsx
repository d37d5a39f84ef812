import { App as AntdApp, ConfigProvider } from 'antd';
import type { ReactNode } from 'react';

// antd without its runtime CSS-in-JS: with ~300 KB of injected rules, each jsdom getComputedStyle
// (which every role query makes) takes ~0.2 s. Tests assert on content and structure, not on styling.
export function AntdTestProvider({ children }: { children: ReactNode }) {
  return (
    <ConfigProvider theme={{ zeroRuntime: true }}>
      <AntdApp>{children}</AntdApp>
    </ConfigProvider>
  );
}

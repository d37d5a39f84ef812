import { Typography } from 'antd';
import type { ReactNode } from 'react';

// Each page has exactly one h1; the header's app title is not a heading.
export function PageHeading({ children }: { children: ReactNode }) {
  return (
    <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }}>
      {children}
    </Typography.Title>
  );
}

// For card titles below the page's h1.
export function SectionHeading({ children }: { children: ReactNode }) {
  return <h2 style={{ margin: 0, fontSize: 16, fontWeight: 600 }}>{children}</h2>;
}

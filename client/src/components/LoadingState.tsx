import { Flex, Spin } from 'antd';

type LoadingStateProps = {
  label: string;
  fullPage?: boolean;
};

// A live region with a name, so screen readers hear what is loading, not just a spinner.
export function LoadingState({ label, fullPage = false }: LoadingStateProps) {
  return (
    <Flex
      role="status"
      aria-label={label}
      vertical
      align="center"
      justify="center"
      gap="small"
      style={{ minHeight: fullPage ? '100vh' : 160, width: '100%' }}
    >
      <Spin size="large" />
      <span>{label}</span>
    </Flex>
  );
}

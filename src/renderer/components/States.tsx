import { Empty, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useMessages } from '../i18n';

/**
 * The three states every screen has besides its content. One look everywhere: a screen never shows
 * a bare "Loading…" or a blank area.
 */
export function LoadingState({ text, testId = 'loading' }: { text?: string; testId?: string }) {
  const m = useMessages();
  return (
    <div className="state-block" data-testid={testId} role="status" aria-busy="true">
      <Spin />
      <span className="state-text">{text ?? m.shell.loading}</span>
    </div>
  );
}

/** Nothing to show: says so in the user's words; `children` holds the way forward (a button), if any. */
export function EmptyState({
  text,
  testId = 'empty',
  children,
}: {
  text?: string;
  testId?: string;
  children?: ReactNode;
}) {
  const m = useMessages();
  return (
    <div className="state-block" data-testid={testId}>
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text ?? m.shell.empty}>
        {children}
      </Empty>
    </div>
  );
}

/** A screen that cannot work at all (no connection to the app). */
export function FatalState({ text }: { text: string }) {
  return <Result status="warning" title={text} className="state-block" />;
}

import { Button, Card, Descriptions, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { Availability } from '../../../shared/domain/action-availability';
import { useMessages } from '../../i18n';

/** One module of the detail (基本信息, 商品, …): a titled card, a region for assistive tech. */
export function Module({
  id,
  title,
  children,
  wide,
}: {
  id: string;
  title: string;
  children: ReactNode;
  wide?: boolean;
}) {
  return (
    <Card
      size="small"
      title={title}
      className={wide ? 'detail-module wide' : 'detail-module'}
      data-testid={`module-${id}`}
      role="region"
      aria-label={title}
    >
      {children}
    </Card>
  );
}

/** Label and value pairs; an empty value reads as a dash. */
export function Fields({ rows }: { rows: Array<[string, ReactNode]> }) {
  return (
    <Descriptions
      className="fields"
      size="small"
      column={1}
      colon={false}
      items={rows.map(([label, value]) => ({
        key: label,
        label,
        children: value === '' || value === null ? '—' : value,
      }))}
    />
  );
}

/** Nothing to show in a module, said in a muted line. */
export function None({ children }: { children: ReactNode }) {
  return <Typography.Text type="secondary">{children}</Typography.Text>;
}

/** A button that, when it may not be used, stays visible and says why (beside it and on hover). */
export function ActionButton({
  label,
  availability,
  onClick,
  keyHint,
  testId,
  primary,
}: {
  label: string;
  availability: Availability;
  onClick(): void;
  keyHint?: string;
  testId?: string;
  primary?: boolean;
}) {
  const m = useMessages();
  const why = availability.ok ? null : m.detail.reason[availability.reason];
  return (
    <span className="action" data-available={availability.ok}>
      <Tooltip title={why}>
        <Button
          type={primary ? 'primary' : 'default'}
          data-testid={testId}
          disabled={!availability.ok}
          onClick={onClick}
        >
          {label}
          {keyHint && <kbd>{keyHint}</kbd>}
        </Button>
      </Tooltip>
      {why && <span className="why">{why}</span>}
    </span>
  );
}

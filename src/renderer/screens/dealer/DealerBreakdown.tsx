import { SaveOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Typography } from 'antd';
import type { DealerQuote } from '../../../shared/contract/api';
import { Amount } from '../../components/Amount';
import { fill, useMessages } from '../../i18n';
import { useDealer } from '../../stores/dealer';
import { FieldMessage, reasonText } from './fields';

/**
 * The amounts line by line as the shared pricing works them out on every keystroke, and the two
 * actions: save a draft, submit (the primary one, busy while the service is asked).
 */
export function DealerBreakdown({
  quote,
  errors,
  onSubmit,
}: {
  quote: DealerQuote;
  errors: Record<string, string>;
  /** Submits, then starts the form afresh (an accepted or queued order clears it). */
  onSubmit(): void;
}) {
  const m = useMessages();
  const store = useDealer();
  const { outcome } = store;
  const lines: Array<[string, number, string, boolean]> = [
    [m.dealer.goodsTotal, quote.goodsTotal, 'goods', false],
    [m.dealer.freightLine, quote.freight, 'freight', false],
    [m.dealer.orderAmount, quote.orderAmount, 'order-amount', false],
    [m.dealer.couponDiscount, quote.couponDiscount, 'coupon', true],
    [m.dealer.campaignDiscount, quote.campaignDiscount, 'campaign', true],
    [m.dealer.memberDiscount, quote.memberDiscount, 'member', true],
    [m.dealer.memberBenefitLine, quote.memberBenefit, 'benefit', true],
    [fill(m.dealer.pointsDeduction, { n: quote.pointsUsed }), quote.pointsDeduction, 'points', true],
  ];
  const outcomeType =
    outcome?.outcome === 'accepted' ? 'success' : outcome?.outcome === 'provisional' ? 'info' : 'error';
  return (
    <Card
      className="dealer-breakdown"
      size="small"
      title={m.dealer.breakdown}
      aria-label={m.dealer.breakdown}
      data-testid="dealer-breakdown"
    >
      <table className="breakdown-table">
        <tbody>
          {lines.map(([label, fen, id, minus]) => (
            <tr key={id} data-testid={`breakdown-${id}`}>
              <th>{label}</th>
              <td>
                <Amount fen={fen} negative={minus && fen > 0} />
              </td>
            </tr>
          ))}
          <tr className="payable" data-testid="breakdown-payable">
            <th>{m.dealer.payable}</th>
            <td>
              <Amount fen={quote.payable} strong />
            </td>
          </tr>
        </tbody>
      </table>
      {quote.capped && <Typography.Paragraph type="secondary">{m.dealer.capped}</Typography.Paragraph>}
      <FieldMessage field="expectedPayable" errors={errors} />
      <Space orientation="vertical" className="dealer-actions" size={8}>
        <Button
          type="primary"
          size="large"
          block
          icon={<SendOutlined />}
          data-testid="dealer-submit"
          loading={store.busy}
          disabled={store.busy}
          onClick={onSubmit}
        >
          {store.busy ? m.dealer.submitting : m.dealer.submit}
        </Button>
        <Button block icon={<SaveOutlined />} data-testid="dealer-save" onClick={() => void store.saveDraft()}>
          {m.dealer.saveDraft}
        </Button>
      </Space>
      {store.notice === 'saved' && (
        <Typography.Paragraph type="success" data-testid="dealer-saved">
          {m.dealer.saved}
        </Typography.Paragraph>
      )}
      {outcome && (
        <Alert
          className={`outcome ${outcome.outcome}`}
          type={outcomeType}
          showIcon
          role="status"
          data-testid="dealer-outcome"
          title={outcome.orderNo ? fill(m.dealer[outcome.outcome], { orderNo: outcome.orderNo }) : m.dealer.checkFailed}
        />
      )}
      {store.error && <Alert type="error" showIcon role="alert" title={reasonText(m, store.error)} />}
    </Card>
  );
}

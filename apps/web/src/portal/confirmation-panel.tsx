import type { Messages } from '../messages';

/**
 * The receipt number, large, under the heading the page gives (GOV.UK confirmation panel). The
 * heading is passed in so it stays the same element while the page loads (it has focus then).
 */
export function ReceiptNumber({ text, receiptNo }: { readonly text: Messages; readonly receiptNo: string }) {
  return (
    <div className="confirmation-panel__body">
      <span className="confirmation-panel__label">{text.portal.done.receiptLabel}</span>
      <strong className="confirmation-panel__receipt" data-testid="receipt-number">
        {receiptNo}
      </strong>
    </div>
  );
}

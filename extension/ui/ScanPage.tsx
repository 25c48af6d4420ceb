import type { ScanPageModel } from '../state/scan-page.ts';

/** "Scan this page": badges on the tab the rep is on, where automatic scanning is off. */
export function ScanPage({ model }: { model: ScanPageModel }) {
  const notice = model.notice.value;
  return (
    <section class="scan-page">
      <button type="button" class="scan-button" data-testid="scan-page" disabled={model.busy.value} onClick={() => void model.scan()}>
        {model.busy.value ? 'Scanning…' : 'Scan this page'}
      </button>
      {notice && (
        <p class={`scan-notice ${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'} data-testid="scan-notice">
          {notice.text}
        </p>
      )}
    </section>
  );
}

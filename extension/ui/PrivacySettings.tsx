import type { PrivacyModel } from '../state/privacy.ts';

/** Where pages are scanned, and whom Leadsync never captures. */
export function PrivacySettings({ model }: { model: PrivacyModel }) {
  const status = model.status.value;
  return (
    <section class="privacy" aria-labelledby="privacy-title">
      <h2 id="privacy-title">Privacy</h2>
      <label class="toggle">
        <input
          type="checkbox"
          name="autoScan"
          data-testid="auto-scan"
          disabled={model.autoScan.value === null}
          checked={model.autoScan.value === true}
          onChange={(e) => void model.setAutoScan(e.currentTarget.checked)}
        />
        Scan pages automatically
      </label>
      <p class="hint">
        On: every web page you open is scanned and its contacts get badges (Chrome asks you to let Leadsync read all sites). Off: a page is
        scanned only when you click <b>Scan this page</b> in the Leadsync popup, and Leadsync reads no other page. Local pages (127.0.0.1,
        localhost) are always scanned.
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void model.saveNeverCapture();
        }}
      >
        <label>
          Never capture
          <textarea
            name="neverCapture"
            rows={4}
            placeholder={'ana@partner.com\nmycompany.com'}
            value={model.neverCapture.value}
            onInput={(e) => (model.neverCapture.value = e.currentTarget.value)}
          />
        </label>
        <p class="hint">One address or domain a line. Pages on these domains are not scanned, and these addresses (and any at these domains) get no badge and cannot be saved.</p>
        <div class="actions">
          <button type="submit" data-testid="save-never-capture">
            Save list
          </button>
        </div>
      </form>
      {status && (
        <p class={`status ${status.tone}`} role={status.tone === 'error' ? 'alert' : 'status'} data-testid="privacy-status">
          {status.text}
        </p>
      )}
    </section>
  );
}

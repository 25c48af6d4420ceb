import type { OptionsModel } from '../state/options.ts';
import type { PrivacyModel } from '../state/privacy.ts';
import type { TeamToolsModel } from '../state/team-tools.ts';
import { PrivacySettings } from './PrivacySettings.tsx';
import { TeamTools } from './TeamTools.tsx';

export function OptionsApp({ model, tools, privacy }: { model: OptionsModel; tools?: TeamToolsModel; privacy?: PrivacyModel }) {
  const status = model.status.value;
  return (
    <main class="options-page">
      <h1>Leadsync settings</h1>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void model.save();
        }}
      >
        <label>
          Server URL
          <input
            name="serverUrl"
            type="url"
            required
            placeholder="http://127.0.0.1:4400"
            value={model.serverUrl.value}
            onInput={(e) => (model.serverUrl.value = e.currentTarget.value)}
          />
        </label>
        <label>
          Your token
          <input
            name="token"
            type="password"
            autocomplete="off"
            required
            placeholder="ls_…"
            value={model.token.value}
            onInput={(e) => (model.token.value = e.currentTarget.value)}
          />
        </label>
        <p class="hint">Your admin gives you a token (leadsync user add). It stays in this browser's extension storage.</p>
        <div class="actions">
          <button type="submit">Save</button>
          <button type="button" data-testid="test-connection" disabled={model.busy.value} onClick={() => void model.testConnection()}>
            Test connection
          </button>
        </div>
      </form>
      {status && (
        <p class={`status ${status.tone}`} role={status.tone === 'error' ? 'alert' : 'status'} data-testid="status">
          {status.text}
        </p>
      )}
      {privacy && <PrivacySettings model={privacy} />}
      {tools && <TeamTools model={tools} />}
    </main>
  );
}

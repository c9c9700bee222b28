import { FormField } from './form-field';
import { fill } from './format';
import type { Messages } from './messages';
import type { TenantsState } from './use-tenants';

interface TenantFieldProps {
  readonly text: Messages;
  /** Fixed: an error summary links to it with a #fragment. */
  readonly id: string;
  readonly label: string;
  readonly error: string | undefined;
  readonly tenants: TenantsState;
  readonly lgCode: string;
  readonly onChange: (lgCode: string) => void;
  /** When given, a list that failed to load is said below the field, with a button to try again. */
  readonly onRetryTenants?: () => void;
}

/** The municipality a login is for: a select of the municipalities served, shared by every login form. */
export function TenantField({ text, id, label, error, tenants, lgCode, onChange, onRetryTenants }: TenantFieldProps) {
  return (
    <>
      <FormField id={id} label={label} error={error} errorPrefix={text.errorPrefix}>
        {(control) => (
          <select
            {...control}
            className="form-field__select"
            value={lgCode}
            disabled={tenants.status !== 'loaded'}
            onChange={(event) => onChange(event.target.value)}
          >
            <option value="">
              {tenants.status === 'loading' ? text.login.tenantsLoading : text.login.tenantPlaceholder}
            </option>
            {tenants.status === 'loaded' &&
              tenants.items.map((tenant) => (
                // Municipality names are Japanese proper nouns whatever the page language.
                <option key={tenant.lgCode} value={tenant.lgCode} lang="ja">
                  {fill(text.login.tenantOption, { name: tenant.name, code: tenant.lgCode })}
                </option>
              ))}
          </select>
        )}
      </FormField>
      {onRetryTenants && tenants.status === 'error' && (
        <div className="inline-alert" role="alert">
          <p>{text.tenantsError}</p>
          <button type="button" className="button" onClick={onRetryTenants}>
            {text.tenantsRetry}
          </button>
        </div>
      )}
    </>
  );
}

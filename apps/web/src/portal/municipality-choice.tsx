import { FormField } from '../form-field';
import { fill } from '../format';
import type { Messages } from '../messages';
import type { SessionInfo } from '../session-api';
import { TenantLabel } from '../tenant-label';
import type { TenantSummary } from '../use-tenants';

interface MunicipalityChoiceProps {
  readonly text: Messages;
  readonly session: SessionInfo | null;
  readonly tenants: readonly TenantSummary[];
  readonly lgCode: string | null;
  readonly onChoose: (lgCode: string) => void;
}

export const MUNICIPALITY_FIELD_ID = 'procedure-tenant';

/**
 * Whose procedures: the login's municipality (no choice then), the only one served, or a choice.
 */
export function MunicipalityChoice({ text, session, tenants, lgCode, onChoose }: MunicipalityChoiceProps) {
  const t = text.portal.catalog;
  const current = tenants.find((tenant) => tenant.lgCode === lgCode);
  if (tenants.length === 0) return <p className="empty-state">{text.tenantsEmpty}</p>;
  if (session || tenants.length === 1) {
    return (
      <p className="catalog-municipality">
        {session ? t.municipalityOfLogin : t.municipality}
        <strong>{current ? <TenantLabel text={text} tenant={current} /> : lgCode}</strong>
      </p>
    );
  }
  return (
    <FormField
      id={MUNICIPALITY_FIELD_ID}
      label={t.chooseMunicipality}
      hint={t.chooseHint}
      errorPrefix={text.errorPrefix}
    >
      {(control) => (
        <select
          {...control}
          className="form-field__select"
          value={lgCode ?? ''}
          onChange={(event) => onChoose(event.target.value)}
        >
          <option value="">{text.login.tenantPlaceholder}</option>
          {tenants.map((tenant) => (
            <option key={tenant.lgCode} value={tenant.lgCode} lang="ja">
              {fill(text.login.tenantOption, { name: tenant.name, code: tenant.lgCode })}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}

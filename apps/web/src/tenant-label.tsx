import { fill } from './format';
import type { Messages } from './messages';
import type { TenantSummary } from './use-tenants';

/**
 * 「デモ市（999997）」: the name marked as Japanese whatever the page language, so a screen
 * reader reads it in a Japanese voice inside an English sentence too.
 */
export function TenantLabel({ text, tenant }: { readonly text: Messages; readonly tenant: TenantSummary }) {
  const [before = '', after = ''] = text.login.tenantOption.split('{name}');
  return (
    <>
      {fill(before, { code: tenant.lgCode })}
      <span lang="ja">{tenant.name}</span>
      {fill(after, { code: tenant.lgCode })}
    </>
  );
}

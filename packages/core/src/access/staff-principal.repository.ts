import type { Database } from '@madoguchi/db';
import type { NetworkZone } from '../actor';
import type { StaffPrincipal } from './access.types';

/** The roles and departments of an active staff account, with the zone of the session's terminal. */
export async function findStaffPrincipal(
  db: Database,
  lgCode: string,
  staffId: string,
  zone: NetworkZone | null,
): Promise<StaffPrincipal | null> {
  const row = await db.kysely
    .selectFrom('staff_account')
    .select(['staff_id', 'roles', 'departments'])
    .where('lg_code', '=', lgCode)
    .where('staff_id', '=', staffId)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  return row ? { staffId: row.staff_id, roles: row.roles, departments: row.departments, zone } : null;
}

import { describe, expect, it } from 'vitest';
import type { Permission, StaffPrincipal } from './access.types';
import { authorizeStaff } from './authorize';

const clerk: StaffPrincipal = {
  staffId: 's1',
  roles: ['counter-clerk'],
  departments: ['citizen'],
  zone: 'individual-number',
};

describe('authorizeStaff', () => {
  it('allows what a grant covers', () => {
    expect(
      authorizeStaff(clerk, { permission: 'registry.read', sensitivity: 'personal', department: 'citizen' }),
    ).toEqual({
      allowed: true,
      role: 'counter-clerk',
    });
  });

  it.each([
    [
      'a permission no role grants',
      { permission: 'registry.movement.record' as const, sensitivity: 'personal' as const },
    ],
    ['data more sensitive than the grant', { permission: 'registry.read' as const, sensitivity: 'special' as const }],
    [
      'another department',
      { permission: 'registry.read' as const, sensitivity: 'personal' as const, department: 'welfare' },
    ],
  ])('denies %s', (_why, request) => {
    expect(authorizeStaff(clerk, request).allowed).toBe(false);
  });

  it('denies from a terminal in the wrong zone, or with no zone configured', () => {
    const request = { permission: 'registry.read' as const, sensitivity: 'personal' as const };
    expect(authorizeStaff({ ...clerk, zone: 'internet' }, request)).toMatchObject({ allowed: false });
    expect(authorizeStaff({ ...clerk, zone: 'lgwan' }, request)).toMatchObject({ allowed: false });
    expect(authorizeStaff({ ...clerk, zone: null }, request)).toEqual({
      allowed: false,
      reason: 'the terminal has no network zone configured',
    });
  });

  it('denies a staff member with no roles, and roles the catalogue does not know', () => {
    const request = { permission: 'registry.read' as const, sensitivity: 'public' as const };
    expect(authorizeStaff({ ...clerk, roles: [] }, request).allowed).toBe(false);
    expect(authorizeStaff({ ...clerk, roles: ['root'] }, request).allowed).toBe(false);
  });

  it('matches permission prefixes only at a dot', () => {
    const officer: StaffPrincipal = { ...clerk, roles: ['security-officer'], zone: 'lgwan' };
    expect(authorizeStaff(officer, { permission: 'audit.verify', sensitivity: 'internal' }).allowed).toBe(true);
    expect(
      authorizeStaff(officer, { permission: 'auditing.verify' as Permission, sensitivity: 'internal' }).allowed,
    ).toBe(false);
  });
});

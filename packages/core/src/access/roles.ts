import type { Grant } from './access.types';

/**
 * The role catalogue. A staff account holds roles; a role holds grants. Nothing is allowed
 * that no grant covers (deny by default). The three network zones follow the 三層の対策:
 * personal data of the registry only from terminals in the individual-number zone.
 */
export const ROLES: Readonly<Record<string, readonly Grant[]>> = {
  'counter-clerk': [
    {
      permissions: ['registry.read', 'registry.certificate.issue'],
      departments: ['citizen'],
      maxSensitivity: 'personal',
      zones: ['individual-number'],
    },
    // The one-stop counter (ワンストップ窓口): other divisions' procedures filled in for the resident
    // at the counter, for the departments the clerk's account lists; never their cases.
    {
      permissions: ['procedure.counter.submit'],
      departments: ['*'],
      maxSensitivity: 'personal',
      zones: ['individual-number'],
    },
  ],
  'registry-officer': [
    {
      permissions: ['registry.*'],
      departments: ['citizen'],
      maxSensitivity: 'sensitive',
      zones: ['individual-number'],
    },
  ],
  'support-measure-officer': [
    {
      permissions: ['registry.*', 'support-measure.*'],
      departments: ['citizen'],
      maxSensitivity: 'special',
      zones: ['individual-number'],
    },
  ],
  // Department staff handling applications: cases of the departments they work for, never special
  // categories (welfare, health) unless their role says so.
  // At the counter they read the register for any resident they fill a form for: only from the
  // individual-number zone (三層の対策), unlike the cases, which hold what the applicant gave.
  'case-worker': [
    {
      permissions: ['procedure.case.*'],
      departments: ['*'],
      maxSensitivity: 'sensitive',
      zones: ['lgwan', 'individual-number'],
    },
    {
      permissions: ['procedure.counter.submit'],
      departments: ['*'],
      maxSensitivity: 'sensitive',
      zones: ['individual-number'],
    },
  ],
  'welfare-case-worker': [
    {
      permissions: ['procedure.case.*'],
      departments: ['long-term-care', 'child-support', 'childcare', 'health-insurance'],
      maxSensitivity: 'special',
      zones: ['lgwan', 'individual-number'],
    },
    {
      permissions: ['procedure.counter.submit'],
      departments: ['long-term-care', 'child-support', 'childcare', 'health-insurance'],
      maxSensitivity: 'special',
      zones: ['individual-number'],
    },
  ],
  'procedure-admin': [
    {
      permissions: ['procedure.catalog.manage'],
      departments: ['*'],
      maxSensitivity: 'internal',
      zones: ['lgwan', 'individual-number'],
    },
  ],
  'security-officer': [
    { permissions: ['audit.*'], departments: ['*'], maxSensitivity: 'internal', zones: ['lgwan', 'individual-number'] },
  ],
  'it-admin': [
    {
      permissions: ['tenant.*', 'staff.manage', 'webhook.manage'],
      departments: ['*'],
      maxSensitivity: 'internal',
      zones: ['lgwan'],
    },
  ],
};

export const ROLE_NAMES = Object.keys(ROLES);

import type { Permission } from '../access/access.types';

/**
 * Every action the audit log records (module.resource.verb). `appendAudit` takes only these, so a
 * new action is added here first — with whether a resident can see it in their access log: an
 * access by staff, a system or an operator that names them. Those need a label in every language
 * of the resident's access log (a test checks), so nobody reads a code where they should read
 * who looked at their data and why.
 */
export const AUDIT_ACTIONS = {
  // Logins and login methods: the resident's own acts, or staff logging in (no resident named).
  'identity.card-login': { shownToResidents: false },
  'identity.card.bind': { shownToResidents: false },
  'identity.passkey-login': { shownToResidents: false },
  'identity.passkey.register': { shownToResidents: false },
  'identity.email-code-login': { shownToResidents: false },
  'identity.email.register': { shownToResidents: false },
  'identity.oidc-login': { shownToResidents: false },
  'identity.oidc.bind': { shownToResidents: false },
  'identity.staff.login': { shownToResidents: false },
  'identity.staff.create': { shownToResidents: false },
  // The register. Bulk acts (import, export, the inspection list) name no one person.
  'registry.person.read': { shownToResidents: true },
  'registry.person.search': { shownToResidents: true },
  'registry.person.history': { shownToResidents: true },
  'registry.movement.record': { shownToResidents: true },
  'registry.certificate.issue': { shownToResidents: true },
  'registry.inspection-list': { shownToResidents: false },
  'registry.import': { shownToResidents: false },
  'registry.export': { shownToResidents: false },
  'registry.support-measure.start': { shownToResidents: true },
  'registry.support-measure.extend': { shownToResidents: true },
  'registry.support-measure.end': { shownToResidents: true },
  // Applications: the resident's own acts, and staff handling the case or taking it at the counter.
  'application.start': { shownToResidents: false },
  'application.answers.save': { shownToResidents: false },
  'application.attachment.add': { shownToResidents: false },
  'application.attachment.remove': { shownToResidents: false },
  'application.reply': { shownToResidents: false },
  'application.withdraw': { shownToResidents: false },
  'application.list': { shownToResidents: false },
  'application.read': { shownToResidents: false },
  'application.submit': { shownToResidents: true },
  'application.counter-preview': { shownToResidents: true },
  'application.document.read': { shownToResidents: true },
  'application.case.list': { shownToResidents: true },
  'application.case.read': { shownToResidents: true },
  'application.case.assign': { shownToResidents: true },
  'application.case.request-information': { shownToResidents: true },
  'application.case.note': { shownToResidents: true },
  'application.case.message': { shownToResidents: true },
  'application.case.decide': { shownToResidents: true },
  'application.case.notify': { shownToResidents: true },
  // The catalog.
  'procedure.publish': { shownToResidents: false },
  'procedure.retire': { shownToResidents: false },
  // The log itself (a hold names no resident: it would tell them what it withholds) and connected systems.
  'audit.access-log.read': { shownToResidents: false },
  'audit.access-log.hold': { shownToResidents: false },
  'audit.verify': { shownToResidents: false },
  'webhook.subscription.create': { shownToResidents: false },
  'webhook.subscription.deactivate': { shownToResidents: false },
  'webhook.delivery.retry': { shownToResidents: false },
} as const satisfies Record<string, { readonly shownToResidents: boolean }>;

/**
 * An action of the catalog above, or a permission: a refusal by role is recorded under the
 * permission asked for (for the security officer; it names no resident).
 */
export type AuditAction = keyof typeof AUDIT_ACTIONS | Permission;

/** The actions a resident may find in their access log. */
export const ACTIONS_SHOWN_TO_RESIDENTS = (Object.keys(AUDIT_ACTIONS) as (keyof typeof AUDIT_ACTIONS)[]).filter(
  (action) => AUDIT_ACTIONS[action].shownToResidents,
);

/**
 * Documents staff may accept at the counter to confirm that the applicant is the person
 * (本人確認書類, as in 住民基本台帳法第12条の2 and its ordinance): one photo document issued by a
 * public body, or two others. What was shown is recorded with the submission; never its number.
 */
export const IDENTITY_DOCUMENTS = [
  'individual-number-card',
  'driving-licence',
  'passport',
  'residence-card',
  'other-photo-id',
  'two-documents',
] as const;

export type IdentityDocument = (typeof IDENTITY_DOCUMENTS)[number];

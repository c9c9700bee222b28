export type { CertificateKind, CertificateOptionalItems } from './certificate-render.types';
export { type IssueCertificateInput, type IssuedCertificate, issueCertificate } from './issue-certificate';
export { renderCertificatePdf } from './render-certificate-pdf';

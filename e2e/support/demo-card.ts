import path from 'node:path';
import { bindCard, CARD_FILES, type IssuedCard, issueCard, systemActor } from '@madoguchi/core';
import type { Database } from '@madoguchi/db';

export interface DemoCard {
  readonly issued: IssuedCard;
  /** The two files a resident selects on /login. */
  readonly certificate: string;
  readonly key: string;
}

/** Issues a demo card from the dev CA in `caDir` into `outDir` and binds it to the resident. */
export async function issueBoundDemoCard(
  db: Database,
  caDir: string,
  outDir: string,
  lgCode: string,
  personId: string,
): Promise<DemoCard> {
  const issued = await issueCard(caDir, { outDir });
  await bindCard(db, systemActor('e2e'), { lgCode, issuer: issued.issuer, serialHex: issued.serialHex, personId });
  return {
    issued,
    certificate: path.join(outDir, CARD_FILES.certificate),
    key: path.join(outDir, CARD_FILES.privateKey),
  };
}

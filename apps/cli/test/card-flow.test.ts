import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTestTarget, type TestTarget } from '@madoguchi/db/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { madoguchi, serve } from './processes';

// The whole card flow with real processes: a dev CA, a demo card bound to a resident, the server
// trusting the CA, a challenge over HTTP, the CLI signing it as the card would, and the login.
describe('My Number card login, end to end', () => {
  let target: TestTarget;
  let dir: string;
  beforeEach(async () => {
    target = await createTestTarget();
    dir = await mkdtemp(path.join(tmpdir(), 'madoguchi-card-flow-'));
  });
  afterEach(async () => {
    await target.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('issues a demo card, logs in with it, and refuses it once revoked', { timeout: 120_000 }, async () => {
    const ca = path.join(dir, 'ca');
    const card = path.join(dir, 'card');
    expect((await madoguchi(['tenant', 'add', '--lg-code', '999997', '--name', 'デモ市', ...target.flags])).code).toBe(
      0,
    );
    expect((await madoguchi(['dev-ca', 'init', '--dir', ca])).code).toBe(0);
    const issued = await madoguchi([
      'dev-ca',
      'issue-card',
      '--dir',
      ca,
      '--lg-code',
      '999997',
      '--person-id',
      '000000000001',
      '--out',
      card,
      '--json',
      ...target.flags,
    ]);
    expect(issued.code).toBe(0);
    const { serialHex } = JSON.parse(issued.stdout);

    const login = async (base: string) => {
      const challenge = await fetch(new URL('/api/v1/auth/card/challenge', base), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ lgCode: '999997' }),
      }).then((r) => r.json() as Promise<{ challengeId: string; challenge: string }>);
      const signed = await madoguchi(['card', 'sign', '--card', card, '--challenge', challenge.challenge, '--json']);
      expect(signed.code).toBe(0);
      const { certificate, signature } = JSON.parse(signed.stdout);
      return fetch(new URL('/api/v1/auth/card/login', base), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ lgCode: '999997', challengeId: challenge.challengeId, certificate, signature }),
      });
    };
    const trust = ['--card-trust-anchor', path.join(ca, 'ca-cert.pem'), '--card-crl', path.join(ca, 'ca.crl.pem')];

    const first = await serve([...trust, ...target.flags]);
    const ok = await login(first.urls.app ?? '');
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ assuranceLevel: 3, subjectKind: 'resident' });
    first.child.kill('SIGTERM');
    await first.done;

    expect((await madoguchi(['dev-ca', 'revoke', '--dir', ca, '--serial', serialHex])).code).toBe(0);
    const second = await serve([...trust, ...target.flags]);
    const refused = await login(second.urls.app ?? '');
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('CARD_REVOKED');
    second.child.kill('SIGTERM');
    await second.done;
  });
});

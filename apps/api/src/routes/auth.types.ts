import { Type } from 'typebox';

export const LgCode = Type.String({ pattern: '^[0-9]{6}$', description: '地方公共団体コード' });

/** Against guessing: login attempts per time window from one address. */
export interface LoginRate {
  readonly max: number;
  readonly timeWindow: string;
}

export const CardChallengeRequest = Type.Object({ lgCode: LgCode }, { additionalProperties: false });

export const CardChallengeResponse = Type.Object(
  {
    challengeId: Type.String({ format: 'uuid' }),
    challenge: Type.String({ description: '32 random bytes, base64url: what the card signs' }),
    expiresAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
);

export const CardLoginRequest = Type.Object(
  {
    lgCode: LgCode,
    challengeId: Type.String({ maxLength: 64 }),
    certificate: Type.String({ maxLength: 16_384, description: "The card's user-authentication certificate, PEM" }),
    signature: Type.String({
      maxLength: 2_048,
      description: 'RSASSA-PKCS1-v1_5 SHA-256 over the challenge, base64url',
    }),
  },
  { additionalProperties: false },
);

export const SessionInfo = Type.Object(
  {
    lgCode: LgCode,
    subjectKind: Type.Union([Type.Literal('resident'), Type.Literal('staff')]),
    subjectId: Type.String({ description: "The account's own id: a resident's 宛名番号, a staff id" }),
    assuranceLevel: Type.Integer({ minimum: 1, maximum: 3 }),
    method: Type.String(),
    expiresAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
);

export {
  createSession,
  DEFAULT_IDLE_TIMEOUT_S,
  DEFAULT_MAX_AGE_S,
  endSession,
  requireAssurance,
  requireRecentAuthentication,
  resolveSession,
} from './session.service';
export {
  ASSURANCE_BY_METHOD,
  type AssuranceLevel,
  type IssuedSession,
  type NewSession,
  type Session,
} from './session.types';

export {
  type ChallengeKind,
  insertChallenge,
  lockChallenge,
  markChallengeUsed,
  recordChallengeAnswer,
} from './challenge.repository';

export {
  bindCard,
  type CardChallenge,
  type CompleteCardLoginInput,
  completeCardLogin,
  startCardLogin,
} from './card-login.service';

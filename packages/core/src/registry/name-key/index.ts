export { nameSearchKey } from './name-key';

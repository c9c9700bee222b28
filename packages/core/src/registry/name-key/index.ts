export { kanaSearchKey } from './kana-key';
export { nameSearchKey } from './name-key';

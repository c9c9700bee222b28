export { nameSearchKey } from './name-key';
export { kanaSearchKey } from './kana-key';

import type { Messages } from './messages';

// やさしい日本語: short sentences, everyday words, hard kanji written in hiragana (no furigana
// needed), and spaces between phrases (分かち書き) so each word is easy to find.
export const easyJa: Messages = {
  documentTitle: 'まどぐち（窓口）｜やくしょの てつづきを インターネットで',
  skipLink: 'ページの なかみへ すすむ',
  languageLabel: 'ことば',
  heading: 'やくしょの てつづきが インターネットで できます',
  intro:
    'まどぐちで、市や 町や 村の やくしょに もうしこみが できます。スマートフォンや パソコンで、いつでも つかえます。',
  tenantsHeading: 'まどぐちが つかえる 市・町・村',
  tenantsLoading: 'いま よみこんで います。すこし まって ください。',
  tenantsError: 'リストを よみこめませんでした。あとで もういちど やって ください。',
  tenantsRetry: 'もういちど よみこむ',
  tenantsEmpty: 'いまは まだ ありません。',
  lgCodeLabel: 'ばんごう',
  footerNavLabel: 'ほかの じょうほう',
  apiDocs: 'API の せつめい',
};

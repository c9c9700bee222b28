import type { Messages } from './messages';

export const ja: Messages = {
  documentTitle: '窓口 Madoguchi｜自治体の手続きをオンラインで',
  skipLink: '本文へ移動',
  languageLabel: '表示言語',
  heading: '自治体の手続きを、オンラインで',
  intro:
    '窓口（Madoguchi）は、自治体への申請や届出を、スマートフォンやパソコンからいつでも行えるようにするオープンソースのサービスです。',
  tenantsHeading: 'ご利用いただける自治体',
  tenantsLoading: '自治体の一覧を読み込んでいます…',
  tenantsError: '自治体の一覧を読み込めませんでした。時間をおいて、もう一度お試しください。',
  tenantsRetry: 'もう一度読み込む',
  tenantsEmpty: '現在、ご利用いただける自治体はありません。',
  lgCodeLabel: '地方公共団体コード',
  footerNavLabel: '関連情報',
  apiDocs: 'API ドキュメント',
};

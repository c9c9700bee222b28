import type { AssuranceLevel } from '../identity/session/session.types';
import type { Sensitivity } from './access.types';

/**
 * Every kind of personal data the service shows declares how sensitive it is and the weakest
 * login a resident may see it with (認印 / 銀行印 / 実印). Routes name the category they serve;
 * a test checks each resident route asks for at least the category's level.
 */
export interface DataCategory {
  readonly sensitivity: Sensitivity;
  readonly minimumAssurance: AssuranceLevel;
  readonly label: { readonly ja: string; readonly en: string };
}

export const DATA_CATEGORIES = {
  login: { sensitivity: 'personal', minimumAssurance: 1, label: { ja: 'ログイン', en: 'Login' } },
  contact: { sensitivity: 'personal', minimumAssurance: 2, label: { ja: '連絡先', en: 'Contact details' } },
  'card-certificate': {
    sensitivity: 'personal',
    minimumAssurance: 3,
    label: { ja: 'マイナンバーカードの証明書', en: 'Card certificate' },
  },
  'access-log': { sensitivity: 'personal', minimumAssurance: 2, label: { ja: '閲覧の記録', en: 'Access log' } },
  'basic-resident-record': {
    sensitivity: 'personal',
    minimumAssurance: 2,
    label: { ja: '住民票の記載事項', en: 'Resident record' },
  },
  'family-register-reference': {
    sensitivity: 'sensitive',
    minimumAssurance: 3,
    label: { ja: '本籍・筆頭者', en: 'Family register reference' },
  },
  'individual-number': {
    sensitivity: 'sensitive',
    minimumAssurance: 3,
    label: { ja: '個人番号', en: 'Individual number' },
  },
  tax: { sensitivity: 'sensitive', minimumAssurance: 3, label: { ja: '税情報', en: 'Tax' } },
  'support-measure': { sensitivity: 'special', minimumAssurance: 3, label: { ja: '支援措置', en: 'Support measure' } },
  welfare: { sensitivity: 'special', minimumAssurance: 3, label: { ja: '福祉', en: 'Welfare' } },
} as const satisfies Record<string, DataCategory>;

export type DataCategoryId = keyof typeof DATA_CATEGORIES;

import type { MailMessage } from './mailer';

/**
 * The login code e-mail: Japanese first, then one English line. It names no person and no
 * municipality account, only the code, so a message read by someone else reveals nothing more.
 */
export function loginCodeMessage(to: string, code: string, validMinutes: number): MailMessage {
  return {
    to,
    subject: 'ログイン確認コード / Login code',
    text: [
      `ログイン確認コード: ${code}`,
      '',
      `このコードを画面に入力してください。有効期限は${validMinutes}分です。`,
      'このコードを他の人に教えないでください。職員が電話などでコードを尋ねることはありません。',
      'お心当たりのない場合は、このメールを破棄してください。',
      '',
      `Your login code is ${code}. It is valid for ${validMinutes} minutes; if you did not ask for it, ignore this e-mail.`,
      '',
    ].join('\n'),
  };
}

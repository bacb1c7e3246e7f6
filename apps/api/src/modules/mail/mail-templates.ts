import type { LocaleCode } from '@compact-voices/contracts';

export type MailKind = 'verify-email' | 'password-reset' | 'account-exists' | 'notification';

export interface MailContent {
  subject: string;
  text: string;
}

interface Values {
  displayName: string;
  link: string;
  /** For 'notification': one line already in the reader's language (what was decided, the rule, the reason). */
  summary?: string;
}

type Template = (values: Values) => MailContent;

/**
 * Every mail in every shipped language. Plain text only: no HTML, no remote images, nothing to
 * track who opened what. Links carry their token in the URL fragment, which browsers never send to a server.
 */
export const MAIL_TEMPLATES: Record<MailKind, Record<LocaleCode, Template>> = {
  'verify-email': {
    en: ({ displayName, link }) => ({
      subject: 'Confirm your email address for Compact Voices',
      text: `Hello ${displayName},\n\nPlease confirm your email address by opening this link within 24 hours:\n\n${link}\n\nIf you did not sign up for Compact Voices, you can ignore this message.\n`,
    }),
    id: ({ displayName, link }) => ({
      subject: 'Konfirmasi alamat email Anda untuk Compact Voices',
      text: `Halo ${displayName},\n\nSilakan konfirmasi alamat email Anda dengan membuka tautan ini dalam 24 jam:\n\n${link}\n\nJika Anda tidak mendaftar di Compact Voices, abaikan pesan ini.\n`,
    }),
    ur: ({ displayName, link }) => ({
      subject: 'Compact Voices کے لیے اپنے ای میل پتے کی تصدیق کریں',
      text: `السلام علیکم ${displayName}،\n\nبراہ کرم 24 گھنٹوں کے اندر یہ لنک کھول کر اپنے ای میل پتے کی تصدیق کریں:\n\n${link}\n\nاگر آپ نے Compact Voices پر اکاؤنٹ نہیں بنایا تو اس پیغام کو نظر انداز کر دیں۔\n`,
    }),
  },
  'password-reset': {
    en: ({ displayName, link }) => ({
      subject: 'Reset your Compact Voices password',
      text: `Hello ${displayName},\n\nSomeone asked to reset the password of your Compact Voices account. To choose a new password, open this link within one hour:\n\n${link}\n\nIf it was not you, ignore this message: your password stays as it is.\n`,
    }),
    id: ({ displayName, link }) => ({
      subject: 'Atur ulang kata sandi Compact Voices Anda',
      text: `Halo ${displayName},\n\nSeseorang meminta pengaturan ulang kata sandi akun Compact Voices Anda. Untuk memilih kata sandi baru, buka tautan ini dalam satu jam:\n\n${link}\n\nJika itu bukan Anda, abaikan pesan ini: kata sandi Anda tidak berubah.\n`,
    }),
    ur: ({ displayName, link }) => ({
      subject: 'اپنا Compact Voices پاس ورڈ دوبارہ ترتیب دیں',
      text: `السلام علیکم ${displayName}،\n\nکسی نے آپ کے Compact Voices اکاؤنٹ کا پاس ورڈ دوبارہ ترتیب دینے کی درخواست کی ہے۔ نیا پاس ورڈ منتخب کرنے کے لیے ایک گھنٹے کے اندر یہ لنک کھولیں:\n\n${link}\n\nاگر یہ آپ نہیں تھے تو اس پیغام کو نظر انداز کریں: آپ کا پاس ورڈ نہیں بدلے گا۔\n`,
    }),
  },
  'account-exists': {
    en: ({ displayName, link }) => ({
      subject: 'Someone tried to sign up with your email address',
      text: `Hello ${displayName},\n\nSomeone tried to create a Compact Voices account with this email address, which already has an account. If it was you, sign in instead; if you forgot your password, you can reset it here:\n\n${link}\n\nIf it was not you, no action is needed.\n`,
    }),
    id: ({ displayName, link }) => ({
      subject: 'Seseorang mencoba mendaftar dengan alamat email Anda',
      text: `Halo ${displayName},\n\nSeseorang mencoba membuat akun Compact Voices dengan alamat email ini, yang sudah memiliki akun. Jika itu Anda, silakan masuk; jika Anda lupa kata sandi, Anda dapat mengaturnya ulang di sini:\n\n${link}\n\nJika itu bukan Anda, tidak perlu melakukan apa pun.\n`,
    }),
    ur: ({ displayName, link }) => ({
      subject: 'کسی نے آپ کے ای میل پتے سے اکاؤنٹ بنانے کی کوشش کی',
      text: `السلام علیکم ${displayName}،\n\nکسی نے اس ای میل پتے سے Compact Voices اکاؤنٹ بنانے کی کوشش کی، جس کا اکاؤنٹ پہلے سے موجود ہے۔ اگر یہ آپ تھے تو سائن اِن کریں؛ اگر آپ پاس ورڈ بھول گئے ہیں تو یہاں اسے دوبارہ ترتیب دے سکتے ہیں:\n\n${link}\n\nاگر یہ آپ نہیں تھے تو کچھ کرنے کی ضرورت نہیں۔\n`,
    }),
  },
  notification: {
    en: ({ displayName, link, summary }) => ({
      subject: 'Compact Voices: a moderation update for you',
      text: `Hello ${displayName},\n\n${summary ?? ''}\n\nThe details, and what you can do next (including an appeal), are in your notification centre:\n\n${link}\n`,
    }),
    id: ({ displayName, link, summary }) => ({
      subject: 'Compact Voices: pembaruan moderasi untuk Anda',
      text: `Halo ${displayName},\n\n${summary ?? ''}\n\nRinciannya, dan langkah yang dapat Anda ambil (termasuk banding), ada di pusat notifikasi Anda:\n\n${link}\n`,
    }),
    ur: ({ displayName, link, summary }) => ({
      subject: 'Compact Voices: آپ کے لیے نگرانی سے متعلق اطلاع',
      text: `السلام علیکم ${displayName}،\n\n${summary ?? ''}\n\nتفصیلات، اور آپ آگے کیا کر سکتے ہیں (بشمول اپیل)، آپ کے اطلاعات کے مرکز میں موجود ہیں:\n\n${link}\n`,
    }),
  },
};

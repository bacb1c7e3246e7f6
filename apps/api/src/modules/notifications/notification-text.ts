import type { LocaleCode, Notification } from '@compact-voices/contracts';

type Phrases = {
  decision: Record<'approve' | 'hide' | 'restore' | 'reject', string>;
  appeal: Record<'upheld' | 'overturned', string>;
  /** The outcome of an appeal of a sanction. */
  sanctionAppeal: Record<'upheld' | 'overturned', string>;
  sanction: string;
  /** A sanction in one round. */
  roundSanction: string;
  held: string;
  rule: string;
  reason: string;
};

/** One line per notification for mail, in the reader's language ({rule}, {until} filled in). */
const PHRASES: Record<LocaleCode, Phrases> = {
  en: {
    decision: {
      approve: 'Your comment was approved and is now published.',
      hide: 'Your comment was hidden by a moderator.',
      restore: 'Your comment was restored.',
      reject: 'Your comment was not published.',
    },
    appeal: {
      upheld: 'Your appeal was decided: the original decision stands.',
      overturned: 'Your appeal succeeded: the decision was overturned and your comment restored.',
    },
    sanctionAppeal: {
      upheld: 'Your appeal was decided: the suspension stands.',
      overturned: 'Your appeal succeeded: the suspension was lifted.',
    },
    sanction: 'Your account is suspended until {until}.',
    roundSanction: 'You cannot contribute to this consultation until {until}. You can appeal within 14 days.',
    held: 'Your comment is waiting for a moderator.',
    rule: 'Rule {rule}.',
    reason: 'Reason given: {reason}',
  },
  id: {
    decision: {
      approve: 'Komentar Anda disetujui dan kini diterbitkan.',
      hide: 'Komentar Anda disembunyikan oleh moderator.',
      restore: 'Komentar Anda dipulihkan.',
      reject: 'Komentar Anda tidak diterbitkan.',
    },
    appeal: {
      upheld: 'Banding Anda telah diputuskan: keputusan awal tetap berlaku.',
      overturned: 'Banding Anda berhasil: keputusan dibatalkan dan komentar Anda dipulihkan.',
    },
    sanctionAppeal: {
      upheld: 'Banding Anda telah diputuskan: penangguhan tetap berlaku.',
      overturned: 'Banding Anda berhasil: penangguhan dicabut.',
    },
    sanction: 'Akun Anda ditangguhkan hingga {until}.',
    roundSanction: 'Anda tidak dapat berkontribusi pada konsultasi ini hingga {until}. Anda dapat mengajukan banding dalam 14 hari.',
    held: 'Komentar Anda menunggu moderator.',
    rule: 'Aturan {rule}.',
    reason: 'Alasan yang diberikan: {reason}',
  },
  ur: {
    decision: {
      approve: 'آپ کا تبصرہ منظور ہو گیا اور اب شائع ہے۔',
      hide: 'ایک نگران نے آپ کا تبصرہ چھپا دیا ہے۔',
      restore: 'آپ کا تبصرہ بحال کر دیا گیا ہے۔',
      reject: 'آپ کا تبصرہ شائع نہیں کیا گیا۔',
    },
    appeal: {
      upheld: 'آپ کی اپیل کا فیصلہ ہو گیا: اصل فیصلہ برقرار ہے۔',
      overturned: 'آپ کی اپیل کامیاب رہی: فیصلہ واپس لے لیا گیا اور آپ کا تبصرہ بحال ہو گیا۔',
    },
    sanctionAppeal: {
      upheld: 'آپ کی اپیل کا فیصلہ ہو گیا: معطلی برقرار ہے۔',
      overturned: 'آپ کی اپیل کامیاب رہی: معطلی ختم کر دی گئی۔',
    },
    sanction: 'آپ کا اکاؤنٹ {until} تک معطل ہے۔',
    roundSanction: 'آپ {until} تک اس مشاورت میں حصہ نہیں لے سکتے۔ آپ 14 دن کے اندر اپیل کر سکتے ہیں۔',
    held: 'آپ کا تبصرہ نگران کا منتظر ہے۔',
    rule: 'قاعدہ {rule}۔',
    reason: 'بتائی گئی وجہ: {reason}',
  },
};

export function notificationSummary(notification: Notification, locale: LocaleCode): string {
  const phrases = PHRASES[locale];
  const parts: string[] = [];
  switch (notification.kind) {
    case 'moderation.decision':
      if (notification.action) parts.push(phrases.decision[notification.action]);
      break;
    case 'appeal.outcome':
      if (notification.outcome) parts.push((notification.sanctionId ? phrases.sanctionAppeal : phrases.appeal)[notification.outcome]);
      break;
    case 'sanction':
      parts.push(
        (notification.consultationId ? phrases.roundSanction : phrases.sanction).replace(
          '{until}',
          notification.until ? notification.until.slice(0, 10) : '',
        ),
      );
      break;
    case 'comment.held':
      parts.push(phrases.held);
      break;
  }
  if (notification.ruleCode && notification.kind !== 'comment.held') {
    parts.push(
      phrases.rule.replace(
        '{rule}',
        notification.ruleTitle ? `${notification.ruleCode} (${notification.ruleTitle})` : notification.ruleCode,
      ),
    );
  }
  if (notification.reason) parts.push(phrases.reason.replace('{reason}', notification.reason));
  return parts.join(' ');
}

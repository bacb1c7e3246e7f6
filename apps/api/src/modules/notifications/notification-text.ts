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
  ne: {
    decision: {
      approve: 'तपाईंको टिप्पणी स्वीकृत गरियो र अहिले प्रकाशित छ।',
      hide: 'मोडरेटरले तपाईंको टिप्पणी लुकाएको छ।',
      restore: 'तपाईंको टिप्पणी पुनर्स्थापित गरियो।',
      reject: 'तपाईंको टिप्पणी प्रकाशित गरिएन।',
    },
    appeal: {
      upheld: 'तपाईंको पुनरावेदनमा निर्णय भयो: मूल निर्णय कायम रह्यो।',
      overturned: 'तपाईंको पुनरावेदन सफल भयो: निर्णय उल्टियो र तपाईंको टिप्पणी पुनर्स्थापित गरियो।',
    },
    sanctionAppeal: {
      upheld: 'तपाईंको पुनरावेदनमा निर्णय भयो: निलम्बन कायम रह्यो।',
      overturned: 'तपाईंको पुनरावेदन सफल भयो: निलम्बन हटाइयो।',
    },
    sanction: 'तपाईंको खाता {until} सम्म निलम्बित छ।',
    roundSanction: 'तपाईं {until} सम्म यो परामर्शमा योगदान गर्न सक्नुहुन्न। तपाईं 14 दिनभित्र पुनरावेदन गर्न सक्नुहुन्छ।',
    held: 'तपाईंको टिप्पणी मोडरेटरको प्रतीक्षामा छ।',
    rule: 'नियम {rule}।',
    reason: 'दिइएको कारण: {reason}',
  },
  bn: {
    decision: {
      approve: 'আপনার মন্তব্য অনুমোদিত হয়েছে এবং এখন প্রকাশিত।',
      hide: 'একজন মডারেটর আপনার মন্তব্য লুকিয়ে রেখেছেন।',
      restore: 'আপনার মন্তব্য পুনর্বহাল করা হয়েছে।',
      reject: 'আপনার মন্তব্য প্রকাশ করা হয়নি।',
    },
    appeal: {
      upheld: 'আপনার আপিলের সিদ্ধান্ত হয়েছে: মূল সিদ্ধান্তটি বহাল থাকছে।',
      overturned: 'আপনার আপিল সফল হয়েছে: সিদ্ধান্তটি উল্টে দেওয়া হয়েছে এবং আপনার মন্তব্য পুনর্বহাল করা হয়েছে।',
    },
    sanctionAppeal: {
      upheld: 'আপনার আপিলের সিদ্ধান্ত হয়েছে: স্থগিতাদেশ বহাল থাকছে।',
      overturned: 'আপনার আপিল সফল হয়েছে: স্থগিতাদেশ তুলে নেওয়া হয়েছে।',
    },
    sanction: '{until} পর্যন্ত আপনার অ্যাকাউন্ট স্থগিত করা হয়েছে।',
    roundSanction: '{until} পর্যন্ত আপনি এই পরামর্শে অংশ নিতে পারবেন না। আপনি ১৪ দিনের মধ্যে আপিল করতে পারেন।',
    held: 'আপনার মন্তব্য একজন মডারেটরের অপেক্ষায় আছে।',
    rule: 'নিয়ম {rule}।',
    reason: 'জানানো কারণ: {reason}',
  },
  fil: {
    decision: {
      approve: 'Inaprubahan ang iyong komento at naka-publish na ito.',
      hide: 'Itinago ng isang moderator ang iyong komento.',
      restore: 'Ibinalik ang iyong komento.',
      reject: 'Hindi nai-publish ang iyong komento.',
    },
    appeal: {
      upheld: 'Napagpasyahan na ang iyong apela: nananatili ang orihinal na desisyon.',
      overturned: 'Nagtagumpay ang iyong apela: binaliktad ang desisyon at ibinalik ang iyong komento.',
    },
    sanctionAppeal: {
      upheld: 'Napagpasyahan na ang iyong apela: nananatili ang suspensyon.',
      overturned: 'Nagtagumpay ang iyong apela: inalis na ang suspensyon.',
    },
    sanction: 'Suspendido ang iyong account hanggang {until}.',
    roundSanction: 'Hindi ka makapag-aambag sa konsultasyong ito hanggang {until}. Puwede kang mag-apela sa loob ng 14 na araw.',
    held: 'Naghihintay ng moderator ang iyong komento.',
    rule: 'Ayon sa patakarang {rule}.',
    reason: 'Ibinigay na dahilan: {reason}',
  },
  th: {
    decision: {
      approve: 'ความคิดเห็นของคุณได้รับการอนุมัติและเผยแพร่แล้ว',
      hide: 'ผู้กลั่นกรองเนื้อหาซ่อนความคิดเห็นของคุณแล้ว',
      restore: 'ความคิดเห็นของคุณได้รับการคืนสถานะแล้ว',
      reject: 'ความคิดเห็นของคุณไม่ได้รับการเผยแพร่',
    },
    appeal: {
      upheld: 'คำอุทธรณ์ของคุณได้รับการวินิจฉัยแล้ว: คำวินิจฉัยเดิมยังมีผล',
      overturned: 'คำอุทธรณ์ของคุณได้รับการยอมรับ: คำวินิจฉัยถูกเพิกถอนและความคิดเห็นของคุณได้รับการคืนสถานะแล้ว',
    },
    sanctionAppeal: {
      upheld: 'คำอุทธรณ์ของคุณได้รับการวินิจฉัยแล้ว: การระงับบัญชียังมีผล',
      overturned: 'คำอุทธรณ์ของคุณได้รับการยอมรับ: ยกเลิกการระงับบัญชีแล้ว',
    },
    sanction: 'บัญชีของคุณถูกระงับจนถึง {until}',
    roundSanction: 'คุณร่วมแสดงความคิดเห็นในการรับฟังความคิดเห็นนี้ไม่ได้จนถึง {until} คุณอุทธรณ์ได้ภายใน 14 วัน',
    held: 'ความคิดเห็นของคุณกำลังรอผู้กลั่นกรองเนื้อหาตรวจสอบ',
    rule: 'กติกาข้อ {rule}',
    reason: 'เหตุผลที่ให้ไว้: {reason}',
  },
  vi: {
    decision: {
      approve: 'Bình luận của bạn đã được chấp thuận và hiện đã được đăng.',
      hide: 'Bình luận của bạn đã bị người kiểm duyệt ẩn.',
      restore: 'Bình luận của bạn đã được khôi phục.',
      reject: 'Bình luận của bạn không được đăng.',
    },
    appeal: {
      upheld: 'Khiếu nại của bạn đã được giải quyết: quyết định ban đầu vẫn có hiệu lực.',
      overturned: 'Khiếu nại của bạn đã thành công: quyết định đã bị hủy bỏ và bình luận của bạn đã được khôi phục.',
    },
    sanctionAppeal: {
      upheld: 'Khiếu nại của bạn đã được giải quyết: việc tạm khóa vẫn có hiệu lực.',
      overturned: 'Khiếu nại của bạn đã thành công: việc tạm khóa đã được gỡ bỏ.',
    },
    sanction: 'Tài khoản của bạn bị tạm khóa đến {until}.',
    roundSanction: 'Bạn không thể đóng góp cho đợt tham vấn này cho đến {until}. Bạn có thể khiếu nại trong vòng 14 ngày.',
    held: 'Bình luận của bạn đang chờ người kiểm duyệt.',
    rule: 'Điều {rule} của nội quy.',
    reason: 'Lý do đưa ra: {reason}',
  },
  zh: {
    decision: {
      approve: '您的评论已获批准，现已发布。',
      hide: '审核员隐藏了您的评论。',
      restore: '您的评论已恢复。',
      reject: '您的评论未予发布。',
    },
    appeal: {
      upheld: '您的申诉已有裁决：维持原决定。',
      overturned: '您的申诉成功：原决定已撤销，您的评论已恢复。',
    },
    sanctionAppeal: {
      upheld: '您的申诉已有裁决：维持账号暂停。',
      overturned: '您的申诉成功：账号暂停已解除。',
    },
    sanction: '您的账号已被暂停，直至 {until}。',
    roundSanction: '在 {until} 之前，您无法参与本次磋商。您可以在14天内申诉。',
    held: '您的评论正在等待审核员审核。',
    rule: '依据规则 {rule}。',
    reason: '给出的理由：{reason}',
  },
  hi: {
    decision: {
      approve: 'आपकी टिप्पणी मंज़ूर कर ली गई है और अब प्रकाशित है।',
      hide: 'एक मॉडरेटर ने आपकी टिप्पणी छिपा दी है।',
      restore: 'आपकी टिप्पणी बहाल कर दी गई है।',
      reject: 'आपकी टिप्पणी प्रकाशित नहीं की गई।',
    },
    appeal: {
      upheld: 'आपकी अपील पर फ़ैसला हो गया: मूल फ़ैसला कायम है।',
      overturned: 'आपकी अपील सफल रही: फ़ैसला पलट दिया गया और आपकी टिप्पणी बहाल कर दी गई।',
    },
    sanctionAppeal: {
      upheld: 'आपकी अपील पर फ़ैसला हो गया: निलंबन कायम है।',
      overturned: 'आपकी अपील सफल रही: निलंबन हटा दिया गया।',
    },
    sanction: 'आपका खाता {until} तक निलंबित है।',
    roundSanction: 'आप {until} तक इस परामर्श में योगदान नहीं दे सकते। आप 14 दिनों के भीतर अपील कर सकते हैं।',
    held: 'आपकी टिप्पणी किसी मॉडरेटर का इंतज़ार कर रही है।',
    rule: 'नियम {rule}।',
    reason: 'बताया गया कारण: {reason}',
  },
  ar: {
    decision: {
      approve: 'تمت الموافقة على تعليقك وهو منشور الآن.',
      hide: 'أخفى أحد المشرفين تعليقك.',
      restore: 'استُعيد تعليقك.',
      reject: 'لم يُنشر تعليقك.',
    },
    appeal: {
      upheld: 'صدر قرار بشأن طعنك: يبقى القرار الأصلي قائمًا.',
      overturned: 'قُبل طعنك: أُلغي القرار واستُعيد تعليقك.',
    },
    sanctionAppeal: {
      upheld: 'صدر قرار بشأن طعنك: يبقى الإيقاف قائمًا.',
      overturned: 'قُبل طعنك: رُفع الإيقاف.',
    },
    sanction: 'حسابك موقوف حتى {until}.',
    roundSanction: 'لا يمكنك المساهمة في هذه المشاورة حتى {until}. يمكنك الطعن خلال 14 يومًا.',
    held: 'تعليقك في انتظار مشرف.',
    rule: 'القاعدة {rule}.',
    reason: 'السبب المذكور: {reason}',
  },
  ru: {
    decision: {
      approve: 'Ваш комментарий одобрен и опубликован.',
      hide: 'Ваш комментарий скрыт модератором.',
      restore: 'Ваш комментарий восстановлен.',
      reject: 'Ваш комментарий не опубликован.',
    },
    appeal: {
      upheld: 'По вашей апелляции принято решение: первоначальное решение остаётся в силе.',
      overturned: 'Ваша апелляция удовлетворена: решение отменено, а ваш комментарий восстановлен.',
    },
    sanctionAppeal: {
      upheld: 'По вашей апелляции принято решение: блокировка остаётся в силе.',
      overturned: 'Ваша апелляция удовлетворена: блокировка снята.',
    },
    sanction: 'Ваша учётная запись заблокирована до {until}.',
    roundSanction: 'Вы не можете участвовать в этой консультации до {until}. Вы можете подать апелляцию в течение 14 дней.',
    held: 'Ваш комментарий ждёт проверки модератором.',
    rule: 'Правило {rule}.',
    reason: 'Указанная причина: {reason}',
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

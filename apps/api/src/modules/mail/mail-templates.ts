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
    ne: ({ displayName, link }) => ({
      subject: 'Compact Voices का लागि आफ्नो इमेल ठेगाना पुष्टि गर्नुहोस्',
      text: `नमस्ते ${displayName},\n\nकृपया 24 घण्टाभित्र यो लिङ्क खोलेर आफ्नो इमेल ठेगाना पुष्टि गर्नुहोस्:\n\n${link}\n\nतपाईंले Compact Voices मा खाता खोल्नुभएको छैन भने, यो सन्देशलाई बेवास्ता गर्न सक्नुहुन्छ।\n`,
    }),
    bn: ({ displayName, link }) => ({
      subject: 'Compact Voices-এর জন্য আপনার ইমেইল ঠিকানা নিশ্চিত করুন',
      text: `প্রিয় ${displayName},\n\nঅনুগ্রহ করে ২৪ ঘণ্টার মধ্যে এই লিংকটি খুলে আপনার ইমেইল ঠিকানা নিশ্চিত করুন:\n\n${link}\n\nআপনি যদি Compact Voices-এ অ্যাকাউন্ট না খুলে থাকেন, তাহলে এই বার্তাটি উপেক্ষা করতে পারেন।\n`,
    }),
    fil: ({ displayName, link }) => ({
      subject: 'Kumpirmahin ang iyong email address para sa Compact Voices',
      text: `Magandang araw, ${displayName},\n\nPakikumpirma ang iyong email address sa pamamagitan ng pagbukas ng link na ito sa loob ng 24 na oras:\n\n${link}\n\nKung hindi ka gumawa ng account sa Compact Voices, huwag mo nang pansinin ang mensaheng ito.\n`,
    }),
    th: ({ displayName, link }) => ({
      subject: 'ยืนยันอีเมลของคุณสำหรับ Compact Voices',
      text: `สวัสดี ${displayName}\n\nโปรดยืนยันอีเมลของคุณโดยเปิดลิงก์นี้ภายใน 24 ชั่วโมง:\n\n${link}\n\nหากคุณไม่ได้สร้างบัญชีกับ Compact Voices คุณเพิกเฉยต่อข้อความนี้ได้\n`,
    }),
    vi: ({ displayName, link }) => ({
      subject: 'Xác nhận địa chỉ email của bạn cho Compact Voices',
      text: `Xin chào ${displayName},\n\nVui lòng xác nhận địa chỉ email của bạn bằng cách mở đường liên kết này trong vòng 24 giờ:\n\n${link}\n\nNếu bạn không tạo tài khoản trên Compact Voices, bạn có thể bỏ qua thư này.\n`,
    }),
    zh: ({ displayName, link }) => ({
      subject: 'Compact Voices：请确认您的电子邮箱地址',
      text: `${displayName}，您好：\n\n请在 24 小时内打开以下链接，确认您的电子邮箱地址：\n\n${link}\n\n如果您没有在 Compact Voices 创建账号，请忽略此邮件。\n`,
    }),
    hi: ({ displayName, link }) => ({
      subject: 'Compact Voices के लिए अपने ईमेल पते की पुष्टि करें',
      text: `नमस्ते ${displayName},\n\nकृपया 24 घंटे के भीतर यह लिंक खोलकर अपने ईमेल पते की पुष्टि करें:\n\n${link}\n\nअगर आपने Compact Voices पर खाता नहीं बनाया है, तो आप इस संदेश को अनदेखा कर सकते हैं।\n`,
    }),
    ar: ({ displayName, link }) => ({
      subject: 'أكّد عنوان بريدك الإلكتروني في Compact Voices',
      text: `مرحبًا ${displayName}،\n\nيُرجى تأكيد عنوان بريدك الإلكتروني بفتح هذا الرابط خلال 24 ساعة:\n\n${link}\n\nإذا لم تُنشئ حسابًا في Compact Voices، فيمكنك تجاهل هذه الرسالة.\n`,
    }),
    ru: ({ displayName, link }) => ({
      subject: 'Подтвердите адрес электронной почты для Compact Voices',
      text: `Здравствуйте, ${displayName}!\n\nПожалуйста, подтвердите свой адрес электронной почты, открыв эту ссылку в течение 24 часов:\n\n${link}\n\nЕсли вы не создавали учётную запись в Compact Voices, можете проигнорировать это письмо.\n`,
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
    ne: ({ displayName, link }) => ({
      subject: 'आफ्नो Compact Voices पासवर्ड रिसेट गर्नुहोस्',
      text: `नमस्ते ${displayName},\n\nकसैले तपाईंको Compact Voices खाताको पासवर्ड रिसेट गर्न अनुरोध गरेको छ। नयाँ पासवर्ड छान्न एक घण्टाभित्र यो लिङ्क खोल्नुहोस्:\n\n${link}\n\nयो अनुरोध तपाईंले गर्नुभएको होइन भने, यो सन्देशलाई बेवास्ता गर्नुहोस्: तपाईंको पासवर्ड जस्ताको तस्तै रहन्छ।\n`,
    }),
    bn: ({ displayName, link }) => ({
      subject: 'আপনার Compact Voices পাসওয়ার্ড রিসেট করুন',
      text: `প্রিয় ${displayName},\n\nকেউ আপনার Compact Voices অ্যাকাউন্টের পাসওয়ার্ড রিসেট করার অনুরোধ করেছেন। নতুন পাসওয়ার্ড বেছে নিতে এক ঘণ্টার মধ্যে এই লিংকটি খুলুন:\n\n${link}\n\nঅনুরোধটি আপনি না করে থাকলে এই বার্তাটি উপেক্ষা করুন: আপনার পাসওয়ার্ড যেমন আছে তেমনই থাকবে।\n`,
    }),
    fil: ({ displayName, link }) => ({
      subject: 'I-reset ang iyong password sa Compact Voices',
      text: `Magandang araw, ${displayName},\n\nMay humiling na i-reset ang password ng iyong Compact Voices account. Para pumili ng bagong password, buksan ang link na ito sa loob ng isang oras:\n\n${link}\n\nKung hindi ikaw ito, huwag pansinin ang mensaheng ito: hindi magbabago ang iyong password.\n`,
    }),
    th: ({ displayName, link }) => ({
      subject: 'รีเซ็ตรหัสผ่าน Compact Voices ของคุณ',
      text: `สวัสดี ${displayName}\n\nมีผู้ขอรีเซ็ตรหัสผ่านของบัญชี Compact Voices ของคุณ หากต้องการตั้งรหัสผ่านใหม่ โปรดเปิดลิงก์นี้ภายในหนึ่งชั่วโมง:\n\n${link}\n\nหากไม่ใช่คุณ โปรดเพิกเฉยต่อข้อความนี้ รหัสผ่านของคุณจะยังคงเหมือนเดิม\n`,
    }),
    vi: ({ displayName, link }) => ({
      subject: 'Đặt lại mật khẩu Compact Voices của bạn',
      text: `Xin chào ${displayName},\n\nCó người đã yêu cầu đặt lại mật khẩu cho tài khoản Compact Voices của bạn. Để chọn mật khẩu mới, hãy mở đường liên kết này trong vòng một giờ:\n\n${link}\n\nNếu không phải bạn, hãy bỏ qua thư này: mật khẩu của bạn vẫn giữ nguyên.\n`,
    }),
    zh: ({ displayName, link }) => ({
      subject: '重置您的 Compact Voices 密码',
      text: `${displayName}，您好：\n\n有人申请重置您的 Compact Voices 账号密码。如需设置新密码，请在一小时内打开以下链接：\n\n${link}\n\n如果这不是您本人的操作，请忽略此邮件：您的密码不会改变。\n`,
    }),
    hi: ({ displayName, link }) => ({
      subject: 'अपना Compact Voices पासवर्ड रीसेट करें',
      text: `नमस्ते ${displayName},\n\nकिसी ने आपके Compact Voices खाते का पासवर्ड रीसेट करने का अनुरोध किया है। नया पासवर्ड चुनने के लिए एक घंटे के भीतर यह लिंक खोलें:\n\n${link}\n\nअगर यह अनुरोध आपने नहीं किया था, तो इस संदेश को अनदेखा करें: आपका पासवर्ड जैसा है वैसा ही रहेगा।\n`,
    }),
    ar: ({ displayName, link }) => ({
      subject: 'إعادة تعيين كلمة مرورك في Compact Voices',
      text: `مرحبًا ${displayName}،\n\nطلب أحدهم إعادة تعيين كلمة مرور حسابك في Compact Voices. لاختيار كلمة مرور جديدة، افتح هذا الرابط خلال ساعة واحدة:\n\n${link}\n\nإذا لم تكن أنت من طلب ذلك، فتجاهل هذه الرسالة: ستبقى كلمة مرورك كما هي.\n`,
    }),
    ru: ({ displayName, link }) => ({
      subject: 'Сброс пароля Compact Voices',
      text: `Здравствуйте, ${displayName}!\n\nКто-то запросил сброс пароля вашей учётной записи Compact Voices. Чтобы выбрать новый пароль, откройте эту ссылку в течение часа:\n\n${link}\n\nЕсли это были не вы, проигнорируйте это письмо: ваш пароль останется прежним.\n`,
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
    ne: ({ displayName, link }) => ({
      subject: 'कसैले तपाईंको इमेल ठेगानाबाट खाता खोल्ने प्रयास गरेको छ',
      text: `नमस्ते ${displayName},\n\nकसैले यो इमेल ठेगानाबाट Compact Voices खाता खोल्ने प्रयास गरेको छ, तर यो ठेगानामा पहिले नै खाता छ। यो प्रयास तपाईंले नै गर्नुभएको हो भने, बरु साइन इन गर्नुहोस्; पासवर्ड बिर्सनुभएको छ भने, यहाँ रिसेट गर्न सक्नुहुन्छ:\n\n${link}\n\nतपाईंले गर्नुभएको होइन भने, केही गर्नुपर्दैन।\n`,
    }),
    bn: ({ displayName, link }) => ({
      subject: 'কেউ আপনার ইমেইল ঠিকানা দিয়ে অ্যাকাউন্ট খোলার চেষ্টা করেছেন',
      text: `প্রিয় ${displayName},\n\nকেউ এই ইমেইল ঠিকানা দিয়ে একটি Compact Voices অ্যাকাউন্ট খোলার চেষ্টা করেছেন, কিন্তু এই ঠিকানায় আগে থেকেই একটি অ্যাকাউন্ট আছে। এটি আপনি হলে নতুন অ্যাকাউন্ট না খুলে সাইন ইন করুন; পাসওয়ার্ড ভুলে গিয়ে থাকলে এখানে রিসেট করতে পারেন:\n\n${link}\n\nএটি আপনি না হলে কিছুই করতে হবে না।\n`,
    }),
    fil: ({ displayName, link }) => ({
      subject: 'May sumubok na gumawa ng account gamit ang iyong email address',
      text: `Magandang araw, ${displayName},\n\nMay sumubok na gumawa ng Compact Voices account gamit ang email address na ito, na may account na. Kung ikaw iyon, mag-log in na lang; kung nakalimutan mo ang iyong password, puwede mo itong i-reset dito:\n\n${link}\n\nKung hindi ikaw iyon, wala kang kailangang gawin.\n`,
    }),
    th: ({ displayName, link }) => ({
      subject: 'มีผู้พยายามสร้างบัญชีด้วยอีเมลของคุณ',
      text: `สวัสดี ${displayName}\n\nมีผู้พยายามสร้างบัญชี Compact Voices ด้วยอีเมลนี้ ซึ่งมีบัญชีอยู่แล้ว หากเป็นคุณ โปรดเข้าสู่ระบบแทน หากคุณลืมรหัสผ่าน คุณรีเซ็ตได้ที่นี่:\n\n${link}\n\nหากไม่ใช่คุณ ก็ไม่ต้องดำเนินการใด ๆ\n`,
    }),
    vi: ({ displayName, link }) => ({
      subject: 'Có người đã thử tạo tài khoản bằng địa chỉ email của bạn',
      text: `Xin chào ${displayName},\n\nCó người đã thử tạo tài khoản Compact Voices bằng địa chỉ email này, trong khi địa chỉ này đã có tài khoản. Nếu đó là bạn, hãy đăng nhập; nếu bạn quên mật khẩu, bạn có thể đặt lại tại đây:\n\n${link}\n\nNếu không phải bạn, bạn không cần làm gì cả.\n`,
    }),
    zh: ({ displayName, link }) => ({
      subject: '有人尝试用您的电子邮箱地址创建账号',
      text: `${displayName}，您好：\n\n有人尝试用此电子邮箱地址创建 Compact Voices 账号，但该地址已有账号。如果是您本人，请直接登录；如果您忘记了密码，可以在此重置：\n\n${link}\n\n如果不是您本人，无需采取任何行动。\n`,
    }),
    hi: ({ displayName, link }) => ({
      subject: 'किसी ने आपके ईमेल पते से खाता बनाने की कोशिश की',
      text: `नमस्ते ${displayName},\n\nकिसी ने इस ईमेल पते से Compact Voices खाता बनाने की कोशिश की, जबकि इस पते से पहले से एक खाता है। अगर यह आप थे, तो इसके बजाय साइन इन करें; अगर आप अपना पासवर्ड भूल गए हैं, तो उसे यहाँ रीसेट कर सकते हैं:\n\n${link}\n\nअगर यह आप नहीं थे, तो कुछ करने की ज़रूरत नहीं है।\n`,
    }),
    ar: ({ displayName, link }) => ({
      subject: 'حاول أحدهم إنشاء حساب بعنوان بريدك الإلكتروني',
      text: `مرحبًا ${displayName}،\n\nحاول أحدهم إنشاء حساب في Compact Voices بعنوان البريد الإلكتروني هذا، وله حساب بالفعل. إذا كنت أنت، فسجّل الدخول بدلًا من ذلك؛ وإذا نسيت كلمة المرور، فيمكنك إعادة تعيينها من هنا:\n\n${link}\n\nإذا لم تكن أنت، فلا يلزمك فعل أي شيء.\n`,
    }),
    ru: ({ displayName, link }) => ({
      subject: 'Кто-то пытался зарегистрироваться с вашим адресом электронной почты',
      text: `Здравствуйте, ${displayName}!\n\nКто-то пытался создать учётную запись Compact Voices с этим адресом электронной почты, но на него уже есть учётная запись. Если это были вы, просто войдите; если вы забыли пароль, его можно сбросить здесь:\n\n${link}\n\nЕсли это были не вы, ничего делать не нужно.\n`,
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
    ne: ({ displayName, link, summary }) => ({
      subject: 'Compact Voices: तपाईंका लागि मोडरेसनसम्बन्धी सूचना',
      text: `नमस्ते ${displayName},\n\n${summary ?? ''}\n\nविवरण, र तपाईंले अब के गर्न सक्नुहुन्छ (पुनरावेदनसमेत), तपाईंका सूचनाहरूमा छन्:\n\n${link}\n`,
    }),
    bn: ({ displayName, link, summary }) => ({
      subject: 'Compact Voices: আপনার জন্য মডারেশন বিষয়ক একটি আপডেট',
      text: `প্রিয় ${displayName},\n\n${summary ?? ''}\n\nবিস্তারিত তথ্য, এবং এরপর আপনি কী করতে পারেন (আপিলসহ), তা আপনার নোটিফিকেশনে আছে:\n\n${link}\n`,
    }),
    fil: ({ displayName, link, summary }) => ({
      subject: 'Compact Voices: may update sa moderasyon para sa iyo',
      text: `Magandang araw, ${displayName},\n\n${summary ?? ''}\n\nNasa iyong mga abiso ang mga detalye, at kung ano ang puwede mong gawin (kasama ang pag-apela):\n\n${link}\n`,
    }),
    th: ({ displayName, link, summary }) => ({
      subject: 'Compact Voices: ข้อมูลอัปเดตเกี่ยวกับการกลั่นกรองเนื้อหาสำหรับคุณ',
      text: `สวัสดี ${displayName}\n\n${summary ?? ''}\n\nรายละเอียดและสิ่งที่คุณทำต่อได้ (รวมถึงการอุทธรณ์) อยู่ในการแจ้งเตือนของคุณ:\n\n${link}\n`,
    }),
    vi: ({ displayName, link, summary }) => ({
      subject: 'Compact Voices: cập nhật kiểm duyệt dành cho bạn',
      text: `Xin chào ${displayName},\n\n${summary ?? ''}\n\nThông tin chi tiết và những việc bạn có thể làm tiếp theo (kể cả khiếu nại) có trong phần thông báo của bạn:\n\n${link}\n`,
    }),
    zh: ({ displayName, link, summary }) => ({
      subject: 'Compact Voices：您有一条审核通知',
      text: `${displayName}，您好：\n\n${summary ?? ''}\n\n详细信息以及您接下来可以采取的措施（包括申诉），请查看您的通知：\n\n${link}\n`,
    }),
    hi: ({ displayName, link, summary }) => ({
      subject: 'Compact Voices: आपके लिए मॉडरेशन से जुड़ी जानकारी',
      text: `नमस्ते ${displayName},\n\n${summary ?? ''}\n\nपूरी जानकारी, और आप आगे क्या कर सकते हैं (अपील सहित), आपकी सूचनाओं में है:\n\n${link}\n`,
    }),
    ar: ({ displayName, link, summary }) => ({
      subject: 'Compact Voices: مستجدات بشأن الإشراف تخصّك',
      text: `مرحبًا ${displayName}،\n\n${summary ?? ''}\n\nتجد التفاصيل، وما يمكنك فعله بعد ذلك (بما في ذلك تقديم طعن)، في إشعاراتك:\n\n${link}\n`,
    }),
    ru: ({ displayName, link, summary }) => ({
      subject: 'Compact Voices: уведомление о модерации',
      text: `Здравствуйте, ${displayName}!\n\n${summary ?? ''}\n\nПодробности и то, что вы можете сделать дальше (в том числе подать апелляцию), — в ваших уведомлениях:\n\n${link}\n`,
    }),
  },
};

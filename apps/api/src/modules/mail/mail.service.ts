import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Injectable, Logger } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { isLocaleCode, type LocaleCode } from '@compact-voices/contracts';
import { AppConfig } from '../../config/app-config.js';
import { MAIL_TEMPLATES, type MailKind } from './mail-templates.js';

export interface OutgoingMail {
  to: string;
  kind: MailKind;
  locale: string;
  displayName: string;
  link: string;
  summary?: string;
}

/**
 * SMTP when SMTP_URL is set; otherwise each message is written as an .eml file under
 * <DATA_DIR>/outbox/ so a person (or a test) can follow its link. The log line names the kind of
 * mail and the file, never the address or the link (which holds a token).
 */
@Injectable()
export class MailService {
  private readonly logger = new Logger(MailService.name);
  private readonly transport: Transporter;
  private readonly outbox: string | undefined;

  constructor(private readonly config: AppConfig) {
    if (config.mail.smtpUrl) {
      this.transport = nodemailer.createTransport(config.mail.smtpUrl);
    } else {
      this.transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
      this.outbox = join(config.dataDir, 'outbox');
    }
  }

  async send(mail: OutgoingMail): Promise<void> {
    const locale: LocaleCode = isLocaleCode(mail.locale) ? mail.locale : 'en';
    const content = MAIL_TEMPLATES[mail.kind][locale]({ displayName: mail.displayName, link: mail.link, summary: mail.summary });
    const info = (await this.transport.sendMail({
      from: this.config.mail.from,
      to: mail.to,
      subject: content.subject,
      text: content.text,
      headers: { 'Content-Language': locale },
    })) as { message?: Buffer; messageId?: string };
    if (this.outbox && info.message) {
      await mkdir(this.outbox, { recursive: true });
      const file = `${new Date().toISOString().replace(/[:.]/g, '-')}-${mail.kind}-${randomUUID().slice(0, 8)}.eml`;
      await writeFile(join(this.outbox, file), info.message, { mode: 0o600 });
      this.logger.log({ kind: mail.kind, file }, 'mail written to outbox');
    } else {
      this.logger.log({ kind: mail.kind }, 'mail sent');
    }
  }
}

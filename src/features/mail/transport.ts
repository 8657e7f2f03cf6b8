import nodemailer from 'nodemailer';

export type Transport = ReturnType<typeof nodemailer.createTransport>;

/** The SMTP transport for SMTP_URL (smtp://user:pass@host:port; smtps:// for implicit TLS). */
export function createTransport(smtpUrl: string): Transport {
  return nodemailer.createTransport(smtpUrl);
}

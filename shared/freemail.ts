// Consumer mailbox providers: an address here says nothing about the person's company.
export const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  'gmail.com', 'googlemail.com', 'yahoo.com', 'yahoo.co.uk', 'yahoo.fr', 'yahoo.de', 'ymail.com',
  'hotmail.com', 'hotmail.co.uk', 'hotmail.fr', 'outlook.com', 'live.com', 'msn.com', 'aol.com',
  'icloud.com', 'me.com', 'mac.com', 'proton.me', 'protonmail.com', 'pm.me', 'gmx.com', 'gmx.de',
  'gmx.net', 'web.de', 'mail.com', 'yandex.ru', 'yandex.com', 'mail.ru', 'qq.com', '163.com',
  '126.com', 'zoho.com', 'fastmail.com', 'tutanota.com', 'hey.com', 'orange.fr', 'free.fr',
  'laposte.net', 'libero.it', 'btinternet.com', 'comcast.net', 'verizon.net', 'att.net',
]);

export const isFreeMailDomain = (domain: string | undefined): boolean =>
  domain !== undefined && FREE_MAIL_DOMAINS.has(domain.toLowerCase());

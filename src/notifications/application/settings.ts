/** The DeliveryPolicy the workers follow (from MAIL_MAX_ATTEMPTS and MAIL_RETRY_DELAY_MS). */
export const DELIVERY_POLICY = Symbol('DeliveryPolicy');
/** The MailStyle mails are written in (the business zone, the support contact, staff's default language). */
export const MAIL_STYLE = Symbol('MailStyle');

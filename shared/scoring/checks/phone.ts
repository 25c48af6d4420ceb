import { normalisePhone, type PhoneResult } from '../../normalize.ts';
import { memo } from './memo.ts';

/** A stored (E.164) phone number's validity, type and country. */
export const phoneFacts: (phone: string) => PhoneResult = memo((phone) => normalisePhone(phone));

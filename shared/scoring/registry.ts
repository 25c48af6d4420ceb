import type { ScoringRule } from './types.ts';
import { emailRule } from './rules/email.ts';
import { phoneRule } from './rules/phone.ts';
import { nameRule } from './rules/name.ts';
import { titleRule } from './rules/title.ts';
import { companyRule } from './rules/company.ts';
import { engagementRule } from './rules/engagement.ts';

/** Every scoring rule, once. A new rule is a file in rules/ and a line here. */
export const SCORING_RULES: readonly ScoringRule[] = [emailRule, phoneRule, nameRule, titleRule, companyRule, engagementRule];

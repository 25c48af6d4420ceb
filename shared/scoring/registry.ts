import type { ScoringRule } from './types.ts';
import { emailSyntaxRule } from './rules/email-syntax.ts';
import { emailDisposableRule } from './rules/email-disposable.ts';
import { emailRoleRule } from './rules/email-role.ts';
import { emailDomainRule } from './rules/email-domain.ts';
import { phoneValidityRule } from './rules/phone-validity.ts';
import { phoneTypeRule } from './rules/phone-type.ts';
import { nameRule } from './rules/name.ts';
import { titlePresentRule } from './rules/title-present.ts';
import { addressCompleteRule } from './rules/address-complete.ts';
import { addressPostcodeRule } from './rules/address-postcode.ts';
import { titleRule } from './rules/title.ts';
import { companyRule } from './rules/company.ts';
import { targetAccountRule } from './rules/target-account.ts';
import { industryRule } from './rules/industry.ts';
import { territoryRule } from './rules/territory.ts';
import { companySizeRule } from './rules/company-size.ts';
import { creditRule } from './rules/credit.ts';
import { engagementRule } from './rules/engagement.ts';

/** Every scoring rule, once. A new rule is a file in rules/ and a line here. */
export const SCORING_RULES: readonly ScoringRule[] = [
  // quality: verification of each contact field
  emailSyntaxRule,
  emailDisposableRule,
  emailRoleRule,
  emailDomainRule,
  phoneValidityRule,
  phoneTypeRule,
  nameRule,
  titlePresentRule,
  addressCompleteRule,
  addressPostcodeRule,
  // fit: the team's rules, with enrichment
  titleRule,
  companyRule,
  targetAccountRule,
  industryRule,
  territoryRule,
  companySizeRule,
  creditRule,
  // engagement
  engagementRule,
];

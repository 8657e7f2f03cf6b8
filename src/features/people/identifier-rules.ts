/**
 * The identifier rules of people, in one place and without a database: given the workspace's
 * identifier settings, the people holding the keys a write names (People), and the write — a Track
 * API or console identify, a CSV import row, a merge of people sharing an email — which person it
 * applies to, whether it creates, updates or is refused (and why), and what the person becomes.
 * writer.ts locks and loads the people, applies these in order and writes the result.
 *
 * One file a rule, in identifier-rules/: rule.ts (the settings and what a rule is), parse.ts (the
 * Track API's identifiers), identify.ts, import-rows.ts (CSV import rows) and merges.ts (people who
 * share an email; merge_customers). Import them from here.
 */

export {
  type IdentifyCall,
  type IdentifyOutcome,
  identify,
  namedBy,
  type Upsert,
} from './identifier-rules/identify.js';
export { type ImportOutcome, type ImportWrite, importRows } from './identifier-rules/import-rows.js';
export { type Merged, type MergeGroup, type MergePair, merge, mergePair } from './identifier-rules/merges.js';
export { namedIn, parseIdentifier } from './identifier-rules/parse.js';
export { type IdentifierRules, type PersonChange, type Rule, rulesOf } from './identifier-rules/rule.js';

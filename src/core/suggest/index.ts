// The suggestion engine's public API: ranking, composing, template filling, topics, covered stages, waits.
export type { CoveredStage } from './covered';
export { detectCoveredDetails, detectCoveredStages, phraseOccursIn, sentPhraseIds } from './covered';
export type { DurationOptions, GrammaticalCase, WaitMeasure } from './durations';
export { formatDuration, measureWait, roundDuration } from './durations';
export type {
  ComposeResult,
  LeadingStage,
  PackPhrase,
  SuggestCorrections,
  SuggestInput,
  SuggestResult,
  WaitInfo,
} from './engine';
export {
  compose,
  describeReason,
  describeReasons,
  planReplyFrame,
  planStages,
  resolveReplyLang,
  suggest,
} from './engine';
export type { FillOptions, FillResult } from './template';
export { fillTemplate, firstNameOf, nameCandidates, placeholdersOf, resolvePlaceholder } from './template';
export type { TopicHit } from './topics';
export { detectTopics, mainTopics } from './topics';

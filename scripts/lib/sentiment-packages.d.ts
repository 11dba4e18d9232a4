// The two sentiment packages measured against Calmdesk in scripts/eval-polarity-baselines.ts ship no types.
declare module 'multilang-sentiment' {
  function analyse(text: string, lang: string): { score: number; comparative: number };
  export = analyse;
}
declare module 'vader-sentiment' {
  export const SentimentIntensityAnalyzer: {
    polarity_scores(text: string): { neg: number; neu: number; pos: number; compound: number };
  };
}

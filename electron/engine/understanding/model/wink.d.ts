// wink-naive-bayes-text-classifier ships no types; this is the part Minh Bạch uses.
declare module 'wink-naive-bayes-text-classifier' {
  export interface NaiveBayesTextClassifier {
    definePrepTasks(tasks: ((input: unknown) => unknown)[]): number;
    defineConfig(config: { considerOnlyPresence?: boolean; smoothingFactor?: number }): boolean;
    learn(input: string[], label: string): boolean;
    consolidate(): boolean;
    computeOdds(input: string[]): [string, number][];
    predict(input: string[]): string;
    stats(): { labelWiseSamples: Record<string, number>; labelWiseWords: Record<string, number>; vocabulary: number };
    exportJSON(): string;
    importJSON(json: string): boolean;
    reset(): boolean;
  }
  function naiveBayesTextClassifier(): NaiveBayesTextClassifier;
  export default naiveBayesTextClassifier;
}

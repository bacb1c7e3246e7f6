export declare const SOURCE_URL: URL;
export declare const RECOMMENDATIONS_URL: URL;
export declare const SPLIT_AFTER: Record<string, string[]>;
export declare function normalise(text: string): string;
export declare function checkRecommendations(
  sourceText: string,
  recommendations: Array<{ code: string; text: string; note: string | null }>,
): string[];

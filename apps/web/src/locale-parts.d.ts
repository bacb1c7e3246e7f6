// One part of a language file, split at build by vite.config.ts (see locales/parts.ts).
declare module '*translation.json?part=first' {
  const part: Record<string, unknown>;
  export default part;
}

declare module '*translation.json?part=later' {
  const part: Record<string, unknown>;
  export default part;
}

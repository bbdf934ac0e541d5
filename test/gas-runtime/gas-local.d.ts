// gas-local ships no types; this is the part of its API the runtime uses.
declare module 'gas-local' {
  interface GasLocal {
    require(folderPath: string, globalObject?: object, options?: { filter?: (file: string) => boolean }): Record<string, unknown>;
    globalMockDefault: object;
  }
  const gas: GasLocal;
  export default gas;
}

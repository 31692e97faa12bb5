/** The part of addons-linter's library API the linter test uses; the package ships no types. */
declare module 'addons-linter' {
  interface Message {
    code: string;
    message: string;
    file?: string;
    line?: number;
  }
  interface Linter {
    run(): Promise<{ errors: Message[]; warnings: Message[]; notices: Message[] }>;
  }
  const linter: { createInstance(options: { config: Record<string, unknown>; runAsBinary: boolean }): Linter };
  export default linter;
}

/**
 * Runs a command-line script's `main` and exits with the code it returns; an unexpected error is
 * printed with its stack and exits with 1.
 */
export function runScript(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(e instanceof Error ? (e.stack ?? e.message) : e);
      process.exit(1);
    },
  );
}

/** Exit codes shared by every command: 0 ok, 1 bad input, 2 usage. */
export const EXIT = { ok: 0, badInput: 1, usage: 2 } as const;

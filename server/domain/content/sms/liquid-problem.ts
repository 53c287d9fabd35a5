import { LiquidError } from "liquidjs";

/** Where a Liquid template went wrong, 1-based, as the composer shows it under the message box. */
export type LiquidProblem = { message: string; line: number; column: number };

/**
 * liquidjs's TokenizationError and ParseError (and RenderError) carry the token they stopped at;
 * its message already ends in ", line:2, col:7", which is dropped here so the position is said once.
 */
export const liquidProblem = (error: unknown): LiquidProblem | null => {
  if (!LiquidError.is(error)) return null;
  const [line = 1, column = 1] = error.token?.getPosition?.() ?? [];
  const reason = (error.originalError?.message ?? error.message).replace(/,\s*line:\d+,\s*col:\d+\s*$/, "");
  return { message: reason, line, column };
};

export const describeLiquidProblem = ({ message, line, column }: LiquidProblem) => `Line ${line}, column ${column}: ${message}`;

import { LiquidError } from "liquidjs";
import { liquidProblem as templateLiquidProblem } from "@/server/domain/content/render/template-problems";

/** Where a Liquid template went wrong, 1-based, as the composer shows it under the message box. */
export type LiquidProblem = { message: string; line: number; column: number };

/** The shared reading of a liquidjs error (render/template-problems.ts), in the composer's shape; null for any other error. */
export const liquidProblem = (error: unknown): LiquidProblem | null => {
  if (!LiquidError.is(error)) return null;
  const { message, line = 1, column = 1 } = templateLiquidProblem(error, "body");
  return { message, line, column };
};

export const describeLiquidProblem = ({ message, line, column }: LiquidProblem) => `Line ${line}, column ${column}: ${message}`;

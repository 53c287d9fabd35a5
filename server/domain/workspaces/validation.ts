import { z } from "zod";

export const ZWorkspaceName = z
  .string()
  .trim()
  .min(2, "Workspace name must be at least 2 characters")
  .max(80, "Workspace name must be at most 80 characters");

export const ZEmail = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: "Enter a valid email address, such as ana@example.com" }));

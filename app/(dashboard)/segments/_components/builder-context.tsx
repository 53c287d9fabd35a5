"use client";

import type { inferRouterOutputs } from "@trpc/server";
import { createContext, useContext } from "react";
import type { SegmentDefinition } from "@/server/domain/segments/segment-rules";
import type { AppRouter } from "@/server/trpc/root";
import type { Problems } from "../_lib/segment-draft";

export type SegmentOptions = inferRouterOutputs<AppRouter>["segments"]["options"];

export type Builder = {
  options: SegmentOptions;
  problems: Problems;
  /** Applies an edit to the whole definition (edits are functions so quick successive ones compose). */
  edit: (change: (definition: SegmentDefinition) => SegmentDefinition) => void;
  readOnly: boolean;
};

const BuilderContext = createContext<Builder | null>(null);

export const BuilderProvider = BuilderContext.Provider;

export const useBuilder = () => {
  const builder = useContext(BuilderContext);
  if (!builder) throw new Error("useBuilder outside the segment builder");
  return builder;
};

/** Small inline controls for rule rows: the form primitives at a row's height. */
export const rowControl = "h-9 rounded-md border border-slate-300 bg-white px-2.5 text-sm text-slate-900 shadow-xs focus:border-brand-500 focus:ring-3 focus:ring-brand-500/20 focus:outline-none aria-invalid:border-red-500 disabled:bg-slate-50 disabled:text-slate-500";

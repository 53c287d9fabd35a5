"use client";

import { useEffect, useRef } from "react";

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.tagName === "SELECT");

/**
 * Ctrl/Cmd+Z undo, Shift+Ctrl/Cmd+Z (or Ctrl+Y) redo, Ctrl/Cmd+C and V copy and paste steps. Left
 * alone while someone types in a field (the field's own undo and clipboard apply) or has text
 * selected. Delete/Backspace are React Flow's (deleteKeyCode on the canvas).
 */
export function useEditorShortcuts(handlers: { undo: () => void; redo: () => void; copy: () => boolean; paste: () => void; enabled: boolean }) {
  const current = useRef(handlers);
  useEffect(() => {
    current.current = handlers;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const { undo, redo, copy, paste, enabled } = current.current;
      if (!enabled || !(event.metaKey || event.ctrlKey) || event.altKey || isTyping(event.target)) return;
      const key = event.key.toLowerCase();
      if (key === "z") {
        event.preventDefault();
        if (event.shiftKey) redo();
        else undo();
      } else if (key === "y" && !event.metaKey) {
        event.preventDefault();
        redo();
      } else if (key === "c") {
        if (window.getSelection()?.toString()) return;
        if (copy()) event.preventDefault();
      } else if (key === "v") {
        event.preventDefault();
        paste();
      }
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);
}

"use client";

import { CodeEditor } from "@/components/email-builder/code-editor";
import { RichTextEditor } from "@/components/email-builder/rich-text-editor";
import type { MergeTag, UploadImage } from "@/components/email-builder/types";
import { VisualBuilderLazy } from "@/components/email-builder/visual-builder";
import type { Draft, LoadedTemplate, TemplateProblem } from "./use-template-draft";

/** The body in the editor the template was made with; the code editor gets problems as line markers. */
export function BodyEditor({
  template,
  draft,
  change,
  mergeTags,
  uploadImage,
  problems,
}: {
  template: LoadedTemplate;
  draft: Draft;
  change: (patch: Partial<Draft>) => void;
  mergeTags: readonly MergeTag[];
  uploadImage: UploadImage;
  problems: readonly TemplateProblem[] | null;
}) {
  if (template.editor === "visual")
    return (
      <VisualBuilderLazy
        initialMjml={template.source}
        initialProjectData={template.builderData ?? undefined}
        mergeTags={mergeTags}
        uploadImage={uploadImage}
        onChange={({ mjml, projectData }) => change({ source: mjml, builderData: projectData })}
        className="h-[75vh]"
      />
    );
  if (template.editor === "rich_text")
    return <RichTextEditor initialHtml={template.source} mergeTags={mergeTags} uploadImage={uploadImage} onChange={(html) => change({ source: html })} />;
  const codeProblems = (problems ?? [])
    .filter((p) => p.field === "source" && p.line)
    .map((p) => ({ line: p.line!, column: p.column ?? 1, message: p.message, severity: p.severity }));
  return <CodeEditor value={draft.source} onChange={(source) => change({ source })} mergeTags={mergeTags} problems={codeProblems} className="h-[75vh]" />;
}

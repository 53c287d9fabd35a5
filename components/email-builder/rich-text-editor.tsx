"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";
import { EditorContent, Node, mergeAttributes, useEditor, useEditorState, type Editor } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { cn } from "@/lib/cn";
import { buttonClasses } from "@/components/ui/button";
import { MergeTagPicker } from "./merge-tag-picker";
import { mergeTagForAttribute } from "./merge-tags";
import type { MergeTag, UploadImage } from "./types";

type RichTextEditorProps = {
  /** Read once, when the editor mounts. */
  initialHtml: string;
  onChange: (html: string) => void;
  mergeTags: readonly MergeTag[];
  uploadImage: UploadImage;
  /** Accessible name of the editable area. */
  ariaLabel?: string;
  className?: string;
};

const LIQUID = /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/;

/** A plain `<img>`: StarterKit has none and a letter needs no captions or resizing. */
const LetterImage = Node.create({
  name: "image",
  group: "block",
  atom: true,
  draggable: true,
  addAttributes: () => ({ src: { default: null }, alt: { default: null } }),
  parseHTML: () => [{ tag: "img[src]" }],
  renderHTML: ({ HTMLAttributes }) => ["img", mergeAttributes({ style: "max-width:100%;height:auto" }, HTMLAttributes)],
});

const extensions = [
  StarterKit.configure({
    heading: { levels: [1, 2, 3] },
    code: false,
    codeBlock: false,
    link: {
      openOnClick: false,
      autolink: true,
      // Email links need no target or rel, and a merge tag (`{{ unsubscribe_url }}`) is a valid link.
      HTMLAttributes: { target: null, rel: null, class: null },
      isAllowedUri: (url, { defaultValidate }) => LIQUID.test(url) || defaultValidate(url),
    },
  }),
  LetterImage,
];

const contentClasses = cn(
  "min-h-48 px-4 py-3 text-[15px] leading-relaxed text-slate-900 focus:outline-none",
  "[&_h1]:mt-4 [&_h1]:mb-2 [&_h1]:text-2xl [&_h1]:font-semibold [&_h2]:mt-4 [&_h2]:mb-2 [&_h2]:text-xl [&_h2]:font-semibold",
  "[&_h3]:mt-3 [&_h3]:mb-1 [&_h3]:text-lg [&_h3]:font-semibold [&_p]:my-2 [&_a]:text-brand-600 [&_a]:underline",
  "[&_ul]:my-2 [&_ul]:list-disc [&_ul]:pl-6 [&_ol]:my-2 [&_ol]:list-decimal [&_ol]:pl-6",
  "[&_blockquote]:my-3 [&_blockquote]:border-l-4 [&_blockquote]:border-slate-300 [&_blockquote]:pl-3 [&_blockquote]:text-slate-600",
  "[&_hr]:my-4 [&_hr]:border-slate-300 [&_img]:my-2",
);

/** TipTap editor for plain letter-style emails; emits `editor.getHTML()` on every change. */
export function RichTextEditor({ initialHtml, onChange, mergeTags, uploadImage, ariaLabel = "Email body", className }: RichTextEditorProps) {
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  });

  const editor = useEditor({
    extensions,
    content: initialHtml,
    // Rendering waits for the client so server and browser markup cannot disagree.
    immediatelyRender: false,
    editorProps: { attributes: { class: contentClasses, "aria-label": ariaLabel, "aria-multiline": "true", role: "textbox" } },
    onUpdate: ({ editor: current }) => onChangeRef.current(current.getHTML()),
  });

  return (
    <div className={cn("flex min-h-0 flex-col rounded-lg border border-slate-300 bg-white", className)}>
      {editor ? <Toolbar editor={editor} mergeTags={mergeTags} uploadImage={uploadImage} /> : <div className="h-11 border-b border-slate-200" />}
      <EditorContent editor={editor} className="min-h-0 flex-1 overflow-y-auto" />
    </div>
  );
}

function Toolbar({ editor, mergeTags, uploadImage }: { editor: Editor; mergeTags: readonly MergeTag[]; uploadImage: UploadImage }) {
  const [linkOpen, setLinkOpen] = useState(false);
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);

  // TipTap 3 does not re-render on every transaction; this reads only what the buttons show.
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive("bold"),
      italic: e.isActive("italic"),
      block: e.isActive("heading", { level: 1 })
        ? "h1"
        : e.isActive("heading", { level: 2 })
          ? "h2"
          : e.isActive("heading", { level: 3 })
            ? "h3"
            : "p",
      bulletList: e.isActive("bulletList"),
      orderedList: e.isActive("orderedList"),
      blockquote: e.isActive("blockquote"),
      link: e.isActive("link"),
      href: (e.getAttributes("link").href as string | undefined) ?? "",
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });

  const insertImage = async (file: File) => {
    setUploading(true);
    setUploadError(null);
    try {
      const { url } = await uploadImage(file);
      editor.chain().focus().insertContent({ type: "image", attrs: { src: url, alt: "" } }).run();
    } catch (error) {
      setUploadError(error instanceof Error ? error.message : "The image could not be uploaded.");
    } finally {
      setUploading(false);
    }
  };

  return (
    <div className="border-b border-slate-200 bg-slate-50">
      <div role="toolbar" aria-label="Formatting" className="flex flex-wrap items-center gap-1 px-2 py-1.5">
        <select
          aria-label="Text style"
          className="h-8 rounded-md border border-slate-300 bg-white px-2 text-sm"
          value={state.block}
          onChange={(event) => {
            const chain = editor.chain().focus();
            const value = event.target.value;
            if (value === "p") chain.setParagraph().run();
            else chain.setHeading({ level: Number(value.slice(1)) as 1 | 2 | 3 }).run();
          }}
        >
          <option value="p">Paragraph</option>
          <option value="h1">Heading 1</option>
          <option value="h2">Heading 2</option>
          <option value="h3">Heading 3</option>
        </select>
        <Divider />
        <ToolButton label="Bold" pressed={state.bold} onClick={() => editor.chain().focus().toggleBold().run()}>
          <b>B</b>
        </ToolButton>
        <ToolButton label="Italic" pressed={state.italic} onClick={() => editor.chain().focus().toggleItalic().run()}>
          <i className="font-serif">I</i>
        </ToolButton>
        <ToolButton label="Link" pressed={state.link || linkOpen} onClick={() => setLinkOpen((open) => !open)}>
          <LinkIcon />
        </ToolButton>
        <Divider />
        <ToolButton label="Bulleted list" pressed={state.bulletList} onClick={() => editor.chain().focus().toggleBulletList().run()}>
          •≡
        </ToolButton>
        <ToolButton label="Numbered list" pressed={state.orderedList} onClick={() => editor.chain().focus().toggleOrderedList().run()}>
          1≡
        </ToolButton>
        <ToolButton label="Quote" pressed={state.blockquote} onClick={() => editor.chain().focus().toggleBlockquote().run()}>
          ❝
        </ToolButton>
        <ToolButton label="Image" pending={uploading} onClick={() => fileRef.current?.click()}>
          ▨
        </ToolButton>
        <input
          ref={fileRef}
          type="file"
          accept="image/*"
          className="hidden"
          aria-label="Upload image"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = "";
            if (file) void insertImage(file);
          }}
        />
        <Divider />
        <ToolButton label="Undo" disabled={!state.canUndo} onClick={() => editor.chain().focus().undo().run()}>
          ↶
        </ToolButton>
        <ToolButton label="Redo" disabled={!state.canRedo} onClick={() => editor.chain().focus().redo().run()}>
          ↷
        </ToolButton>
        <div className="ml-auto">
          <MergeTagPicker
            mergeTags={mergeTags}
            align="end"
            onSelect={(tag) => editor.chain().focus().insertContent({ type: "text", text: tag.value }).run()}
          />
        </div>
      </div>
      {uploadError && (
        <p role="alert" className="px-3 pb-2 text-sm text-red-600">
          {uploadError}
        </p>
      )}
      {linkOpen && <LinkBar key={state.href} editor={editor} href={state.href} mergeTags={mergeTags} onClose={() => setLinkOpen(false)} />}
    </div>
  );
}

function LinkBar({ editor, href, mergeTags, onClose }: { editor: Editor; href: string; mergeTags: readonly MergeTag[]; onClose: () => void }) {
  const [url, setUrl] = useState(href);
  const inputRef = useRef<HTMLInputElement>(null);

  const apply = () => {
    const value = url.trim();
    const chain = editor.chain().focus().extendMarkRange("link");
    if (value) chain.setLink({ href: mergeTagForAttribute(value) }).run();
    else chain.unsetLink().run();
    onClose();
  };

  return (
    <form
      className="flex flex-wrap items-center gap-2 border-t border-slate-200 px-2 py-1.5"
      onSubmit={(event) => {
        event.preventDefault();
        apply();
      }}
    >
      <input
        ref={inputRef}
        autoFocus
        aria-label="Link URL"
        placeholder="https://… or a merge tag"
        className="h-8 min-w-56 flex-1 rounded-md border border-slate-300 bg-white px-2 text-sm focus:border-brand-500 focus:outline-none"
        value={url}
        onChange={(event) => setUrl(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Escape") onClose();
        }}
      />
      <MergeTagPicker
        mergeTags={mergeTags}
        label="Link to merge tag"
        onSelect={(tag) => {
          setUrl(mergeTagForAttribute(tag.value));
          inputRef.current?.focus();
        }}
      />
      <button type="submit" className={buttonClasses({ size: "sm" })}>
        Apply link
      </button>
      {href && (
        <button
          type="button"
          className={buttonClasses({ variant: "ghost", size: "sm" })}
          onClick={() => {
            editor.chain().focus().extendMarkRange("link").unsetLink().run();
            onClose();
          }}
        >
          Remove link
        </button>
      )}
    </form>
  );
}

function ToolButton({
  label,
  pressed,
  disabled,
  pending,
  onClick,
  children,
}: {
  label: string;
  pressed?: boolean;
  disabled?: boolean;
  pending?: boolean;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      aria-pressed={pressed === undefined ? undefined : pressed}
      aria-busy={pending || undefined}
      disabled={disabled || pending}
      // Keeps the editor's selection: the command then applies to the text the author had selected.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
      className={cn(
        "inline-flex size-8 items-center justify-center rounded-md text-sm text-slate-700 hover:bg-slate-200 disabled:text-slate-300 disabled:hover:bg-transparent",
        pressed && "bg-brand-100 text-brand-700 hover:bg-brand-100",
      )}
    >
      {children}
    </button>
  );
}

const Divider = () => <span aria-hidden="true" className="mx-1 h-5 w-px bg-slate-300" />;

const LinkIcon = () => (
  <svg viewBox="0 0 20 20" className="size-4" fill="none" stroke="currentColor" strokeWidth="1.8" aria-hidden="true">
    <path d="M8.5 11.5a3 3 0 0 0 4.24 0l2.5-2.5a3 3 0 0 0-4.24-4.24l-.75.75M11.5 8.5a3 3 0 0 0-4.24 0l-2.5 2.5a3 3 0 0 0 4.24 4.24l.75-.75" />
  </svg>
);

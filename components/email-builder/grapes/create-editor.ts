import type { Editor, EditorConfig, ProjectData } from "grapesjs";
import { addHeraldBlocks, IMAGE_PLACEHOLDER_SRC, PLUGIN_BLOCKS, pluginBlockOverrides } from "./blocks";
import { addLiveTextExport } from "./live-text";
import { addHrefTrait, createMergeTagRteAction } from "./merge-tag-controls";
import { dropHtmlOnlyTraits, hideHeadInCanvas, showIconOptionNames } from "./mjml-tweaks";
import { normalizeInitialMjml } from "./normalize-mjml";
import type { MergeTag, UploadImage } from "../types";

export type EditorPanels = { canvas: HTMLElement; blocks: HTMLElement; layers: HTMLElement; styles: HTMLElement; traits: HTMLElement };

export const DEVICES = [
  { id: "desktop", name: "Desktop", width: "" },
  // 375px is a common phone; media queries switch at MJML's 480px breakpoint.
  { id: "mobile", name: "Mobile", width: "375px", widthMedia: "480px" },
] as const;
export type DeviceId = (typeof DEVICES)[number]["id"];

type CreateOptions = {
  panels: EditorPanels;
  initialMjml: string;
  initialProjectData?: unknown;
  getMergeTags: () => readonly MergeTag[];
  /** Read at upload time, so the caller's latest function is used. */
  getUploadImage: () => UploadImage;
  onUploadError: (message: string) => void;
  /** Checked once the libraries have loaded: an unmounted builder must not start an editor. */
  isCancelled: () => boolean;
};

/** The event's files whether they came from the asset modal's file input or a drop on it. */
const filesOf = (event: DragEvent): File[] => {
  const list = event.dataTransfer?.files ?? (event.target as HTMLInputElement | null)?.files;
  return list ? [...list].filter((file) => file.type.startsWith("image/")) : [];
};

/**
 * GrapesJS with grapesjs-mjml, its panels rendered into the builder's own React layout instead of
 * GrapesJS's full-screen chrome. Both libraries are imported here, on the client, when the builder mounts.
 */
export const createEmailEditor = async (options: CreateOptions) => {
  const [{ default: grapesjs }, { default: grapesJSMJML }] = await Promise.all([import("grapesjs"), import("grapesjs-mjml")]);
  if (options.isCancelled()) return null;
  const { panels, getMergeTags } = options;
  const mergeTagAction = createMergeTagRteAction(getMergeTags);

  const upload = async (event: DragEvent) => {
    const editor = instance;
    const am = editor.AssetManager;
    for (const file of filesOf(event)) {
      try {
        const { url } = await options.getUploadImage()(file);
        const asset = am.add({ type: "image", src: url });
        // The image that opened the asset manager gets the upload straight away, as if it were picked.
        const custom = (am as unknown as { __customData?: () => { select: (a: unknown, complete?: boolean) => void } }).__customData;
        if (custom) custom.call(am).select(asset, true);
      } catch (error) {
        options.onUploadError(error instanceof Error ? error.message : `${file.name} could not be uploaded.`);
      }
    }
  };

  const config: EditorConfig = {
    container: panels.canvas,
    height: "100%",
    width: "auto",
    storageManager: false,
    undoManager: { trackSelection: false },
    noticeOnUnload: false,
    plugins: [
      (editor: Editor) =>
        grapesJSMJML(editor, {
          blocks: Object.keys(PLUGIN_BLOCKS),
          block: pluginBlockOverrides,
          imagePlaceholderSrc: IMAGE_PLACEHOLDER_SRC,
          resetDevices: false,
          useCustomTheme: false,
          // The HTML parser copes with `&nbsp;` and `<br>` in text; self-closing MJML tags are expanded first.
          useXmlParser: false,
        }),
      (editor: Editor) => {
        addHeraldBlocks(editor);
        addHrefTrait(editor, getMergeTags);
        addLiveTextExport(editor);
        hideHeadInCanvas(editor);
        dropHtmlOnlyTraits(editor);
        // The move/copy/delete toolbar would sit on top of the text toolbar; it is not needed while typing.
        editor.on("rte:enable", () => panels.canvas.classList.add("herald-gjs-typing"));
        editor.on("rte:disable", () => panels.canvas.classList.remove("herald-gjs-typing"));
        editor.onReady(() => showIconOptionNames(editor));
      },
    ],
    // GrapesJS fetches Font Awesome from a CDN for its icons by default; a self-hosted app should not.
    cssIcons: "",
    panels: { defaults: [] },
    deviceManager: { devices: DEVICES.map((device) => ({ ...device })) },
    blockManager: { appendTo: panels.blocks },
    layerManager: { appendTo: panels.layers },
    styleManager: { appendTo: panels.styles },
    traitManager: { appendTo: panels.traits },
    richTextEditor: {
      // The RTE takes action objects as well as names (RichTextEditor's constructor); the config type lists names only.
      actions: ["bold", "italic", "underline", "strikethrough", "link", mergeTagAction.action as unknown as string],
    },
    assetManager: {
      // Any truthy `upload` enables the upload form; the files go through `uploadFile`, not a POST.
      upload: "herald",
      uploadFile: (event: DragEvent) => upload(event),
      multiUpload: false,
      autoAdd: false,
    },
    ...(options.initialProjectData
      ? { projectData: options.initialProjectData as ProjectData }
      : { components: normalizeInitialMjml(options.initialMjml) }),
  };

  const instance = grapesjs.init(config);
  return { editor: instance, refreshMergeTags: mergeTagAction.refresh };
};

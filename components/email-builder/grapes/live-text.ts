import type { Component, Editor } from "grapesjs";

/** `getHtml` option carrying the live markup of the text being edited, keyed by its component. */
export const LIVE_TEXT_OPTION = "heraldLiveText";
type LiveText = Map<Component, string>;

// What GrapesJS puts on elements in the canvas for itself; none of it belongs in the email.
const EDITOR_ATTRIBUTE = /^(data-gjs-.*|data-selectme|draggable|contenteditable)$/;
const AUTO_ID = /^i[a-z0-9]{2,}(-\d+)?$/;

/** The inner HTML of an element in the canvas without the editor's own attributes. */
const cleanInnerHtml = (el: HTMLElement): string => {
  const clone = el.cloneNode(true) as HTMLElement;
  for (const node of clone.querySelectorAll("*")) {
    for (const { name, value } of [...node.attributes]) {
      if (EDITOR_ATTRIBUTE.test(name) || (name === "id" && AUTO_ID.test(value))) node.removeAttribute(name);
    }
  }
  // innerHTML writes the no-break spaces a browser types at line ends as `&nbsp;`; GrapesJS's own
  // export keeps the character, so the live export does too.
  return clone.innerHTML.replace(/&nbsp;/g, "\u00a0");
};

type ComponentJson = { components?: ComponentJson[] | string; content?: string };

/** Where `component` sits below its page's wrapper: child indexes from the top. */
const indexPath = (component: Component): number[] => {
  const path: number[] = [];
  for (let current = component, parent = current.parent(); parent; current = parent, parent = current.parent()) {
    path.unshift(current.index());
  }
  return path;
};

/**
 * The builder's output, `{ mjml, projectData }`, including a text that is being typed in.
 *
 * GrapesJS copies typed text into its model only when the author leaves the text, so an export
 * taken mid-edit (a debounced change, a Save clicked outside the canvas, an unmount) would miss the
 * last words. Its own fix, syncing inside `getProjectData()`, re-renders the text under the caret and
 * the author's next keystrokes land at the start. So the model is left alone: the MJML takes the live
 * markup through `getHtml`'s options, and the project data is taken without that sync and patched.
 */
export const exportDesign = (editor: Editor): { mjml: string; projectData: unknown } => {
  const editing = editor.getEditing();
  const view = editing?.view as { getChildrenContainer?: () => HTMLElement } | undefined;
  const el = view?.getChildrenContainer?.();
  if (!editing || !el) return { mjml: editor.getHtml().trim(), projectData: editor.getProjectData() };

  const live = cleanInnerHtml(el);
  const mjml = editor.getHtml({ [LIVE_TEXT_OPTION]: new Map([[editing, live]]) } as object).trim();

  const model = editor.getModel();
  const editingState = model.get("editing");
  model.set("editing", null, { silent: true });
  let projectData: { pages?: { frames?: { component?: ComponentJson }[] }[] };
  try {
    projectData = editor.getProjectData() as typeof projectData;
  } finally {
    model.set("editing", editingState, { silent: true });
  }

  const pageIndex = editor.Pages.getAll().indexOf(editor.Pages.getSelected()!);
  let node = projectData.pages?.[pageIndex]?.frames?.[0]?.component;
  for (const index of indexPath(editing)) {
    node = Array.isArray(node?.components) ? node.components[index] : undefined;
  }
  if (node) {
    const parsed = editor.Parser.parseHtml(live).html as ComponentJson | ComponentJson[];
    node.components = Array.isArray(parsed) ? parsed : [parsed];
    delete node.content;
  }
  return { mjml, projectData };
};

export const addLiveTextExport = (editor: Editor) => {
  for (const type of ["mj-text", "mj-button"]) {
    const base = editor.Components.getType(type)?.model.prototype as { toHTML: (opts?: object) => string } | undefined;
    if (!base) continue;
    const baseToHtml = base.toHTML;
    editor.Components.addType(type, {
      model: {
        toHTML(this: Component & { getAttrToHTML(): Record<string, unknown> }, opts?: Record<string, unknown>) {
          const live = (opts?.[LIVE_TEXT_OPTION] as LiveText | undefined)?.get(this);
          if (live === undefined) return baseToHtml.call(this, opts);
          // Same start/end tags as grapesjs-mjml's own toHTML, with the live content between them.
          const tag = this.get("tagName") as string;
          let attributes = "";
          for (const [name, value] of Object.entries(this.getAttrToHTML())) {
            if (value !== undefined && value !== "") attributes += ` ${name}="${String(value)}"`;
          }
          return `<${tag}${attributes}>${live}</${tag}>`;
        },
      },
    });
  }
};

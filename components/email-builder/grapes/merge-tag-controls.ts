import type { Editor, RichTextEditorAction, Trait, TraitProperties } from "grapesjs";
import { groupMergeTags, mergeTagForAttribute } from "../merge-tags";
import type { MergeTag } from "../types";

export const MERGE_TAG_SELECT_LABEL = "Insert merge tag";
export const HREF_TRAIT = "herald-href";

const escapeText = (value: string) => value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Fills a native select with one optgroup per merge tag group, after a blank "Merge tag…" choice. */
const fillTagSelect = (select: HTMLSelectElement, tags: readonly MergeTag[], placeholder: string, forAttribute: boolean) => {
  const doc = select.ownerDocument;
  select.replaceChildren();
  const blank = doc.createElement("option");
  blank.value = "";
  blank.textContent = placeholder;
  select.append(blank);
  for (const { group, tags: list } of groupMergeTags(tags)) {
    const optgroup = doc.createElement("optgroup");
    optgroup.label = group;
    for (const tag of list) {
      const option = doc.createElement("option");
      option.value = forAttribute ? mergeTagForAttribute(tag.value) : tag.value;
      option.textContent = tag.label;
      option.title = tag.value;
      optgroup.append(option);
    }
    select.append(optgroup);
  }
  select.value = "";
};

/**
 * A merge tag dropdown for GrapesJS's text toolbar, given to `richTextEditor.actions`. It lives in
 * the main document while the caret is in the canvas iframe; the iframe keeps its own selection when
 * the select takes focus, so `rte.insertHTML` still lands where the author was typing. A native
 * select (rather than our searchable picker) because GrapesJS owns this toolbar's DOM and events.
 */
export const createMergeTagRteAction = (getTags: () => readonly MergeTag[]) => {
  const select = document.createElement("select");
  select.className = "herald-gjs-tag-select";
  select.setAttribute("aria-label", MERGE_TAG_SELECT_LABEL);
  fillTagSelect(select, getTags(), "Merge tag…", false);

  const action: RichTextEditorAction = {
    name: "herald-merge-tag",
    icon: select,
    event: "change",
    attributes: { title: MERGE_TAG_SELECT_LABEL, style: "width: auto; padding: 0 4px" },
    result: (rte) => {
      const value = select.value;
      select.value = "";
      if (!value) return;
      rte.insertHTML(escapeText(value));
      // Tell GrapesJS the text changed, as typing would; otherwise nothing is exported until the text is left.
      rte.el.dispatchEvent(new Event("input", { bubbles: true }));
    },
  };
  return { action, refresh: () => fillTagSelect(select, getTags(), "Merge tag…", false) };
};

/**
 * A link trait (button, image, social icon, link inside text) that takes a URL or a merge tag such
 * as `{{ unsubscribe_url }}`. Tags go in with single-quoted Liquid strings: the MJML plugin writes
 * attribute values unescaped inside double quotes.
 */
export const addHrefTrait = (editor: Editor, getTags: () => readonly MergeTag[]) => {
  editor.Traits.addType(HREF_TRAIT, {
    eventCapture: ["change", "input"],
    createInput({ trait }: { trait: Trait }) {
      const wrapper = document.createElement("div");
      wrapper.className = "herald-gjs-href";
      const input = document.createElement("input");
      input.type = "text";
      input.placeholder = "https://… or a merge tag";
      input.setAttribute("aria-label", trait.getLabel?.() ?? "Link");
      input.dataset.heraldHref = "url";
      const select = document.createElement("select");
      select.className = "herald-gjs-tag-select";
      select.setAttribute("aria-label", "Link to merge tag");
      select.dataset.heraldHref = "tag";
      fillTagSelect(select, getTags(), "Use a merge tag…", true);
      wrapper.append(input, select);
      return wrapper;
    },
    onEvent({ elInput, trait, event }: { elInput: HTMLElement; trait: Trait; event: Event }) {
      const input = elInput.querySelector<HTMLInputElement>("input")!;
      const target = event.target as HTMLElement;
      if (target.dataset.heraldHref === "tag") {
        const select = target as HTMLSelectElement;
        if (!select.value) return;
        input.value = select.value;
        select.value = "";
      } else if (event.type === "input") {
        return; // typed URLs are applied on change, like GrapesJS's own text traits
      }
      trait.setValue(input.value.trim());
    },
    onUpdate({ elInput, trait }: { elInput: HTMLElement; trait: Trait }) {
      const input = elInput.querySelector<HTMLInputElement>("input");
      if (input) input.value = String(trait.getValue() ?? "");
    },
  });

  // Swap the plain `href` text trait for ours on every type that has one, keeping the other traits.
  const href = { type: HREF_TRAIT, name: "href", label: "Link" };
  for (const type of ["mj-button", "mj-image", "mj-social-element", "mj-navbar-link", "link"]) {
    type TraitDef = string | Partial<TraitProperties>;
    const model = editor.Components.getType(type)?.model as { prototype: { defaults?: { traits?: TraitDef[] } } } | undefined;
    const traits = model?.prototype.defaults?.traits;
    if (!traits) continue;
    const isHref = (t: TraitDef) => (typeof t === "string" ? t : t.name) === "href";
    editor.Components.addType(type, { model: { defaults: { traits: traits.map((t) => (isHref(t) ? href : t)) } } });
  }
};

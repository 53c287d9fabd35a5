import type { Editor } from "grapesjs";

/** Small corrections to how grapesjs-mjml behaves, each applied from create-editor.ts. */

/**
 * The MJML style sectors label alignment choices with Font Awesome classes only; without the icon
 * font they would be blank buttons, so they show their names instead.
 */
export const showIconOptionNames = (editor: Editor) => {
  for (const sector of editor.StyleManager.getSectors()) {
    for (const property of sector.getProperties()) {
      const select = property as unknown as { getOptions?: () => { className?: string }[]; setOptions?: (o: object[]) => void };
      const options = select.getOptions?.();
      if (!options?.some((option) => option.className)) continue;
      select.setOptions?.(options.map(({ className: _icon, ...option }) => option));
    }
  }
};

/**
 * `<mj-head>` has no view of its own in grapesjs-mjml, so an `<mj-title>` would show up as a line
 * of text above the email. Its `<mj-style>` still applies while hidden: style elements ignore display.
 */
export const hideHeadInCanvas = (editor: Editor) => {
  editor.Components.addType("mj-head", {
    view: {
      onRender() {
        this.el.style.display = "none";
      },
    },
  });
};

/**
 * MJML types without traits of their own inherit GrapesJS's HTML ones (id, title): `title` is not an
 * MJML attribute and fails validation, and the plugin never exports `id`. Those get no traits.
 */
export const dropHtmlOnlyTraits = (editor: Editor) => {
  for (const { id } of editor.Components.getTypes()) {
    if (!id.startsWith("mj-")) continue;
    const traits = (editor.Components.getType(id)?.model.prototype as { defaults?: { traits?: unknown[] } }).defaults?.traits;
    const htmlOnly = traits?.every((trait) => trait === "id" || trait === "title");
    if (htmlOnly) editor.Components.addType(id, { model: { defaults: { traits: [] } } });
  }
};

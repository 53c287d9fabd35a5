import type { Editor } from "grapesjs";

/** The plugin's blocks this builder offers, with the names authors see in the panel. */
export const PLUGIN_BLOCKS: Record<string, { label: string; category: string }> = {
  "mj-1-column": { label: "1 column", category: "Layout" },
  "mj-2-columns": { label: "2 columns", category: "Layout" },
  "mj-3-columns": { label: "3 columns", category: "Layout" },
  "mj-text": { label: "Text", category: "Content" },
  "mj-image": { label: "Image", category: "Content" },
  "mj-button": { label: "Button", category: "Content" },
  "mj-divider": { label: "Divider", category: "Content" },
  "mj-spacer": { label: "Spacer", category: "Content" },
  "mj-social-group": { label: "Social", category: "Content" },
};

// Neutral grey placeholder shown until the author uploads a picture (the plugin's default host is gone).
const placeholderSvg =
  '<svg xmlns="http://www.w3.org/2000/svg" width="600" height="300" viewBox="0 0 600 300">' +
  '<rect width="600" height="300" fill="#e2e8f0"/><path d="M230 200l50-60 40 45 30-35 60 50z" fill="#94a3b8"/>' +
  '<circle cx="380" cy="110" r="18" fill="#94a3b8"/></svg>';
export const IMAGE_PLACEHOLDER_SRC = `data:image/svg+xml,${encodeURIComponent(placeholderSvg)}`;

const SOCIAL_CONTENT = `<mj-social font-size="12px" icon-size="24px" border-radius="12px" mode="horizontal">
  <mj-social-element name="facebook" href="https://facebook.com/"></mj-social-element>
  <mj-social-element name="instagram" href="https://instagram.com/"></mj-social-element>
  <mj-social-element name="linkedin" href="https://linkedin.com/"></mj-social-element>
</mj-social>`;

/**
 * Every marketing email must say who sent it, where they are, and how to stop receiving it; the
 * footer block carries the three as merge tags so the values stay right for every workspace.
 */
const FOOTER_CONTENT = `<mj-section padding="24px 0">
  <mj-column>
    <mj-divider border-width="1px" border-color="#e2e8f0" padding="0 25px 16px"></mj-divider>
    <mj-text align="center" font-size="12px" line-height="18px" color="#64748b">{{ workspace.name }}<br>{{ workspace.postal_address }}</mj-text>
    <mj-text align="center" font-size="12px" line-height="18px" color="#64748b">You are receiving this email because you subscribed. <a href="{{ unsubscribe_url }}" style="color:#64748b;text-decoration:underline">Unsubscribe</a></mj-text>
  </mj-column>
</mj-section>`;

const FOOTER_ICON = `<svg viewBox="0 0 24 24"><path fill="currentColor" d="M3 3h18v18H3V3m2 2v9h14V5H5m0 11v3h14v-3H5m2 1h6v1H7v-1Z"/></svg>`;

/** Options for grapesjs-mjml's `block` hook: our labels and categories on its blocks. */
export const pluginBlockOverrides = (id: string) => {
  const names = PLUGIN_BLOCKS[id];
  if (!names) return {};
  return id === "mj-social-group" ? { ...names, content: SOCIAL_CONTENT } : names;
};

export const addHeraldBlocks = (editor: Editor) => {
  editor.Blocks.add("herald-footer", {
    label: "Footer",
    category: "Layout",
    media: FOOTER_ICON,
    content: FOOTER_CONTENT,
  });
};

import { starterFooter, starterHead, starterImage, starterTopBar, starterWordmark, type StarterTheme } from "./starter-parts";

const theme: StarterTheme = {
  canvas: "#FFF5F5",
  accent: "#BE123C",
  accentSoft: "#FFE4E6",
  ink: "#1F1720",
  body: "#3F3740",
  muted: "#78716C",
  rule: "#F3E1E3",
};

/** One product tile; two sit side by side even on phones (mj-group), as shoppers expect a grid. */
const product = (image: string, name: string, was: string, now: string, href: string) => `<mj-column width="50%" padding="0 8px 24px">
          <mj-image src="${starterImage(image)}" alt="${name}" href="${href}" width="260px" border-radius="12px" />
          <mj-text font-size="16px" line-height="22px" font-weight="700" color="${theme.ink}" padding="12px 4px 2px">${name}</mj-text>
          <mj-text font-size="14px" line-height="22px" padding="0 4px 4px"><span style="color: ${theme.muted}; text-decoration: line-through;">${was}</span>&nbsp;&nbsp;<strong style="color: ${theme.accent};">${now}</strong></mj-text>
          <mj-text font-size="14px" line-height="22px" font-weight="700" padding="0 4px"><a href="${href}" style="text-decoration: none;">Shop now &rarr;</a></mj-text>
        </mj-column>`;

const perk = (title: string, text: string) => `<mj-column padding="0 0 16px">
          <mj-text align="center" font-size="14px" line-height="20px" font-weight="700" color="${theme.ink}" padding="0 16px 4px">${title}</mj-text>
          <mj-text align="center" mj-class="small" padding="0 16px">${text}</mj-text>
        </mj-column>`;

/** A seasonal sale: announcement strip, hero, coupon, a 2x2 product grid and the usual reassurances. */
export const promotionMjml = `<mjml lang="en">
  ${starterHead(theme)}
  <mj-body background-color="${theme.canvas}" width="600px">
    <mj-section full-width="full-width" background-color="${theme.accent}" padding="10px 0">
      <mj-column>
        <mj-text align="center" font-size="13px" line-height="20px" font-weight="700" letter-spacing="0.5px" color="#FFFFFF" padding="0 24px">Free shipping over $50 &middot; Ends Sunday</mj-text>
      </mj-column>
    </mj-section>
    ${starterTopBar(theme)}
    ${starterWordmark(theme)}
    <mj-wrapper background-color="#FFFFFF" border-radius="16px" padding="32px 0 8px">
      <mj-section>
        <mj-column>
          <mj-image src="${starterImage("promo-hero.png")}" alt="A plant, a mug, a candle and a tote bag on a shelf" href="https://example.com/sale" width="536px" border-radius="12px" padding="0 32px 32px" />
          <mj-text mj-class="eyebrow" align="center">The summer sale</mj-text>
          <mj-text mj-class="display" css-class="display" align="center">Up to <span style="color: ${theme.accent};">40% off</span> the things you&nbsp;love</mj-text>
          <mj-text align="center" padding="0 48px 16px">{{ contact.first_name | default: "Friend" }}, our favourite pieces are on sale for one week only. Treat yourself, or get a head start on gifts.</mj-text>
          <mj-button href="https://example.com/sale" align="center" font-size="18px" inner-padding="16px 36px">Shop the sale</mj-button>
        </mj-column>
      </mj-section>
      <mj-section padding="0 32px 40px">
        <mj-column border="2px dashed ${theme.accent}" border-radius="12px" background-color="${theme.accentSoft}" padding="16px 0">
          <mj-text align="center" mj-class="small" padding="0 16px 4px">Take an extra 10% off at checkout with</mj-text>
          <mj-text align="center" font-size="22px" line-height="30px" font-weight="800" letter-spacing="3px" color="${theme.accent}" padding="0 16px">SUMMER10</mj-text>
        </mj-column>
      </mj-section>
      <mj-section>
        <mj-column>
          <mj-text mj-class="h2" css-class="h2" align="center" padding="0 32px 24px">Shop the favourites</mj-text>
        </mj-column>
      </mj-section>
      <mj-section padding="0 24px">
        <mj-group>
          ${product("product-mug.png", "Stoneware mug", "$24.00", "$14.40", "https://example.com/products/mug")}
          ${product("product-tote.png", "Canvas tote", "$38.00", "$22.80", "https://example.com/products/tote")}
        </mj-group>
      </mj-section>
      <mj-section padding="0 24px 8px">
        <mj-group>
          ${product("product-plant.png", "Potted fern", "$32.00", "$19.20", "https://example.com/products/fern")}
          ${product("product-candle.png", "Soy candle", "$28.00", "$16.80", "https://example.com/products/candle")}
        </mj-group>
      </mj-section>
      <mj-section>
        <mj-column>
          <mj-button href="https://example.com/sale" align="center" mj-class="ghost">See all 120 sale items</mj-button>
        </mj-column>
      </mj-section>
      <mj-section>
        <mj-column>
          <mj-divider />
        </mj-column>
      </mj-section>
      <mj-section padding="0 16px 16px">
        ${perk("Free shipping", "On every order over $50, no code needed.")}
        ${perk("30-day returns", "Changed your mind? Send it back for free.")}
        ${perk("Gift wrapping", "Add a note and we will wrap it by hand.")}
      </mj-section>
    </mj-wrapper>
    ${starterFooter(theme, "You are receiving this because you subscribed to offers from {{ workspace.name }}.")}
  </mj-body>
</mjml>`;

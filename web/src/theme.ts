// The region's own colours on top of the voorbeeld theme, each applied only where it keeps the
// WCAG 2.1 AA contrast of 4.5:1 against the colour it sits on or under.

const HEX = /^#([0-9a-f]{6})$/i;

function channels(hex: string): [number, number, number] | null {
  const match = HEX.exec(hex.trim());
  if (!match?.[1]) return null;
  const n = Number.parseInt(match[1], 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function luminance(rgb: [number, number, number]): number {
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The WCAG contrast ratio of two #rrggbb colours, or 0 when either is not one. */
export function contrast(a: string, b: string): number {
  const ca = channels(a);
  const cb = channels(b);
  if (!ca || !cb) return 0;
  const [hi, lo] = [luminance(ca), luminance(cb)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The colour mixed with black: for hover and active states. */
export function darken(hex: string, amount: number): string {
  const rgb = channels(hex);
  if (!rgb) return hex;
  return `#${rgb
    .map((c) => Math.round(c * (1 - amount)))
    .map((c) => c.toString(16).padStart(2, "0"))
    .join("")}`;
}

/** The colour mixed with white: for light backgrounds behind the colour's own text. */
export function tint(hex: string, amount: number): string {
  const rgb = channels(hex);
  if (!rgb) return hex;
  return `#${rgb
    .map((c) => Math.round(c + (255 - c) * amount))
    .map((c) => c.toString(16).padStart(2, "0"))
    .join("")}`;
}

const WHITE = "#ffffff";
const AA = 4.5;

/** The custom properties to set for a region's theme; colours that would fail AA are left out. */
export function regionThemeProperties(theme: { primary?: string; accent?: string }): Record<string, string> {
  const properties: Record<string, string> = {};
  const { primary, accent } = theme;
  if (primary && contrast(primary, WHITE) >= AA) {
    const hover = darken(primary, 0.2);
    const active = darken(primary, 0.35);
    Object.assign(properties, {
      // Primary buttons: white text on the region's colour.
      "--basis-color-action-1-inverse-bg-default": primary,
      "--basis-color-action-1-inverse-bg-hover": hover,
      "--basis-color-action-1-inverse-bg-active": active,
      // Secondary and subtle buttons: the region's colour as text and border on white.
      "--basis-color-action-1-color-default": primary,
      "--basis-color-action-1-color-hover": hover,
      "--basis-color-action-1-color-active": active,
      "--basis-color-action-1-border-default": primary,
      "--basis-color-action-1-border-hover": hover,
      "--basis-color-action-1-border-active": active,
      "--basis-color-action-1-bg-default": tint(primary, 0.9),
      "--basis-color-action-1-bg-hover": tint(primary, 0.9),
      "--basis-color-action-1-bg-active": tint(primary, 0.8),
      "--utrecht-button-primary-action-background-color": primary,
      "--utrecht-button-primary-action-hover-background-color": hover,
      "--utrecht-button-primary-action-active-background-color": active,
      // Links and headings: the region's colour on white.
      "--basis-color-action-2-color-default": primary,
      "--basis-color-action-2-color-hover": hover,
      "--basis-color-action-2-color-active": active,
      "--utrecht-link-color": primary,
      "--utrecht-link-hover-color": hover,
      "--utrecht-link-visited-color": primary,
      "--basis-heading-color": primary,
      "--zk-region-primary": primary,
      "--zk-region-primary-dark": active,
    });
  }
  if (accent && contrast(accent, WHITE) >= 3) {
    // The accent only draws lines and borders (non-text contrast: 3:1 suffices).
    properties["--zk-region-accent"] = accent;
  }
  return properties;
}

const applied = new Set<string>();

/** Sets (or clears, with null) the region's theme on the document's root element. */
export function applyRegionTheme(theme: { primary?: string; accent?: string } | null): void {
  const root = document.documentElement;
  for (const name of applied) root.style.removeProperty(name);
  applied.clear();
  if (!theme) return;
  for (const [name, value] of Object.entries(regionThemeProperties(theme))) {
    root.style.setProperty(name, value);
    applied.add(name);
  }
}

import {
  createTheme,
  darken,
  defaultVariantColorsResolver,
  lighten,
  parseThemeColor,
  rem,
  type BadgeFactory,
  type CSSVariablesResolver,
  type DataListFactory,
  type ExtendComponent,
  type FactoryPayload,
  type MantineThemeComponent,
  type MenuFactory,
  type ModalFactory,
  type NotificationFactory,
  type VariantColorsResolver,
} from '@mantine/core';

/**
 * What `Badge.extend(...)` returns, without importing the component: `X.extend` is an identity that
 * types the object, and importing Menu or Modal here put them (and Floating UI) in the entry chunk
 * every first page loads (issue 20, item 6).
 */
const extend = <Payload extends FactoryPayload>(input: ExtendComponent<Payload>) => input as MantineThemeComponent;

/** `light` in light mode, `dark` in dark mode (Mantine sets `color-scheme` on the root, so CSS light-dark() follows it). */
const lightDark = (light: string, dark: string) => `light-dark(${light}, ${dark})`;

/**
 * Dark mode for colours pinned to a dark shade (`color="gray.7"`, `"gray.8"`): readable on a white
 * page, nearly invisible on a dark one. Their outline, subtle and transparent variants keep that
 * shade in light mode and use the scheme's own text colour for the hue in dark mode.
 */
const variantColorResolver: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  const parsed = parseThemeColor({ color: input.color, theme: input.theme });
  if (!parsed.isThemeColor || parsed.shade === undefined || parsed.shade < 5 || parsed.color === 'dark') return colors;
  const name = parsed.color;
  if (input.variant === 'outline') {
    const dark = `var(--mantine-color-${name}-outline)`;
    return {
      ...colors,
      color: lightDark(colors.color, dark),
      border: `${rem(1)} solid ${lightDark(`var(--mantine-color-${name}-${parsed.shade})`, dark)}`,
    };
  }
  if (input.variant === 'subtle' || input.variant === 'transparent')
    return { ...colors, color: lightDark(colors.color, `var(--mantine-color-${name}-light-color)`) };
  return colors;
};

export const theme = createTheme({
  primaryColor: 'indigo',
  // Shade 8 keeps white text on filled buttons, badges and avatars (any colour, e.g. red confirm
  // buttons) above WCAG AA contrast, in both schemes. Dark mode fills the primary colour with
  // shade 7 instead (see cssVariablesResolver) so its focus rings stay visible on the dark page.
  primaryShade: { light: 8, dark: 8 },
  defaultRadius: 'md',
  fontFamily: 'Inter, "Segoe UI", system-ui, -apple-system, Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: {
    fontFamily: 'Inter, "Segoe UI", system-ui, -apple-system, Roboto, "Helvetica Neue", Arial, sans-serif',
    fontWeight: '700',
  },
  cursorType: 'pointer',
  autoContrast: true,
  variantColorResolver,
  components: {
    // A dot badge's dot is the filled shade, dark grey for gray and "dark" on a dark page: dark mode
    // uses the outline shade (a lighter one) instead.
    Badge: extend<BadgeFactory>({
      vars: (t, props) => {
        if (props.variant !== 'dot') return { root: {} };
        const parsed = parseThemeColor({ color: props.color ?? t.primaryColor, theme: t });
        if (!parsed.isThemeColor || parsed.shade !== undefined) return { root: {} };
        return {
          root: {
            '--badge-dot-color': lightDark(
              `var(--mantine-color-${parsed.color}-filled)`,
              `var(--mantine-color-${parsed.color}-outline)`,
            ),
          },
        };
      },
    }),
    Notification: extend<NotificationFactory>({
      defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss notification' } },
    }),
    // No invisible focus placeholder inside menus (an ARIA violation): focus lands on the first item.
    Menu: extend<MenuFactory>({ defaultProps: { withInitialFocusPlaceholder: false } }),
    Modal: extend<ModalFactory>({ defaultProps: { closeButtonProps: { 'aria-label': 'Close dialog' } } }),
    // Long values (an e-mail address, a URL) break inside the value rather than widen a phone's page.
    DataList: extend<DataListFactory>({ styles: { itemValue: { overflowWrap: 'anywhere', minWidth: 0 } } }),
  },
});

// Warm colours are light by nature: their text on a tinted background needs more darkening.
const DARKEN: Record<string, number> = { yellow: 0.4, orange: 0.3, lime: 0.4 };

/**
 * WCAG AA contrast everywhere, in both schemes.
 *
 * Light mode: darker dimmed and error text, darker text on the tinted ("light" variant) badges and
 * alerts of every colour, and a paler hover behind light primary elements (an active navigation
 * link under the mouse).
 *
 * Dark mode: lighter dimmed text (Mantine's dark-2 gives 4.0:1 on the page), links in a paler
 * primary shade (shade 4 falls below 4.5:1 on tinted alert backgrounds), a lighter error red, and
 * the primary colour filled with shade 7: white text on it at 5:1, and at 3.1:1 against the page it
 * still outlines focused elements (Mantine's focus ring is the primary filled colour; shade 8
 * would drop to 2.7:1).
 */
export const cssVariablesResolver: CSSVariablesResolver = (t) => {
  const lightColors: Record<string, string> = {};
  for (const [name, shades] of Object.entries(t.colors)) {
    if (name === 'dark' || name === 'gray') continue;
    lightColors[`--mantine-color-${name}-light-color`] = darken(shades[9], DARKEN[name] ?? 0.15);
  }
  return {
    variables: {},
    light: {
      ...lightColors,
      '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
      '--mantine-color-indigo-light-hover': 'var(--mantine-color-indigo-1)',
      '--mantine-color-error': 'var(--mantine-color-red-8)',
    },
    dark: {
      // #aeaeae: 6.2:1 on the page, 5:1 on the raised dark-5 surfaces, still a step below the text (dark-0).
      '--mantine-color-dimmed': lighten(t.colors.dark[2], 0.35),
      '--mantine-color-anchor': `var(--mantine-color-${t.primaryColor}-3)`,
      '--mantine-color-error': 'var(--mantine-color-red-5)',
      // The "dark" colour (archived, retired) is the page's own greyscale: as text or an outline it
      // needs a light grey, not Mantine's dark-4 (1.5:1).
      '--mantine-color-dark-outline': 'var(--mantine-color-dark-1)',
      '--mantine-color-dark-text': 'var(--mantine-color-dark-1)',
      [`--mantine-color-${t.primaryColor}-filled`]: `var(--mantine-color-${t.primaryColor}-7)`,
      [`--mantine-color-${t.primaryColor}-filled-hover`]: `var(--mantine-color-${t.primaryColor}-8)`,
    },
  };
};

import { createTheme, darken, Menu, Modal, Notification, type CSSVariablesResolver } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'indigo',
  // Shade 8 keeps white text on filled buttons (any colour, e.g. red confirm buttons) above WCAG AA contrast.
  primaryShade: { light: 8, dark: 6 },
  defaultRadius: 'md',
  fontFamily: 'Inter, "Segoe UI", system-ui, -apple-system, Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontFamily: 'Inter, "Segoe UI", system-ui, -apple-system, Roboto, "Helvetica Neue", Arial, sans-serif', fontWeight: '700' },
  cursorType: 'pointer',
  autoContrast: true,
  components: {
    Notification: Notification.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss notification' } } }),
    // No invisible focus placeholder inside menus (an ARIA violation): focus lands on the first item.
    Menu: Menu.extend({ defaultProps: { withInitialFocusPlaceholder: false } }),
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close dialog' } } }),
  },
});

// Warm colours are light by nature: their text on a tinted background needs more darkening.
const DARKEN: Record<string, number> = { yellow: 0.4, orange: 0.3, lime: 0.4 };

/**
 * Light mode, for WCAG AA contrast everywhere: darker dimmed and error text, darker text on the
 * tinted ("light" variant) badges and alerts of every colour, and a paler hover behind light
 * primary elements (an active navigation link under the mouse).
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
    dark: {},
  };
};

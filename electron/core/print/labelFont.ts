import { createRequire } from 'node:module';

// Labels are drawn with a font file the app ships, registered with the text renderer by path: a
// machine without any Chinese system font (a fresh Windows Server, a minimal Linux) still prints
// 门店名称 rather than empty boxes. Noto Sans SC (SIL Open Font License) comes from the npm package
// below; the lead adds it to package.json (see the report of issue 9).

export interface LabelFont {
  /** The family name inside the font file(s), as the renderer's font description asks for it. */
  family: string;
  regular: string;
  /** A bold face; without one, bold labels use the regular face. */
  bold?: string;
}

const NOTO_SANS_SC = {
  family: 'Noto Sans SC',
  regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
};

let cached: LabelFont | null | undefined;

/** The shipped CJK font, or null when the package is not installed (then the system's fonts are used). */
export function bundledLabelFont(): LabelFont | null {
  if (cached !== undefined) return cached;
  const require = createRequire(import.meta.url);
  try {
    cached = {
      family: NOTO_SANS_SC.family,
      regular: require.resolve(NOTO_SANS_SC.regular),
      bold: require.resolve(NOTO_SANS_SC.bold),
    };
  } catch {
    cached = null;
  }
  return cached;
}

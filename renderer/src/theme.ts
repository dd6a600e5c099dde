// One family with both Latin and CJK glyphs first, so digits and English words keep their own spacing beside Chinese
// (a Latin fallback for some characters and a CJK font for others spaces digits oddly). styles.css repeats it for
// the page itself.
export const FONT_FAMILY =
  "'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Hiragino Sans GB', -apple-system, 'Segoe UI', sans-serif, 'Apple Color Emoji', 'Segoe UI Emoji', 'Noto Color Emoji'"

export const THEME = { token: { colorPrimary: '#07a35a', borderRadius: 6, fontFamily: FONT_FAMILY } }

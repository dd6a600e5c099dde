// Latin look-alikes from Unicode's confusables data (UTS #39, confusables.txt, "MA" table), restricted to what
// spammers type in place of the Latin letters of "vx", "wx", "qq", "weixin" and of domain names: Cyrillic and Greek
// letters, and a few Latin extensions, whose confusables.txt prototype is a basic Latin letter. Each entry is the
// look-alike's code point and the Latin letter confusables.txt folds it to.
//
// Left out on purpose: the digit/letter pairs of the same table (0 -> O, 1 -> l, I -> l), which would turn phone
// numbers and ids into words; and letters whose prototype is not a basic Latin letter (Cyrillic в -> ʙ, Greek ε -> ɛ).
// Greek κ (prototype ĸ) is kept as k: that is what it imitates in chat.
export const LATIN_CONFUSABLES: readonly (readonly [number, string])[] = [
  // Cyrillic small letters
  [0x0430, 'a'], // а
  [0x0435, 'e'], // е
  [0x043e, 'o'], // о
  [0x0440, 'p'], // р
  [0x0441, 'c'], // с
  [0x0443, 'y'], // у
  [0x0445, 'x'], // х
  [0x0455, 's'], // ѕ
  [0x0456, 'i'], // і
  [0x0458, 'j'], // ј
  [0x04bb, 'h'], // һ
  [0x04cf, 'l'], // ӏ
  [0x04af, 'y'], // ү
  [0x0501, 'd'], // ԁ
  [0x051b, 'q'], // ԛ
  [0x051d, 'w'], // ԝ
  // Cyrillic capital letters
  [0x0410, 'A'], // А
  [0x0412, 'B'], // В
  [0x0415, 'E'], // Е
  [0x041a, 'K'], // К
  [0x041c, 'M'], // М
  [0x041d, 'H'], // Н
  [0x041e, 'O'], // О
  [0x0420, 'P'], // Р
  [0x0421, 'C'], // С
  [0x0422, 'T'], // Т
  [0x0423, 'Y'], // У
  [0x0425, 'X'], // Х
  [0x0405, 'S'], // Ѕ
  [0x0406, 'I'], // І
  [0x0408, 'J'], // Ј
  [0x04ae, 'Y'], // Ү
  [0x04ba, 'H'], // Һ
  [0x051a, 'Q'], // Ԛ
  [0x051c, 'W'], // Ԝ
  // Greek small letters
  [0x03b1, 'a'], // α
  [0x03b3, 'y'], // γ
  [0x03b9, 'i'], // ι
  [0x03ba, 'k'], // κ
  [0x03bd, 'v'], // ν
  [0x03bf, 'o'], // ο
  [0x03c1, 'p'], // ρ
  [0x03c5, 'u'], // υ
  [0x03c7, 'x'], // χ
  [0x03f2, 'c'], // ϲ
  [0x03f3, 'j'], // ϳ
  // Greek capital letters
  [0x0391, 'A'], // Α
  [0x0392, 'B'], // Β
  [0x0395, 'E'], // Ε
  [0x0396, 'Z'], // Ζ
  [0x0397, 'H'], // Η
  [0x0399, 'I'], // Ι
  [0x039a, 'K'], // Κ
  [0x039c, 'M'], // Μ
  [0x039d, 'N'], // Ν
  [0x039f, 'O'], // Ο
  [0x03a1, 'P'], // Ρ
  [0x03a4, 'T'], // Τ
  [0x03a5, 'Y'], // Υ
  [0x03a7, 'X'], // Χ
  [0x03f9, 'C'], // Ϲ
  [0x037f, 'J'], // Ϳ
  // Latin extensions
  [0x0131, 'i'], // ı dotless i
  [0x0237, 'j'], // ȷ dotless j
  [0x0251, 'a'], // ɑ
  [0x0261, 'g'], // ɡ
  [0x0269, 'i'], // ɩ
]

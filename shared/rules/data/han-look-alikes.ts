// Chinese characters spammers write in place of the one they imitate, so that a rule's 微信 no longer finds them:
// written for this project from the evasions reps report (徽信, 嶶信, 徾信) and the variant forms of the characters
// contact poaching needs (Unicode's Unihan database lists 㣲 as a variant of 微, 伩 of 信, 羣 of 群).
//
// Each entry folds in the compact text, on both sides (messages and rules), so a rule written with the look-alike
// still finds it. The cost: a rule for 微 also finds 徽 (安徽 reads as 安微 to the engine). 薇 (a common name) is left
// to sounds-like terms (~微信 finds 薇信) rather than folded here.
export const HAN_LOOK_ALIKES: readonly (readonly [string, string])[] = [
  ['徽', '微'],
  ['嶶', '微'],
  ['徾', '微'],
  ['溦', '微'],
  ['㣲', '微'],
  ['伩', '信'],
  ['羣', '群'],
]

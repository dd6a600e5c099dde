// A template family of the starter corpus: one way of saying something, with slots filled from the vocabulary.
export interface Family {
  id: string
  /** What kind of marketing (or, for ham, what the chat is about). */
  category: string
  /** Slot names in braces, e.g. "{wxid}", filled from SLOTS. */
  templates: readonly string[]
}

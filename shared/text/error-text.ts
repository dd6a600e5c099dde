// What went wrong, as text, from whatever was thrown: an Error's message, or the value printed. Libraries and puppets
// may reject with anything, even an object no String() can print, and this is called from error handlers: it never
// throws.
export function errorText(error: unknown): string {
  try {
    const text: unknown = error instanceof Error ? error.message : String(error)
    return typeof text === 'string' ? text : String(text)
  } catch {
    return 'unreadable error'
  }
}

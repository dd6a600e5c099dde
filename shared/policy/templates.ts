// Filling the rep's message templates. Unknown placeholders stay as written so a typo shows up in the group, not as a crash.

export interface TemplateValues {
  name: string
  rule: string
  count: number
  limit: number
}

const PLACEHOLDER = /\{(name|rule|count|limit)\}/g

/** Placeholders without a value (a welcome has no rule) stay as written, like unknown ones. */
export function renderTemplate(template: string, values: Partial<TemplateValues>): string {
  return template.replace(PLACEHOLDER, (whole: string, key: keyof TemplateValues) => (values[key] === undefined ? whole : String(values[key])))
}

/** A warning uses the rule's own reply when it has one, else the default template. */
export function renderWarning(
  rule: { name: string; reply: string | null },
  defaultTemplate: string,
  member: { name: string },
  strike: { strikeNumber: number; limit: number },
): string {
  const template = rule.reply?.trim() ? rule.reply : defaultTemplate
  return renderTemplate(template, { name: member.name, rule: rule.name, count: strike.strikeNumber, limit: strike.limit })
}

/**
 * A count with its noun, singular for one: "1 story", "2 stories". Every
 * count the CLI prints goes through here, so none reads "1 articles".
 *
 * @example
 * plural(1, 'story') // => '1 story'
 * plural(3, 'copy') // => '3 copies'
 * plural(2, 'person', 'people') // => '2 people'
 */
export function plural(count: number, singular: string, pluralForm?: string): string {
  if (count === 1) return `${count} ${singular}`
  return `${count} ${pluralForm ?? regularPlural(singular)}`
}

/** English plural of a regular noun: story → stories, copy → copies, match → matches, article → articles. */
function regularPlural(noun: string): string {
  if (/[^aeiou]y$/u.test(noun)) return `${noun.slice(0, -1)}ies`
  if (/(s|x|z|ch|sh)$/u.test(noun)) return `${noun}es`
  return `${noun}s`
}

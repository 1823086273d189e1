/**
 * Which of an article's people the text itself marks as a man or a woman,
 * so that "she said" is not given to the last man named. Only the article's
 * own words count: an honorific before the surname ("Mr Lenk", "Mrs
 * Okafor") or a gendered role noun right before the name ("spokeswoman Ana
 * Ruiz", "the port's chairman, Ivo Lenk"). First names are not guessed
 * from: that would be a list of cultural assumptions, and wrong often
 * enough to do harm. Someone the text does not mark stays unknown and can
 * be "he" or "she".
 */

export type Gender = 'male' | 'female'

const HONORIFIC = /\b(Mr|Mrs|Ms|Miss|Sir|Dame|Lord|Lady)\.?\s+(\p{Lu}[\p{L}’'-]+)/gu
const HONORIFIC_GENDER: Readonly<Record<string, Gender>> = {
  Mr: 'male',
  Sir: 'male',
  Lord: 'male',
  Mrs: 'female',
  Ms: 'female',
  Miss: 'female',
  Dame: 'female',
  Lady: 'female',
}

/** Role nouns that say the person's gender, as they stand before a name ("spokeswoman Ana Ruiz", "chairman, Ivo Lenk"). */
const GENDERED_ROLE_BEFORE = new RegExp(
  `\\b(${[
    'spokesman|chairman|congressman|councilman|businessman|sportsman|alderman|headmaster|foreman|king|prince|father|son|husband|brother|uncle|grandfather|nephew|widower|boy|man',
    'spokeswoman|chairwoman|congresswoman|councilwoman|businesswoman|sportswoman|alderwoman|headmistress|forewoman|queen|princess|mother|daughter|wife|sister|aunt|grandmother|niece|widow|girl|woman',
  ].join('|')})(?:'s)?,?\\s+(?:\\p{Lu}[\\p{L}.’'-]*\\s+)*$`,
  'iu',
)
const FEMALE_ROLES = new Set(
  'spokeswoman chairwoman congresswoman councilwoman businesswoman sportswoman alderwoman headmistress forewoman queen princess mother daughter wife sister aunt grandmother niece widow girl woman'.split(
    ' ',
  ),
)

/** A person's name and where one mention of it starts. */
export interface PersonMention {
  readonly name: string
  readonly position: number
}

/**
 * The gender the article marks for each person of `people`, by name; a
 * name marked both ways (two people sharing a surname) is left out.
 *
 * @example
 * personGenders('Spokeswoman Ana Ruiz said …', [{ name: 'Ana Ruiz', position: 12 }]) // => Map { 'Ana Ruiz' => 'female' }
 */
export function personGenders(text: string, people: readonly PersonMention[]): Map<string, Gender> {
  const marks = new Map<string, Gender | 'both'>()
  const mark = (name: string, gender: Gender): void => {
    const before = marks.get(name)
    marks.set(name, before === undefined || before === gender ? gender : 'both')
  }
  // Honorifics name a surname: it marks every person whose name ends with it.
  if (/\b(?:Mr|Mrs|Ms|Miss|Sir|Dame|Lord|Lady)\b/u.test(text)) {
    for (const m of text.matchAll(HONORIFIC)) {
      const gender = HONORIFIC_GENDER[m[1] as string] as Gender
      const surname = m[2] as string
      for (const person of people) if (person.name === surname || person.name.endsWith(` ${surname}`)) mark(person.name, gender)
    }
  }
  for (const person of people) {
    const role = GENDERED_ROLE_BEFORE.exec(text.slice(Math.max(0, person.position - 40), person.position))?.[1]
    if (role !== undefined) mark(person.name, FEMALE_ROLES.has(role.toLowerCase()) ? 'female' : 'male')
  }
  const genders = new Map<string, Gender>()
  for (const [name, gender] of marks) if (gender !== 'both') genders.set(name, gender)
  return genders
}

/** The gender a person pronoun refers to, or null for one that says none ("I"). */
export function pronounGender(pronoun: string): Gender | null {
  const lower = pronoun.toLowerCase()
  return lower === 'he' || lower === 'him' || lower === 'his' ? 'male' : lower === 'she' || lower === 'her' || lower === 'hers' ? 'female' : null
}

/**
 * Invented news sentences for the alignment tests: every person, place and
 * figure is made up. Each story is an original sentence, a spun rewrite of it
 * (reworded, names, numbers and quotes kept) and a different sentence from
 * the same story (same names and topic, other content).
 */
import type { LabelledPair } from './types.js'

/** [original, spun rewrite, different sentence on the same story] */
export const STORIES: ReadonlyArray<readonly [string, string, string]> = [
  [
    'Floodwater breached the Kelso dam on Tuesday, forcing 1,300 people from their homes, regional officials said.',
    'Regional officials said 1,300 residents were forced to leave their homes after floodwater broke through the Kelso dam on Tuesday.',
    'Regional officials said the Kelso dam had been inspected in March and judged safe for another decade.',
  ],
  [
    'At least 41 people were killed when the bridge over the Varn river collapsed on Sunday evening.',
    'The collapse of the bridge over the Varn river on Sunday evening killed at least 41 people.',
    'Engineers had warned for years that the bridge over the Varn river needed new steel cables.',
  ],
  [
    'Governor Alma Reyes declared a state of emergency in Dunmore province and asked the army for help.',
    'A state of emergency was declared in Dunmore province by Governor Alma Reyes, who requested help from the army.',
    'Governor Alma Reyes will visit Dunmore province next week to open a new hospital wing.',
  ],
  [
    'The company said quarterly profit rose 12 percent to $4.2 million, helped by strong sales in Asia.',
    'Strong sales in Asia helped lift quarterly profit by 12 percent to $4.2 million, the company said.',
    'The company said it would open two factories in Asia and hire about 300 workers next year.',
  ],
  [
    'Police arrested two men in Harlow on Friday in connection with the robbery of a jewellery shop.',
    'Two men were arrested by police in Harlow on Friday over the robbery of a jewellery shop.',
    'Police in Harlow appealed on Friday for witnesses who saw a grey van near the jewellery shop.',
  ],
  [
    'Rescue teams pulled three survivors from the rubble of the collapsed apartment block overnight.',
    'Overnight, rescuers pulled three survivors out of the rubble of the apartment block that collapsed.',
    'The owner of the collapsed apartment block has been questioned by prosecutors about building permits.',
  ],
  [
    'The central bank kept its main interest rate at 3.5 percent, citing slowing inflation.',
    'Citing slowing inflation, the central bank left its key interest rate unchanged at 3.5 percent.',
    'The central bank warned that unemployment could reach 7 percent by the end of the year.',
  ],
  [
    'Health minister Tomas Brenner said the vaccine would be offered to everyone over 60 from next month.',
    'Everyone over 60 will be offered the vaccine starting next month, health minister Tomas Brenner said.',
    'Health minister Tomas Brenner faced questions in parliament over delays at regional hospitals.',
  ],
  [
    'Wildfires have burned more than 20,000 hectares of forest in the north of the country since June.',
    "Since June, wildfires have destroyed over 20,000 hectares of forest across the country's north.",
    'Firefighters from three neighbouring countries arrived in the north to help fight the wildfires.',
  ],
  [
    'The striking rail workers agreed to return to work after the union accepted a 6 percent pay rise.',
    'Rail workers on strike will go back to work after their union accepted a pay rise of 6 percent.',
    'The rail union said the strike had cost its members about two weeks of wages.',
  ],
  [
    'A magnitude 6.1 earthquake struck off the coast of Marrel early on Monday, damaging dozens of houses.',
    'Dozens of houses were damaged when an earthquake of magnitude 6.1 hit off the Marrel coast early Monday.',
    'Scientists in Marrel said a tsunami warning had not been necessary after the earthquake.',
  ],
  [
    'The city council voted 9 to 4 to ban cars from the old town centre on weekends.',
    'Cars will be banned from the old town centre at weekends after the city council voted 9 to 4.',
    'Shop owners in the old town centre said the city council had ignored their complaints about parking.',
  ],
  [
    'Prosecutors charged the former mayor of Kestrel with fraud and abuse of office on Thursday.',
    "On Thursday prosecutors charged Kestrel's former mayor with abuse of office and fraud.",
    'The former mayor of Kestrel said on Thursday he would run for parliament in the spring.',
  ],
  [
    'Heavy snow closed the main mountain pass for a second day, stranding hundreds of trucks.',
    'Hundreds of trucks were stranded as heavy snow shut the main mountain pass for a second straight day.',
    'The road authority plans to build a tunnel under the main mountain pass by 2030.',
  ],
  [
    'The airline cancelled 240 flights after air traffic controllers walked out over staffing levels.',
    'Air traffic controllers walked out over staffing levels, forcing the airline to cancel 240 flights.',
    'The airline announced new routes to four cities and a larger fleet for the summer season.',
  ],
  [
    'Doctors at the Saint Ives clinic said the patient was in stable condition after surgery.',
    'The patient was stable after surgery, doctors at the Saint Ives clinic said.',
    'The Saint Ives clinic will close its maternity ward at the end of the month, doctors said.',
  ],
  [
    'Farmers in the Oda valley say the drought has cut their wheat harvest by half this year.',
    'This year the drought has halved the wheat harvest of farmers in the Oda valley, they say.',
    'Farmers in the Oda valley protested outside the agriculture ministry over fuel prices.',
  ],
  [
    'The museum said the stolen painting, valued at $2 million, was recovered in a warehouse near the port.',
    'The stolen painting, worth $2 million, was found in a warehouse close to the port, the museum said.',
    'The museum said it would reopen its east wing after repairs to the roof were completed.',
  ],
  [
    'Voters rejected the proposed tax increase by a margin of 58 percent to 42 percent.',
    'The proposed tax increase was rejected by voters, 58 percent to 42 percent.',
    'Supporters of the proposed tax increase spent heavily on television advertising before the vote.',
  ],
  [
    'The ferry ran aground near Port Salen with 312 passengers on board, but no one was hurt.',
    'No one was hurt when the ferry, carrying 312 passengers, ran aground close to Port Salen.',
    'The ferry operator said it would add a second daily crossing to Port Salen in the summer.',
  ],
]

/**
 * The stories as labelled pairs: (original, rewrite) is a paraphrase,
 * (original, different sentence) is not.
 */
export function inventedPairs(): LabelledPair[] {
  return STORIES.flatMap(([original, rewrite, different]) => [
    { a: original, b: rewrite, paraphrase: true },
    { a: original, b: different, paraphrase: false },
  ])
}

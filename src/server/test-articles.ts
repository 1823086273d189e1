/**
 * Invented news articles for the server and follower tests. Every outlet,
 * person, place and figure is made up.
 */

export const BRIDGE_REPORT = {
  title: 'Lindqvist Bridge to close for six weeks of repairs',
  outlet: 'Riverside Gazette',
  published: '2026-02-03T08:00:00Z',
  url: 'https://riverside-gazette.example/news/bridge-repairs',
  text: [
    'The Lindqvist Bridge over the river Orme will close to all traffic for six weeks from 2 March while engineers replace corroded bearings, the county transport office said on Monday.',
    'About 18,000 vehicles cross the bridge each day, and a signed diversion through Harwick will add up to 25 minutes to journeys at peak times, according to the office.',
    '"We know this is a long closure, but the bearings are at the end of their life," said transport director Maren Oyelaran, adding that the work would cost about €4.2m.',
    'Bus operators said they would add extra services on the diversion route and keep fares unchanged during the closure.',
  ].join('\n\n'),
}

export const BRIDGE_REWRITE = {
  title: 'Orme river crossing shut for repairs from March',
  outlet: 'Harwick Herald',
  published: '2026-02-03T11:30:00Z',
  url: 'https://harwick-herald.example/local/orme-bridge-closure',
  text: [
    'Drivers face a six-week closure of the Lindqvist Bridge over the river Orme from 2 March while engineers replace corroded bearings, the county transport office announced on Monday.',
    'Roughly 18,000 vehicles use the bridge every day; a signed diversion through Harwick will add as much as 25 minutes at peak times, the office said.',
    '"We know this is a long closure, but the bearings are at the end of their life," transport director Maren Oyelaran said. The repairs are expected to cost around €4.2m.',
    'Local shop owners in Harwick said they hoped the extra traffic would bring more customers.',
  ].join('\n\n'),
}

export const LIBRARY_NEWS = {
  title: 'Tessaly library reopens after flood restoration',
  outlet: 'Tessaly Courier',
  published: '2026-01-20T09:00:00Z',
  url: 'https://tessaly-courier.example/culture/library-reopens',
  text: [
    'The central library in Tessaly reopened on Saturday after a nine-month restoration that followed flooding of its basement archive last spring.',
    'Volunteers dried and catalogued more than 3,000 damaged books, of which about 2,400 could be saved, head librarian Idris Castellane said.',
    "The reading room now has new shelving raised above the flood line and a children's corner funded by a local bakery.",
  ].join('\n\n'),
}

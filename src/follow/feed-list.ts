/**
 * The `serve --follow` file: one feed URL per line; blank lines and `#`
 * comments (whole-line or after the URL) are ignored.
 *
 * @example
 * parseFeedList('# wires\nhttps://a.example/rss  # Agency A\n\nhttps://b.example/atom\n')
 * // => ['https://a.example/rss', 'https://b.example/atom']
 */
export function parseFeedList(text: string): string[] {
  const urls: string[] = []
  for (const line of text.split(/\r?\n/u)) {
    const url = line.replace(/(^|\s)#.*$/u, '').trim()
    if (url !== '' && !urls.includes(url)) urls.push(url)
  }
  return urls
}

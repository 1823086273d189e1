/**
 * Outlets with their copy/rewrite profile: how much of what each publishes
 * is taken from another outlet (the content-farm signal), and how often
 * others take from it.
 */
import { html } from 'hono/html'
import type { OutletProfile } from '../lineage/lineage-graph.js'
import { type Html, percent } from './html.js'
import { page } from './layout.js'

export function renderOutletsPage(profiles: readonly OutletProfile[]): Html {
  const body =
    profiles.length === 0
      ? html`<h1>Outlets</h1>
          <p class="notice">No articles stored yet.</p>`
      : html`<h1>Outlets</h1>
          <p class="muted lede">
            Each outlet's articles and how many of them copy or rewrite another outlet's article (only where the direction is known), most derived first.
          </p>
          <div class="table-wrap">
            <table class="outlets">
              <thead>
                <tr>
                  <th>Outlet</th>
                  <th class="num">Articles</th>
                  <th class="num">Copies or rewrites</th>
                  <th class="num">Partial reuse</th>
                  <th class="num">Copied by others</th>
                  <th class="num">Derived</th>
                  <th class="hide-narrow"></th>
                </tr>
              </thead>
              <tbody>
                ${profiles.map(
                  (profile) =>
                    html`<tr>
                      <td>${profile.outlet}</td>
                      <td class="num">${profile.articles}</td>
                      <td class="num">${profile.copiesOrRewrites}</td>
                      <td class="num">${profile.partial}</td>
                      <td class="num">${profile.copiedByOthers}</td>
                      <td class="num">${percent(profile.derivedShare)}</td>
                      <td class="hide-narrow">
                        <meter min="0" max="1" low="0.25" high="0.5" optimum="0" value="${profile.derivedShare}">${percent(profile.derivedShare)}</meter>
                      </td>
                    </tr>`,
                )}
              </tbody>
            </table>
          </div>`
  return page({ title: 'Outlets', section: 'outlets' }, body)
}

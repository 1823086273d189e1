/**
 * Invented news texts for the dedup tests: one wire story, a republication
 * of it with site furniture and a word changed, a spun rewrite that keeps
 * names, numbers and the quote, and an unrelated story. The expected
 * ordering of any resemblance measure is copy > rewrite > unrelated.
 */

/** The original wire story (its one non-ASCII name exercises the comparison-form path). */
export const ORIGINAL = `Fire crews in the port town of Kessenby battled a blaze aboard the passenger ferry Marit Holm for more than six hours on Sunday, the regional fire service said.

All 214 passengers and 31 crew were taken ashore before the flames spread from the vehicle deck to the upper cabins, according to a statement released shortly after midnight.

Harbour master Lene Okonkwo told reporters that the fire started in a refrigerated lorry parked near the stern. “We were lucky the ship was still tied up at the quay,” she said. “Twenty minutes later it would have been in open water.”

Eleven people were treated for smoke inhalation at Kessenby General Hospital, and two firefighters suffered minor burns.

The operator, Nordvik Lines, cancelled all crossings to the island of Saltø until Wednesday and said it would cooperate fully with the maritime accident board. Investigators are expected to board the vessel on Monday once the hull has cooled.

The Marit Holm, built in 1998, passed its last safety inspection in March, the company said. Local residents gathered along the harbour wall through the night as thick black smoke drifted over the old town.`

/** The same story republished: straight quotes, a banner and promo, one word added, a footer. */
export const NEAR_COPY = `KESSENBY TODAY - your local news

Fire crews in the port town of Kessenby battled a blaze aboard the passenger ferry Marit Holm for more than six hours late on Sunday, the regional fire service said.

All 214 passengers and 31 crew were taken ashore before the flames spread from the vehicle deck to the upper cabins, according to a statement released shortly after midnight.

Read more: Council approves new ferry terminal

Harbour master Lene Okonkwo told reporters that the fire started in a refrigerated lorry parked near the stern. "We were lucky the ship was still tied up at the quay," she said. "Twenty minutes later it would have been in open water."

Eleven people were treated for smoke inhalation at Kessenby General Hospital, and two firefighters suffered minor burns.

The operator, Nordvik Lines, cancelled all crossings to the island of Saltø until Wednesday and said it would cooperate fully with the maritime accident board. Investigators are expected to board the vessel on Monday once the hull has cooled.

The Marit Holm, built in 1998, passed its last safety inspection in March, the company said. Local residents gathered along the harbour wall through the night as thick black smoke drifted over the old town.

Share this story with your friends`

/** A spun rewrite: every sentence reworded, names, figures and the quotation kept. */
export const REWRITE = `Firefighters in the harbour town of Kessenby spent over six hours on Sunday fighting a fire on board the Marit Holm passenger ferry, according to the regional fire service.

Every one of the 214 passengers and 31 crew members was brought ashore before the blaze moved from the car deck into the upper cabins, a statement issued just after midnight said.

Lene Okonkwo, the harbour master, told journalists the fire broke out in a refrigerated truck parked close to the stern. “We were lucky the ship was still tied up at the quay,” she said. “Twenty minutes later it would have been in open water.”

Kessenby General Hospital treated eleven people for smoke inhalation, while two firefighters sustained minor burns.

Nordvik Lines, which runs the service, has called off every crossing to Saltø island until Wednesday and pledged full cooperation with the maritime accident board. Investigators should go aboard on Monday after the hull cools down.

According to the company, the 1998-built Marit Holm passed its most recent safety inspection in March. Through the night, locals lined the harbour wall while dense black smoke drifted across the old town.`

/** A story about something else, in the same register. */
export const UNRELATED = `The city council of Varnholt approved a budget of 48 million euros on Thursday after a four-hour debate, with spending on schools rising by nine percent.

Mayor Idris Calloway said the plan would pay for two new primary schools and the repair of the Brandt Street bridge, which has been closed to heavy traffic since last autumn.

Opposition councillors criticised a planned rise in parking fees in the town centre, saying it would drive shoppers to the retail park on the ring road. “This budget balances the books on the backs of small traders,” said councillor Mira Esterhazy.

The council also voted to extend the night bus service to the eastern suburbs from September, a measure residents had campaigned for since 2021. A final vote on the parking fees is scheduled for next month.`

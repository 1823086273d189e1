/**
 * The words that mark an attribution in news English: reporting verbs and
 * phrases ("said", "told reporters", "according to"), the titles and roles
 * that precede a speaker's name ("Kremlin spokesman", "Sen."), pronouns, and
 * the common nouns that can speak ("officials", "the ministry", "local
 * sources"). Kept apart from the extractor so the lexicon can grow without
 * touching the scanning logic.
 */

/**
 * Reporting verbs in the forms news prose uses them (past, present, -ing).
 * Speech verbs that take a clause or a quotation: "X said (that) …",
 * "“…,” X added".
 */
export const SPEECH_VERBS: readonly string[] = [
  'said', 'says', 'say', 'saying', 'told', 'tells', 'telling', 'stated', 'states', 'stating', 'added', 'adds', 'adding',
  'noted', 'notes', 'noting', 'warned', 'warns', 'warning', 'announced', 'announces', 'announcing', 'insisted', 'insists',
  'insisting', 'claimed', 'claims', 'claiming', 'wrote', 'writes', 'writing', 'tweeted', 'tweets', 'tweeting', 'argued',
  'argues', 'arguing', 'explained', 'explains', 'explaining', 'asked', 'asks', 'asking', 'replied', 'replies', 'responded',
  'responds', 'continued', 'continues', 'recalled', 'recalls', 'acknowledged', 'acknowledges', 'admitted', 'admits',
  'conceded', 'concedes', 'declared', 'declares', 'emphasized', 'emphasised', 'emphasizes', 'stressed', 'stresses',
  'stressing', 'suggested', 'suggests', 'predicted', 'predicts', 'complained', 'complains', 'boasted', 'boasts', 'joked',
  'jokes', 'quipped', 'quips', 'countered', 'counters', 'confirmed', 'confirms', 'denied', 'denies', 'urged', 'urges',
  'cautioned', 'cautions', 'observed', 'observes', 'remarked', 'remarks', 'reiterated', 'reiterates', 'recounted',
  'promised', 'promises', 'vowed', 'vows', 'pledged', 'pledges', 'maintained', 'maintains', 'contended', 'contends',
  'reported', 'reports', 'reporting', 'revealed', 'reveals', 'disclosed', 'alleged', 'alleges', 'wondered', 'wonders',
  'shouted', 'yelled', 'whispered', 'mused', 'opined', 'posted', 'testified', 'answered', 'agreed', 'agrees', 'believes',
  'believed', 'thinks', 'thought', 'hopes', 'hoped', 'fears', 'feared', 'estimated', 'estimates', 'concluded', 'concludes',
  'pointed out', 'points out', 'went on', 'goes on', 'read', 'reads', 'declaring', 'explaining', 'recalling', 'telling',
  'insisting', 'arguing', 'writing', 'tweeting', 'predicting', 'suggesting', 'acknowledging', 'admitting',
  'asserted', 'asserts', 'asserting', 'informed', 'informs', 'retorted', 'retorts', 'exclaimed', 'exclaims', 'answers',
  'commented', 'elaborated', 'clarified', 'reasoned', 'speculated', 'interjected', 'deadpanned', 'bragged', 'scoffed',
  'snapped', 'texted', 'emailed', 'shot back', 'fired back', 'wrote back', 'chimed in', 'pointing out',
]

/**
 * Verbs that frame a quoted fragment rather than a clause: "condemned
 * “pro-Assad elements”", "described the crisis as “…”". They attribute a
 * partial quote to their subject.
 */
export const FRAMING_VERBS: readonly string[] = [
  'condemned', 'condemns', 'condemning', 'denounced', 'denounces', 'called', 'calls', 'calling', 'called for', 'calls for',
  'accused', 'accuses', 'accusing', 'blamed', 'blames', 'blaming', 'criticized', 'criticised', 'criticizes', 'praised',
  'praises', 'described', 'describes', 'describing', 'dubbed', 'dubs', 'labeled', 'labelled', 'labels', 'branded', 'brands',
  'slammed', 'slams', 'attributed', 'attributes', 'characterized', 'characterised', 'termed', 'welcomed', 'welcomes',
  'lamented', 'decried', 'rejected', 'rejects', 'dismissed', 'dismisses', 'hailed', 'hails', 'touted', 'touts', 'demanded',
  'demands', 'expressed', 'expresses', 'vowing', 'promising', 'pledging', 'urging', 'warning', 'referred', 'refers',
  'mocked', 'mocks', 'attacked', 'attacks', 'assailed', 'questioned', 'questions', 'defended', 'defends', 'insulted',
]

/** Multi-word cues that introduce the source before the content: "according to X, …". */
export const ACCORDING_TO = 'according to'

/** Phrases after a verb that belong to the cue: "told reporters", "said in a statement". */
export const CUE_OBJECTS: readonly string[] = [
  'reporters', 'journalists', 'the press', 'the crowd', 'supporters', 'the audience', 'an audience', 'the newspaper',
  'the paper', 'the station', 'the network', 'the agency', 'the committee', 'lawmakers', 'parliament', 'congress',
  'the council', 'the senate', 'the house', 'the times', 'the post', 'the magazine', 'the outlet', 'viewers', 'listeners',
  'voters', 'the gathering', 'the rally', 'the meeting', 'him', 'her', 'them', 'us', 'me',
]

/**
 * Titles and roles that precede a name ("Kremlin spokesman Dmitry Peskov",
 * "Sen. Bernie Sanders") or stand for a speaker ("a spokeswoman"). Lower case;
 * matched case-insensitively against single words.
 */
export const ROLE_WORDS: readonly string[] = [
  'president', 'vice', 'prime', 'minister', 'ministers', 'secretary', 'spokesman', 'spokeswoman', 'spokesperson',
  'ambassador', 'envoy', 'senator', 'sen.', 'rep.', 'representative', 'congressman', 'congresswoman', 'governor',
  'gov.', 'mayor', 'deputy', 'chief', 'director', 'chairman', 'chairwoman', 'chair', 'head', 'leader', 'commander',
  'general', 'gen.', 'col.', 'lt.', 'capt.', 'sgt.', 'adm.', 'colonel', 'captain', 'officer', 'official', 'officials',
  'mr.', 'mrs.', 'ms.', 'dr.', 'prof.', 'professor', 'judge', 'justice', 'attorney', 'lawyer', 'counsel', 'advisor',
  'adviser', 'aide', 'analyst', 'expert', 'economist', 'researcher', 'candidate', 'nominee', 'speaker', 'executive',
  'ceo', 'founder', 'manager', 'strategist', 'pollster', 'consultant', 'activist', 'organizer', 'organiser', 'king',
  'queen', 'prince', 'princess', 'pope', 'rev.', 'reverend', 'bishop', 'cardinal', 'sheikh', 'emir', 'chancellor',
  'foreign', 'defense', 'defence', 'interior', 'finance', 'former', 'acting', 'senior', 'top', 'assistant', 'press',
  'campaign', 'republican', 'democratic', 'democrat', 'gop', 'u.s.', 'us', 'state', 'house', 'senate', 'white',
  'secretary-general', 'commissioner', 'inspector', 'superintendent', 'sheriff', 'prosecutor', 'councillor',
  'councilman', 'councilwoman', 'councilor', 'member', 'lawmaker', 'legislator', 'delegate', 'diplomat', 'correspondent',
  'reporter', 'editor', 'columnist', 'host', 'anchor', 'commentator', 'writer', 'author', 'scientist', 'doctor',
  'resident', 'witness', 'worker', 'union', 'secretary of state', 'attorney general', 'of', 'to', 'the', 'for', 'and',
]

/** Personal pronouns that can be a speaker; resolved to a person ("he", "she") or a body ("it", "they"). */
export const PERSON_PRONOUNS: readonly string[] = ['he', 'she', 'i']
export const GROUP_PRONOUNS: readonly string[] = ['they', 'it', 'we', 'who']

/**
 * Heads of common noun phrases that can speak: "local sources", "the
 * ministry", "a senior official". An attribution whose subject ends in one of
 * these is taken as the speaker even without a capital letter.
 */
export const SPEAKER_NOUNS: readonly string[] = [
  'official', 'officials', 'source', 'sources', 'spokesman', 'spokeswoman', 'spokesperson', 'spokespeople', 'ministry',
  'government', 'council', 'committee', 'commission', 'department', 'agency', 'office', 'authority', 'authorities',
  'police', 'army', 'military', 'campaign', 'company', 'group', 'party', 'statement', 'report', 'residents', 'resident',
  'witnesses', 'witness', 'activists', 'activist', 'analysts', 'analyst', 'experts', 'expert', 'observers', 'critics',
  'supporters', 'aides', 'aide', 'advisers', 'adviser', 'advisors', 'advisor', 'lawyers', 'lawyer', 'attorney',
  'prosecutors', 'investigators', 'researchers', 'scientists', 'doctors', 'medics', 'diplomats', 'diplomat', 'leaders',
  'leader', 'lawmakers', 'lawmaker', 'senators', 'democrats', 'republicans', 'voters', 'voter', 'people', 'man', 'woman',
  'president', 'minister', 'ambassador', 'envoy', 'candidate', 'nominee', 'administration', 'white house', 'kremlin',
  'pentagon', 'court', 'judge', 'union', 'organization', 'organisation', 'observatory', 'website', 'newspaper',
  'network', 'paper', 'article', 'study', 'survey', 'poll', 'memo', 'letter', 'post', 'tweet', 'ad', 'governor', 'mayor',
  'senator', 'secretary', 'director', 'chief', 'head', 'chairman', 'founder', 'executive', 'manager', 'strategist',
  'pollster', 'operative', 'donor', 'donors', 'members', 'member', 'staff', 'staffers', 'team', 'fact-checker',
  'historian', 'professor', 'economist', 'author', 'writer', 'reporter', 'editor', 'columnist', 'host', 'ministries',
  'agencies', 'groups', 'parties', 'organizations', 'others', 'everyone', 'nobody', 'many', 'some', 'both', 'two',
]

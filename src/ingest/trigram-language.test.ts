import { test } from 'node:test'
import assert from 'node:assert/strict'
import { franc } from 'franc-min'
import { data } from 'franc-min/data.js'
import { seededRandom } from '../random.js'
import { detectLanguage } from './language.js'
import { francLanguage } from './trigram-language.js'

// Invented sentences in a few languages and scripts, and text that is no language at all.
const TEXTS = [
  'The council of Eastmere voted on Tuesday to close the old harbour road for eight weeks while engineers replace the sea wall.',
  'Le conseil municipal a voté mardi la fermeture de la route du port pendant huit semaines, le temps de remplacer la digue.',
  'Der Gemeinderat beschloss am Dienstag, die alte Hafenstraße für acht Wochen zu sperren, während die Ufermauer ersetzt wird.',
  'El consejo votó el martes cerrar la carretera del puerto durante ocho semanas mientras los ingenieros reparan el muro.',
  'Городской совет во вторник проголосовал за закрытие старой портовой дороги на восемь недель для ремонта стены.',
  'Το δημοτικό συμβούλιο ψήφισε την Τρίτη να κλείσει ο παλιός δρόμος του λιμανιού για οκτώ εβδομάδες.',
  '市议会周二投票决定关闭旧港口道路八周，以便工程师更换去年冬天被风暴损坏的海堤。这项工程预计将在春季完成。',
  'مجلس المدينة صوت يوم الثلاثاء على إغلاق طريق الميناء القديم لمدة ثمانية أسابيع أثناء إصلاح الجدار البحري.',
  '1234 5678 9012 3456 7890 1234 5678 9012 3456 7890 1234 5678',
  '!!!! ???? .... ,,,, ;;;; :::: //// (((( )))) !!!! ???? ....',
  '',
]

test('francLanguage answers what franc answers, on text in several languages and scripts', () => {
  for (const text of TEXTS) {
    for (const minLength of [10, 40]) assert.equal(francLanguage(text, minLength), franc(text, { minLength }), text)
  }
})

test('francLanguage answers what franc answers on the models own trigrams and on random text of mixed scripts', () => {
  const samples: string[] = []
  for (const languages of Object.values(data)) for (const model of Object.values(languages)) samples.push(model.split('|').slice(0, 60).join(''))
  const random = seededRandom(11)
  const ranges: Array<[number, number]> = [
    [0x20, 0x7f],
    [0xc0, 0x250],
    [0x370, 0x3ff],
    [0x400, 0x4ff],
    [0x600, 0x6ff],
    [0x900, 0x97f],
    [0x4e00, 0x4fff],
  ]
  for (let i = 0; i < 500; i++) {
    const [first, second] = [ranges[Math.floor(random() * ranges.length)], ranges[Math.floor(random() * ranges.length)]] as Array<[number, number]>
    let text = ''
    for (let k = 30 + Math.floor(random() * 270); k > 0; k--) {
      const [from, to] = (random() < 0.8 ? first : second) as [number, number]
      text += String.fromCharCode(from + Math.floor(random() * (to - from)))
      if (random() < 0.15) text += ' '
    }
    samples.push(text)
  }
  for (const text of samples) assert.equal(francLanguage(text, 40), franc(text, { minLength: 40 }), text)
})

test('detectLanguage gives ISO 639-1 codes and null for text too short to tell', () => {
  assert.equal(detectLanguage(TEXTS[0] as string), 'en')
  assert.equal(detectLanguage(TEXTS[1] as string), 'fr')
  assert.equal(detectLanguage('Too short.'), null)
})

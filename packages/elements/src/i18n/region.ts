/** What the region picker says: its levels' labels, the code box, a code not in the table. */
import { messages, type Message } from './say.js';

export const regionMessages = messages('region', {
  province: { 'zh-CN': '省', en: 'Province' },
  city: { 'zh-CN': '市', en: 'City' },
  county: { 'zh-CN': '区县', en: 'County' },
  choose: { 'zh-CN': '请选择', en: 'Choose' },
  codeLabel: { 'zh-CN': '行政区划代码（6位数字）', en: 'Region code (6 digits)' },
  unknownOption: { 'zh-CN': '{code}（未识别的代码）', en: '{code} (unrecognised code)' },
  unknownNote: {
    'zh-CN': '代码 {code} 不在行政区划表中，已按原样保留；如有误，请重新选择。',
    en: 'The code {code} is not in the list of administrative divisions. It is kept as given; if it is wrong, choose again.',
  },
} satisfies Record<string, Message>);

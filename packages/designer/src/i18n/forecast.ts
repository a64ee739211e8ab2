// What the designer says of the fill forecast (SPEC §10) beside each field and in its header.
import { messages } from '@matterform/elements';

export const forecastMessages = messages('designer-forecast', {
  share: {
    'zh-CN': '预计 {percent} 的申请人已填好；提供方：{providers}',
    en: 'about {percent} of applicants find it filled; providers: {providers}',
  },
  shareUnknown: {
    'zh-CN': '预计已填好的比例未知（有提供方的覆盖率未知）；提供方：{providers}',
    en: 'how many applicants find it filled is unknown (a provider’s coverage is not known); providers: {providers}',
  },
  typed: {
    'zh-CN': '首次申请人预计填写 {typed} 项必填',
    en: 'A first-time applicant types about {typed} required field(s)',
  },
  unknown: {
    'zh-CN': '另有 {count} 项覆盖率未知',
    en: 'up to {count} more of unknown coverage',
  },
  archive: { 'zh-CN': '申请人以往的填报', en: 'the applicant’s earlier answers' },
});

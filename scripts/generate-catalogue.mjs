#!/usr/bin/env node
// A generated catalogue of the seed's size and more (issue 14 "Scale"): the city's 162 matters
// in 16 departments, 188 data interfaces, 41 licence kinds. It is what `npm run bench`, the
// catalogue view and the report are measured on, and what the advisor's accuracy is measured
// against, so it reads like a real city's catalogue rather than like noise: Chinese and
// English titles built from the sample vocabulary, matters spread unevenly over departments,
// person and organisation matters, nested objects, lists, enums, `if`/`then`, materials backed
// by licences and sources or by uploads only, outputs for review systems, and providers of
// which about a quarter of sources are not connected and a fifth of licence types not fresh,
// so all four colours occur in realistic proportions.
//
//   node scripts/generate-catalogue.mjs [--out DIR] [--matters 200] [--concepts 400]
//        [--sources 60] [--licences 40] [--seed 1]
//
// The sample catalogue (schemas/catalogue) is included as it is: its concepts, sources,
// licence types and matters come first, the generated ones fill up to the counts asked for.
// The same seed and counts always write byte-identical files (a seeded PRNG, no Math.random,
// no clock). A fixtures.json of synthetic subjects is written beside the catalogue; `validate
// DIR --fixtures DIR/fixtures.json` checks it.
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const SAMPLE = resolve(fileURLToPath(new URL('../schemas/catalogue', import.meta.url)));

/** mulberry32: small, fast, and the same sequence everywhere for a seed. */
function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    chance: (p) => next() < p,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    /** Picks by weight: `[[item, weight], …]`. */
    weighted(entries) {
      const total = entries.reduce((s, [, w]) => s + w, 0);
      let r = next() * total;
      for (const [item, w] of entries) if ((r -= w) < 0) return item;
      return entries[entries.length - 1][0];
    },
    shuffle(list) {
      const out = [...list];
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [out[i], out[j]] = [out[j], out[i]];
      }
      return out;
    },
  };
}

const t = (zh, en) => ({ 'zh-CN': zh, en });
/** Copies of plain JSON data, so no generated object shares parts with the sample or another. */
const clone = (value) => JSON.parse(JSON.stringify(value));

// ---------------------------------------------------------------------------------------
// Vocabulary: departments of a city, each with the domains its matters are about. `weight` is
// how many matters a department has relative to the others (public security and market
// regulation hold most of the seed's high-frequency matters). `licence`: the domain's
// certificate, when it has one.

const DEPARTMENTS = [
  {
    id: 'public-security',
    code: 'GA',
    weight: 28,
    zh: '公安',
    en: 'Public Security',
    province: '厅',
    ministry: t('公安部', 'Ministry of Public Security'),
    prefix: 'mps',
    systems: ['population-management', 'traffic-management', 'exit-entry-system'],
    domains: [
      ['vehicle', '机动车', 'Motor vehicle', 'person', ['vehicle-licence', '机动车行驶证', 'Vehicle licence']],
      [
        'exitEntry',
        '出入境',
        'Exit and entry',
        'person',
        ['exit-entry-permit', '往来港澳通行证', 'Mainland–Hong Kong/Macao permit'],
      ],
      ['dog', '养犬', 'Dog ownership', 'person', ['dog-registration', '养犬登记证', 'Dog registration certificate']],
      [
        'securityService',
        '保安服务',
        'Security service',
        'organization',
        ['security-service-permit', '保安服务许可证', 'Security service permit'],
      ],
    ],
  },
  {
    id: 'market-regulation',
    code: 'SJ',
    weight: 26,
    zh: '市场监督管理',
    en: 'Market Regulation',
    province: '局',
    ministry: t('国家市场监督管理总局', 'State Administration for Market Regulation'),
    prefix: 'samr',
    systems: ['market-entity-registration', 'licensing-system', 'credit-publicity'],
    domains: [
      [
        'medicalDevice',
        '医疗器械经营',
        'Medical device trade',
        'organization',
        ['medical-device-permit', '医疗器械经营许可证', 'Medical device trading permit'],
      ],
      [
        'drugRetail',
        '药品零售',
        'Drug retail',
        'organization',
        ['drug-retail-permit', '药品经营许可证', 'Drug trading permit'],
      ],
      [
        'specialEquipment',
        '特种设备',
        'Special equipment',
        'organization',
        ['special-equipment-registration', '特种设备使用登记证', 'Special equipment use certificate'],
      ],
      ['measuringInstrument', '计量器具', 'Measuring instrument', 'organization', null],
    ],
  },
  {
    id: 'human-resources-social-security',
    code: 'RS',
    weight: 20,
    zh: '人力资源和社会保障',
    en: 'Human Resources and Social Security',
    province: '厅',
    ministry: t('人力资源和社会保障部', 'Ministry of Human Resources and Social Security'),
    prefix: 'mohrss',
    systems: ['hn-social-insurance', 'employment-service', 'talent-system'],
    domains: [
      ['pension', '养老保险', 'Pension insurance', 'person', null],
      [
        'unemployment',
        '失业保险',
        'Unemployment insurance',
        'person',
        ['unemployment-card', '就业创业证', 'Employment and entrepreneurship card'],
      ],
      [
        'skill',
        '职业技能',
        'Vocational skill',
        'person',
        ['skill-certificate', '职业技能等级证书', 'Vocational skill certificate'],
      ],
      [
        'professionalTitle',
        '职称',
        'Professional title',
        'person',
        ['title-certificate', '专业技术职务任职资格证书', 'Professional title certificate'],
      ],
      [
        'labourDispatch',
        '劳务派遣',
        'Labour dispatch',
        'organization',
        ['labour-dispatch-permit', '劳务派遣经营许可证', 'Labour dispatch permit'],
      ],
    ],
  },
  {
    id: 'civil-affairs',
    code: 'MZ',
    weight: 14,
    zh: '民政',
    en: 'Civil Affairs',
    province: '厅',
    ministry: t('民政部', 'Ministry of Civil Affairs'),
    prefix: 'mca',
    systems: ['social-assistance-system', 'civil-registry'],
    domains: [
      ['socialAssistance', '社会救助', 'Social assistance', 'person', null],
      ['elderlyCare', '养老服务', 'Elderly care', 'person', null],
      ['funeral', '殡葬', 'Funeral', 'person', null],
      [
        'socialOrg',
        '社会组织',
        'Social organisation',
        'organization',
        ['social-org-certificate', '社会团体法人登记证书', 'Social organisation certificate'],
      ],
    ],
  },
  {
    id: 'transport',
    code: 'JT',
    weight: 12,
    zh: '交通运输',
    en: 'Transport',
    province: '厅',
    ministry: t('交通运输部', 'Ministry of Transport'),
    prefix: 'mot',
    systems: ['road-transport-system', 'ride-hailing-platform'],
    domains: [
      [
        'rideHailing',
        '网约车',
        'Ride-hailing',
        'person',
        ['ride-hailing-permit', '网络预约出租汽车驾驶员证', 'Ride-hailing driver permit'],
      ],
      [
        'freight',
        '道路货运',
        'Road freight',
        'organization',
        ['freight-permit', '道路运输经营许可证', 'Road transport operating permit'],
      ],
      [
        'vessel',
        '船舶',
        'Vessel',
        'organization',
        ['vessel-certificate', '船舶国籍证书', 'Vessel nationality certificate'],
      ],
    ],
  },
  {
    id: 'health',
    code: 'WJ',
    weight: 12,
    zh: '卫生健康',
    en: 'Health',
    province: '委员会',
    ministry: t('国家卫生健康委员会', 'National Health Commission'),
    prefix: 'nhc',
    systems: ['health-licensing', 'birth-registry'],
    domains: [
      [
        'birth',
        '出生医学',
        'Birth medical',
        'person',
        ['birth-certificate', '出生医学证明', 'Birth medical certificate'],
      ],
      [
        'practitioner',
        '医师执业',
        'Medical practice',
        'person',
        ['physician-licence', '医师执业证书', 'Physician practising certificate'],
      ],
      [
        'clinic',
        '诊所',
        'Clinic',
        'organization',
        ['clinic-licence', '医疗机构执业许可证', 'Medical institution licence'],
      ],
      ['vaccination', '预防接种', 'Vaccination', 'person', null],
    ],
  },
  {
    id: 'education',
    code: 'JY',
    weight: 10,
    zh: '教育',
    en: 'Education',
    province: '厅',
    ministry: t('教育部', 'Ministry of Education'),
    prefix: 'moe',
    systems: ['enrolment-system', 'school-licensing'],
    domains: [
      ['enrolment', '入学', 'School enrolment', 'person', null],
      [
        'privateSchool',
        '民办学校',
        'Private school',
        'organization',
        ['private-school-permit', '民办学校办学许可证', 'Private school permit'],
      ],
      ['studentAid', '学生资助', 'Student aid', 'person', null],
    ],
  },
  {
    id: 'housing-urban-rural',
    code: 'ZJ',
    weight: 9,
    zh: '住房和城乡建设',
    en: 'Housing and Urban-Rural Development',
    province: '厅',
    ministry: t('住房和城乡建设部', 'Ministry of Housing and Urban-Rural Development'),
    prefix: 'mohurd',
    systems: ['construction-permits', 'housing-security-system'],
    domains: [
      [
        'construction',
        '建筑施工',
        'Construction works',
        'organization',
        ['construction-permit', '建筑工程施工许可证', 'Construction permit'],
      ],
      ['housingSubsidy', '住房保障', 'Housing subsidy', 'person', null],
      [
        'estateAgency',
        '房地产经纪',
        'Estate agency',
        'organization',
        ['estate-agency-filing', '房地产经纪机构备案证明', 'Estate agency filing certificate'],
      ],
    ],
  },
  {
    id: 'housing-provident-fund',
    code: 'GJJ',
    weight: 8,
    zh: '住房公积金',
    en: 'Housing Provident Fund',
    province: '管理中心',
    ministry: t('住房和城乡建设部住房公积金监管司', 'Housing Provident Fund Supervision Department'),
    prefix: 'hpf',
    systems: ['housing-fund-core'],
    domains: [
      ['fundLoan', '公积金贷款', 'Housing fund loan', 'person', null],
      ['fundDeposit', '公积金缴存', 'Housing fund deposit', 'organization', null],
    ],
  },
  {
    id: 'natural-resources',
    code: 'ZR',
    weight: 8,
    zh: '自然资源和规划',
    en: 'Natural Resources and Planning',
    province: '厅',
    ministry: t('自然资源部', 'Ministry of Natural Resources'),
    prefix: 'mnr',
    systems: ['real-estate-registry', 'land-planning'],
    domains: [
      [
        'homestead',
        '宅基地',
        'Homestead land',
        'person',
        ['homestead-certificate', '宅基地使用权证', 'Homestead use certificate'],
      ],
      [
        'landUse',
        '建设用地',
        'Construction land',
        'organization',
        ['land-planning-permit', '建设用地规划许可证', 'Land-use planning permit'],
      ],
      [
        'surveying',
        '测绘资质',
        'Surveying qualification',
        'organization',
        ['surveying-certificate', '测绘资质证书', 'Surveying qualification certificate'],
      ],
    ],
  },
  {
    id: 'medical-security',
    code: 'YB',
    weight: 8,
    zh: '医疗保障',
    en: 'Medical Security',
    province: '局',
    ministry: t('国家医疗保障局', 'National Healthcare Security Administration'),
    prefix: 'nhsa',
    systems: ['medical-insurance-system'],
    domains: [
      [
        'medicalInsurance',
        '医疗保险',
        'Medical insurance',
        'person',
        ['medical-insurance-voucher', '医保电子凭证', 'Medical insurance e-voucher'],
      ],
      ['remoteCare', '异地就医', 'Out-of-area medical care', 'person', null],
    ],
  },
  {
    id: 'taxation',
    code: 'SW',
    weight: 6,
    zh: '税务',
    en: 'Taxation',
    province: '局',
    ministry: t('国家税务总局', 'State Taxation Administration'),
    prefix: 'sta',
    systems: ['tax-core'],
    domains: [
      [
        'taxRegistration',
        '税务登记',
        'Tax registration',
        'organization',
        ['tax-registration-certificate', '税务登记证', 'Tax registration certificate'],
      ],
      ['personalTax', '个人所得税', 'Personal income tax', 'person', null],
    ],
  },
  {
    id: 'ecology-environment',
    code: 'HB',
    weight: 5,
    zh: '生态环境',
    en: 'Ecology and Environment',
    province: '厅',
    ministry: t('生态环境部', 'Ministry of Ecology and Environment'),
    prefix: 'mee',
    systems: ['pollution-permits'],
    domains: [
      [
        'discharge',
        '排污',
        'Pollutant discharge',
        'organization',
        ['discharge-permit', '排污许可证', 'Pollutant discharge permit'],
      ],
      ['eia', '环境影响评价', 'Environmental impact assessment', 'organization', null],
    ],
  },
  {
    id: 'culture-tourism',
    code: 'WL',
    weight: 5,
    zh: '文化旅游广电',
    en: 'Culture, Tourism, Radio and TV',
    province: '厅',
    ministry: t('文化和旅游部', 'Ministry of Culture and Tourism'),
    prefix: 'mct',
    systems: ['culture-licensing'],
    domains: [
      [
        'travelAgency',
        '旅行社',
        'Travel agency',
        'organization',
        ['travel-agency-permit', '旅行社业务经营许可证', 'Travel agency permit'],
      ],
      [
        'performance',
        '营业性演出',
        'Commercial performance',
        'organization',
        ['performance-permit', '营业性演出许可证', 'Commercial performance permit'],
      ],
    ],
  },
  {
    id: 'veterans-affairs',
    code: 'TY',
    weight: 4,
    zh: '退役军人事务',
    en: 'Veterans Affairs',
    province: '厅',
    ministry: t('退役军人事务部', 'Ministry of Veterans Affairs'),
    prefix: 'mva',
    systems: ['veterans-system'],
    domains: [
      [
        'veteran',
        '退役军人',
        'Veteran',
        'person',
        ['veteran-card', '退役军人优待证', 'Veteran preferential treatment card'],
      ],
    ],
  },
  {
    id: 'emergency-management',
    code: 'YJ',
    weight: 4,
    zh: '应急管理',
    en: 'Emergency Management',
    province: '厅',
    ministry: t('应急管理部', 'Ministry of Emergency Management'),
    prefix: 'mem',
    systems: ['safety-licensing'],
    domains: [
      [
        'hazardousChemicals',
        '危险化学品',
        'Hazardous chemicals',
        'organization',
        ['hazchem-permit', '危险化学品经营许可证', 'Hazardous chemicals trading permit'],
      ],
    ],
  },
  {
    id: 'disabled-persons',
    code: 'CL',
    weight: 3,
    zh: '残疾人联合会',
    en: "Disabled Persons' Federation",
    province: '',
    ministry: t('中国残疾人联合会', "China Disabled Persons' Federation"),
    prefix: 'cdpf',
    systems: ['disability-registry'],
    domains: [
      ['disability', '残疾人', 'Disability', 'person', ['disability-card', '残疾人证', 'Disability certificate']],
    ],
  },
];

/**
 * What a domain's concepts say about it: the field name, its title in both languages, its
 * value's schema, and the other names forms use for it (concept `aliases`, read by the
 * designer's advice). Concepts are made domain by domain, attribute by attribute, in this
 * order, until the count asked for is reached.
 */
const ATTRIBUTES = [
  ['number', '编号', 'number', { type: 'string', minLength: 1, maxLength: 40 }, ['证号', '号码'], ['No.']],
  ['issuedOn', '发证日期', 'date of issue', { type: 'string', format: 'date' }, ['签发日期'], ['issue date']],
  [
    'category',
    '类别',
    'category',
    enumOf(['1', '2', '3'], ['一类', '二类', '三类'], ['Class I', 'Class II', 'Class III']),
    ['类型'],
    ['type'],
  ],
  [
    'validUntil',
    '有效期至',
    'valid until',
    { type: 'string', format: 'date' },
    ['有效期限', '截止日期'],
    ['expiry date'],
  ],
  ['address', '地址', 'address', { type: 'string', maxLength: 100 }, ['详细地址', '所在地址'], ['location']],
  [
    'status',
    '状态',
    'status',
    enumOf(['normal', 'suspended', 'revoked'], ['正常', '暂停', '注销'], ['Normal', 'Suspended', 'Revoked']),
    ['当前状态'],
    ['current status'],
  ],
  ['authority', '发证机关', 'issuing authority', { type: 'string', maxLength: 60 }, ['签发机关'], ['issuer']],
  ['region', '所在地区', 'region', { type: 'string', format: 'cn-region' }, ['行政区划'], ['district']],
  [
    'contactPhone',
    '联系电话',
    'contact phone',
    { type: 'string', format: 'cn-mobile' },
    ['联系手机'],
    ['contact mobile'],
  ],
  ['amount', '金额', 'amount (yuan)', { type: 'number', minimum: 0 }, ['数额'], ['sum']],
  ['startDate', '起始日期', 'start date', { type: 'string', format: 'date' }, ['开始日期'], ['from']],
  ['contactName', '联系人', 'contact person', { type: 'string', maxLength: 50 }, ['联系人姓名'], ['contact name']],
  ['area', '面积', 'area (m²)', { type: 'number', minimum: 0 }, ['建筑面积'], ['floor area']],
  ['headcount', '人数', 'number of people', { type: 'integer', minimum: 0 }, ['数量'], ['headcount']],
  [
    'grade',
    '等级',
    'grade',
    enumOf(['A', 'B', 'C'], ['甲级', '乙级', '丙级'], ['Grade A', 'Grade B', 'Grade C']),
    ['级别'],
    ['level'],
  ],
  ['endDate', '终止日期', 'end date', { type: 'string', format: 'date' }, ['结束日期'], ['until']],
  ['name', '名称', 'name', { type: 'string', maxLength: 100 }, ['全称'], ['full name']],
].map(([id, zh, en, schema, aliasesZh, aliasesEn]) => ({ id, zh, en, schema, aliasesZh, aliasesEn }));

function enumOf(values, zh, en) {
  return { type: 'string', enum: values, 'x-enumTitles': zh, 'x-i18n': { en: { enumTitles: en } } };
}

/** What a matter does with its domain: its title's verb, its id's suffix, its kind. */
const ACTIONS = {
  person: [
    ['application', '申领', 'application', 'public-service'],
    ['change', '信息变更', 'change of details', 'public-service'],
    ['replacement', '补领', 'replacement', 'public-service'],
    ['renewal', '有效期延续', 'renewal', 'public-service'],
    ['cancellation', '注销', 'cancellation', 'public-service'],
    ['record', '记录证明开具', 'certificate of record', 'public-service'],
    ['subsidy', '补贴申请', 'subsidy application', 'administrative-payment'],
    ['filing', '备案', 'filing', 'other'],
  ],
  organization: [
    ['permit', '许可', 'permit application', 'administrative-licence'],
    ['change', '变更', 'change', 'administrative-licence'],
    ['renewal', '延续', 'renewal', 'administrative-licence'],
    ['cancellation', '注销', 'cancellation', 'administrative-licence'],
    ['filing', '备案', 'filing', 'administrative-filing'],
    ['annual-report', '年度报告', 'annual report', 'other'],
    ['replacement', '补办', 'replacement', 'administrative-licence'],
    ['inspection', '核查', 'inspection', 'administrative-confirmation'],
  ],
};

const UPLOAD = { accept: ['image/jpeg', 'image/png', 'application/pdf'], maxBytes: 10485760, maxFiles: 2 };

// ---------------------------------------------------------------------------------------

async function readJson(file) {
  return JSON.parse(await readFile(file, 'utf8'));
}

async function loadSample() {
  const files = (await readdir(join(SAMPLE, 'matters'))).filter((f) => f.endsWith('.json')).sort();
  return {
    concepts: await readJson(join(SAMPLE, 'concepts.json')),
    sources: await readJson(join(SAMPLE, 'sources.json')),
    licences: await readJson(join(SAMPLE, 'licences.json')),
    matters: await Promise.all(files.map((f) => readJson(join(SAMPLE, 'matters', f)))),
    fixtures: await readJson(join(SAMPLE, 'fixtures.json')),
  };
}

const kebab = (camel) => camel.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const round2 = (n) => Math.round(n * 100) / 100;

/** The catalogue for `options`; pure: the same options give the same object. */
export function generateCatalogue(sample, options) {
  const { matters: matterCount, concepts: conceptCount, sources: sourceCount, licences: licenceCount, seed } = options;
  const rng = prng(seed);
  const domains = DEPARTMENTS.flatMap((department) =>
    department.domains.map(([key, zh, en, kind, licence]) => ({
      key,
      slug: kebab(key),
      zh,
      en,
      kind,
      department,
      licence: licence && { id: licence[0], zh: licence[1], en: licence[2] },
      concepts: [],
      sources: [],
    })),
  );

  // Concepts: the sample's, then attribute by attribute across domains.
  const concepts = sample.concepts.map((c) => clone(c));
  const conceptById = new Map(concepts.map((c) => [c.id, c]));
  for (const attribute of ATTRIBUTES) {
    for (const domain of domains) {
      if (concepts.length >= conceptCount) break;
      const en = `${domain.en} ${attribute.en}`;
      const concept = {
        id: `${domain.key}.${attribute.id}`,
        title: t(`${domain.zh}${attribute.zh}`, en.charAt(0).toUpperCase() + en.slice(1)),
        schema: clone(attribute.schema),
        aliases: {
          'zh-CN': attribute.aliasesZh.map((a) => `${domain.zh}${a}`),
          en: attribute.aliasesEn.map((a) => `${domain.en} ${a}`),
        },
      };
      if (attribute.id === 'contactPhone') concept.autocomplete = 'tel';
      if (attribute.id === 'amount' && domain.kind === 'person') concept.sensitive = true;
      concepts.push(concept);
      conceptById.set(concept.id, concept);
      domain.concepts.push({ concept, attribute });
    }
  }

  // Sources: the sample's, then per domain (the busiest departments' domains first, some twice —
  // a ministry or provincial interface and a city one), each providing most of its domain's
  // concepts. About a quarter of all sources are not connected; some have no measured coverage.
  const sources = sample.sources.map((s) => clone(s));
  const busiest = [...domains].sort((a, b) => b.department.weight - a.department.weight);
  const served = busiest.slice(0, Math.max(1, Math.ceil(busiest.length * 0.75)));
  const generatedSources = [];
  for (let i = 0; sources.length + generatedSources.length < sourceCount; i++) {
    const domain = served[i % served.length];
    const second = i >= served.length;
    const level = second ? 'city' : rng.chance(0.55) ? 'ministry' : 'province';
    const d = domain.department;
    const provider =
      level === 'ministry'
        ? d.ministry
        : level === 'province'
          ? t(`湖南省${d.zh}${d.province}`, `Hunan ${d.en}${d.province ? ' Department' : ''}`)
          : t(`长沙市${d.zh}${d.province === '厅' ? '局' : d.province}`, `Changsha ${d.en} Bureau`);
    const prefix = level === 'ministry' ? d.prefix : level === 'province' ? 'hn' : 'cs';
    let id = `${prefix}-${domain.slug}`;
    for (let n = 2; sources.some((s) => s.id === id) || generatedSources.some((s) => s.id === id); n++)
      id = `${prefix}-${domain.slug}-${n}`;
    const provides = {};
    for (const { concept, attribute } of domain.concepts)
      if (rng.chance(0.75) || Object.keys(provides).length < 2) provides[concept.id] = `/data/${attribute.id}`;
    const source = {
      id,
      title: t(`${provider['zh-CN']}${domain.zh}信息`, `${domain.en} information (${provider.en})`),
      level,
      provider,
      subjectKinds: [domain.kind],
      provides,
      consent: domain.kind === 'person' && rng.chance(0.3),
      timeoutMs: level === 'city' ? 3000 : 5000,
      ttlSeconds: rng.pick([600, 3600, 86400]),
      connected: true,
    };
    if (rng.chance(0.85)) source.coverage = round2(0.3 + rng.next() * 0.68);
    generatedSources.push(source);
    domain.sources.push(source);
  }
  const unconnectedWanted = Math.round((sample.sources.length + generatedSources.length) * 0.25);
  const unconnectedSample = sample.sources.filter((s) => s.connected === false).length;
  for (const source of rng.shuffle(generatedSources).slice(0, Math.max(0, unconnectedWanted - unconnectedSample)))
    source.connected = false;
  sources.push(...generatedSources);

  // Licence types: the sample's, then each domain's certificate; a fifth of all not fresh.
  const licences = sample.licences.map((l) => clone(l));
  const generatedLicences = [];
  for (const domain of busiest) {
    if (licences.length + generatedLicences.length >= licenceCount) break;
    if (!domain.licence) continue;
    const provides = {};
    for (const { concept, attribute } of domain.concepts)
      if (['number', 'issuedOn', 'validUntil', 'category', 'grade', 'authority', 'name'].includes(attribute.id))
        provides[concept.id] = `/${attribute.id}`;
    const licence = {
      id: domain.licence.id,
      title: t(domain.licence.zh, domain.licence.en),
      issuer: domain.department.ministry,
      holder: domain.kind,
      provides,
      fresh: true,
    };
    if (rng.chance(0.8)) licence.coverage = round2(0.2 + rng.next() * 0.75);
    domain.licenceType = licence;
    generatedLicences.push(licence);
  }
  const staleWanted = Math.round((sample.licences.length + generatedLicences.length) * 0.2);
  const staleSample = sample.licences.filter((l) => l.fresh === false).length;
  for (const licence of rng.shuffle(generatedLicences).slice(0, Math.max(0, staleWanted - staleSample)))
    licence.fresh = false;
  licences.push(...generatedLicences);

  // Matters: the sample's, then generated ones spread over departments by weight.
  const sampleMaterials = new Map();
  for (const m of sample.matters) for (const material of m.materials ?? []) sampleMaterials.set(material.id, material);
  const matters = sample.matters.slice(0, matterCount).map((m) => clone(m));
  const used = new Set(matters.map((m) => m.id));
  const context = { rng, conceptById, sampleMaterials };
  const departmentWeights = DEPARTMENTS.map((d) => [d, d.weight]);
  let sequence = 0;
  while (matters.length < matterCount) {
    const department = rng.weighted(departmentWeights);
    const domain = rng.pick(domains.filter((d) => d.department === department));
    const action = rng.pick(ACTIONS[domain.kind]);
    const base = `${domain.slug}-${action[0]}`;
    let id = base;
    // A department whose combinations are used up gets variants by district, as real
    // catalogues list the same matter once per district office.
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    matters.push(generateMatter(context, domain, action, id, ++sequence));
  }

  return {
    concepts,
    sources,
    licences,
    matters,
    fixtures: generateFixtures(rng, sample.fixtures, generatedSources, generatedLicences),
  };
}

function fieldOf(concept, { bound = true, title, titleEn } = {}) {
  const { 'x-i18n': i18n, ...schema } = clone(concept.schema);
  const field = { ...schema, title: title ?? concept.title['zh-CN'] };
  if (schema.format === 'cn-region') field['x-widget'] = 'region';
  if (schema.format === 'date') field['x-widget'] = 'date';
  if (bound) field['x-concept'] = concept.id;
  field['x-i18n'] = { en: { ...(i18n?.en ?? {}), title: titleEn ?? concept.title.en } };
  return field;
}

function group(zh, en, properties, required) {
  const out = { type: 'object', title: zh, properties, 'x-i18n': { en: { title: en } } };
  if (required.length > 0) out.required = required;
  return out;
}

function generateMatter({ rng, conceptById, sampleMaterials }, domain, action, id, sequence) {
  const [actionId, actionZh, actionEn, kind] = action;
  const department = domain.department;
  const person = domain.kind === 'person';
  const thing = domain.licence ? t(domain.licence.zh, domain.licence.en) : t(`${domain.zh}业务`, `${domain.en}`);
  const concept = (cid) => conceptById.get(cid);
  const variant = id.match(/-(\d+)$/)?.[1];
  const district = variant
    ? rng.pick(['芙蓉区', '天心区', '岳麓区', '开福区', '雨花区', '望城区', '长沙县', '浏阳市', '宁乡市'])
    : '';
  const title = t(
    `${thing['zh-CN']}${actionZh}${district ? `（${district}）` : ''}`,
    `${thing.en} — ${actionEn}${variant ? ` (district office ${variant})` : ''}`,
  );

  // The applicant, from the sample vocabulary.
  const applicant = person
    ? group(
        '申请人',
        'Applicant',
        {
          name: fieldOf(concept('person.name')),
          idNumber: fieldOf(concept('person.idNumber')),
          gender: { ...fieldOf(concept('person.gender')), 'x-widget': 'radio' },
          mobile: fieldOf(concept('person.mobile')),
          ...(rng.chance(0.4) ? { residenceRegion: fieldOf(concept('person.residence.region')) } : {}),
        },
        ['name', 'idNumber', 'gender', 'mobile'],
      )
    : group(
        '申请单位',
        'Applicant organisation',
        {
          name: fieldOf(concept('org.name')),
          creditCode: fieldOf(concept('org.creditCode')),
          legalRep: fieldOf(concept('org.legalRep.name')),
          liaison: group(
            '联络员',
            'Liaison officer',
            {
              name: fieldOf(concept('org.liaison.name')),
              mobile: fieldOf(concept('org.liaison.mobile')),
            },
            ['name', 'mobile'],
          ),
        },
        ['name', 'creditCode', 'legalRep', 'liaison'],
      );

  // The domain's fields: most bound to their concept; some left unbound on purpose, titled
  // with the concept's title or one of its aliases (what the advisor should find), one a
  // remark no concept describes. Contact fields go into a nested object.
  const properties = {};
  const required = [];
  const contact = {};
  const contactRequired = [];
  const chosen = rng.shuffle(domain.concepts).slice(0, rng.int(3, Math.min(8, domain.concepts.length)));
  chosen.sort((a, b) => domain.concepts.indexOf(a) - domain.concepts.indexOf(b));
  for (const { concept: c, attribute } of chosen) {
    const roll = rng.next();
    let field;
    if (roll < 0.06) field = fieldOf(c, { bound: false });
    else if (roll < 0.12) {
      const i = rng.int(0, attribute.aliasesZh.length - 1);
      field = fieldOf(c, {
        bound: false,
        title: c.aliases['zh-CN'][i],
        titleEn: c.aliases.en[Math.min(i, c.aliases.en.length - 1)],
      });
    } else field = fieldOf(c);
    const isRequired = rng.chance(0.65);
    if (attribute.id === 'contactName' || attribute.id === 'contactPhone') {
      contact[attribute.id] = field;
      if (isRequired) contactRequired.push(attribute.id);
    } else {
      properties[attribute.id] = field;
      if (isRequired) required.push(attribute.id);
    }
  }
  if (Object.keys(contact).length > 0) properties.contact = group('联系人信息', 'Contact', contact, contactRequired);
  if (rng.chance(0.3))
    properties.remark = {
      type: 'string',
      title: '备注',
      maxLength: 500,
      'x-widget': 'textarea',
      'x-i18n': { en: { title: 'Remarks' } },
    };

  const schemaProperties = {
    applicant,
    [domain.key]: group(`${domain.zh}信息`, `${domain.en} details`, properties, required),
  };
  const schemaRequired = ['applicant', domain.key];
  const otherFields = [];
  const schema = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    title: `${title['zh-CN']}申请表`,
    'x-i18n': { en: { title: `${title.en}: application form` } },
    properties: schemaProperties,
    required: schemaRequired,
  };

  // A choice that opens a branch: applying again asks for the earlier number.
  const conditional = rng.chance(0.5);
  if (conditional) {
    schemaProperties.applyType = {
      type: 'string',
      title: '申请类型',
      enum: ['first', 'again'],
      'x-enumTitles': ['首次申请', '再次申请'],
      'x-widget': 'radio',
      'x-i18n': { en: { title: 'Type of application', enumTitles: ['First application', 'Applying again'] } },
    };
    schemaRequired.push('applyType');
    const numberConcept = concept(`${domain.key}.number`);
    const previous = numberConcept
      ? fieldOf(numberConcept, {
          title: `原${numberConcept.title['zh-CN']}`,
          titleEn: `Previous ${numberConcept.title.en.toLowerCase()}`,
        })
      : { type: 'string', title: '原受理编号', maxLength: 40, 'x-i18n': { en: { title: 'Previous case number' } } };
    schema.if = { properties: { applyType: { const: 'again' } }, required: ['applyType'] };
    schema.then = { properties: { previousNumber: previous }, required: ['previousNumber'] };
    otherFields.push('/applyType', '/previousNumber');
  }

  // A list: family members for people, staff for organisations.
  if (rng.chance(0.3)) {
    schemaProperties.members = {
      type: 'array',
      title: person ? '共同申请的家庭成员' : '从业人员',
      'x-i18n': { en: { title: person ? 'Family members applying together' : 'Staff' } },
      maxItems: 10,
      items: group(
        person ? '家庭成员' : '从业人员',
        person ? 'Family member' : 'Staff member',
        {
          memberName: {
            type: 'string',
            title: person ? '成员姓名' : '人员姓名',
            maxLength: 50,
            'x-i18n': { en: { title: 'Full name' } },
          },
          relation: person
            ? {
                type: 'string',
                title: '与申请人关系',
                enum: ['spouse', 'child', 'parent'],
                'x-enumTitles': ['配偶', '子女', '父母'],
                'x-i18n': { en: { title: 'Relation to the applicant', enumTitles: ['Spouse', 'Child', 'Parent'] } },
              }
            : { type: 'string', title: '岗位', maxLength: 30, 'x-i18n': { en: { title: 'Position' } } },
        },
        ['memberName'],
      ),
    };
    otherFields.push('/members');
  }

  const layout = {
    steps: [
      {
        id: 'applicant',
        title: person ? t('申请人信息', 'About you') : t('申请单位信息', 'Your organisation'),
        fields: ['/applicant'],
      },
      { id: 'details', title: t(`${domain.zh}信息`, `${domain.en} details`), fields: [`/${domain.key}`] },
      ...(otherFields.length > 0 ? [{ id: 'more', title: t('其他信息', 'More'), fields: otherFields }] : []),
    ],
  };

  // Materials: identity, the domain's certificate or record, uploads, now and then an original.
  const materials = [];
  materials.push(clone(sampleMaterials.get(person ? 'resident-id-card' : 'business-licence')));
  const domainSource = domain.sources.length > 0 ? rng.pick(domain.sources) : undefined;
  if (domain.licenceType && actionId !== 'application' && actionId !== 'permit') {
    const material = {
      id: domain.licenceType.id,
      title: domain.licenceType.title,
      kind: 'licence',
      required: true,
      licences: [domain.licenceType.id],
      upload: UPLOAD,
    };
    if (domainSource && rng.chance(0.4)) material.sources = [domainSource.id];
    materials.push(material);
  }
  if (domainSource && rng.chance(0.55))
    materials.push({
      id: `${domain.slug}-record`,
      title: t(`${domain.zh}信息证明`, `${domain.en} record`),
      kind: 'proof',
      required: true,
      sources: [domainSource.id],
      upload: UPLOAD,
    });
  const uploads = rng.next();
  if (uploads < 0.18) materials.push(clone(sampleMaterials.get(person ? 'photo-1inch' : 'business-licence')));
  else if (uploads < 0.3 && person) materials.push(clone(sampleMaterials.get('credit-commitment')));
  else if (uploads < 0.4)
    materials.push({
      id: `${domain.slug}-application-form`,
      title: t(`${domain.zh}申请书`, `${domain.en} application letter`),
      kind: 'form',
      required: true,
      template: `templates/${domain.slug}-application.pdf`,
      upload: { accept: ['application/pdf'], maxBytes: 5242880, maxFiles: 1 },
    });
  if (conditional && rng.chance(0.4))
    materials.push({
      id: `${domain.slug}-previous-decision`,
      title: t(`原${domain.zh}决定书`, `Earlier ${domain.en.toLowerCase()} decision`),
      kind: 'certificate',
      required: true,
      when: { properties: { applyType: { const: 'again' } }, required: ['applyType'] },
      upload: UPLOAD,
      reusable: true,
      validDays: 365,
    });
  if (rng.chance(0.07))
    materials.push({
      id: `${domain.slug}-original`,
      title: t(`${thing['zh-CN']}原件`, `${thing.en}: the original`),
      kind: 'licence',
      required: true,
      onsite: true,
    });
  // Material ids are unique within a matter.
  const seen = new Set();
  const uniqueMaterials = materials.filter((m) => !seen.has(m.id) && seen.add(m.id));

  // Review systems and their outputs: most covered, some missing (clerks re-type), rarely paper.
  const systems = rng.shuffle(department.systems).slice(0, rng.chance(0.2) ? 2 : 1);
  const outputs = [];
  for (const system of systems) {
    if (rng.chance(0.15)) continue;
    const template = person
      ? { XM: '{/applicant/name}', SFZH: '{/applicant/idNumber}', SJHM: '{/applicant/mobile}' }
      : { DWMC: '{/applicant/name}', TYSHXYDM: '{/applicant/creditCode}', FDDBR: '{/applicant/legalRep}' };
    for (const key of Object.keys(properties))
      if (key !== 'contact' && key !== 'remark') template[key.toUpperCase()] = `{/${domain.key}/${key}}`;
    outputs.push({ system, template });
  }
  const review = { steps: [t('承办人员审核', 'A clerk reviews the application')], systems };
  if (rng.chance(0.04)) review.paper = true;

  const delivery = rng.weighted([
    [['e-licence', 'mail'], 30],
    [['download', 'sms'], 25],
    [['e-licence'], 20],
    [['mail', 'sms'], 12],
    [['mail'], 6],
    [['pickup'], 4],
    [['e-licence', 'pickup'], 3],
  ]);
  const onsiteVisits = rng.chance(0.04) ? 1 : 0;
  const authority = t(
    `长沙市${department.zh}${department.province === '厅' ? '局' : department.province}`,
    `Changsha ${department.en} Bureau`,
  );

  const result = { title: thing, delivery };
  if (domain.licenceType && actionId !== 'cancellation') result.licence = domain.licenceType.id;

  return {
    id,
    version: '1.0.0',
    code: `430100-${department.code}-${String(1000 + sequence).padStart(4, '0')}`,
    title,
    kind,
    authority,
    department: department.id,
    audience: [domain.kind],
    scenario: t(
      `${person ? '公民' : '单位'}办理${thing['zh-CN']}${actionZh}。`,
      `${person ? 'A resident' : 'An organisation'} applies for ${thing.en.toLowerCase()}: ${actionEn}.`,
    ),
    legalBasis: [t(`《${domain.zh}管理办法》`, `Measures for the administration of ${domain.en.toLowerCase()}`)],
    conditions: [t(`符合${domain.zh}管理规定`, `Meets the rules for ${domain.en.toLowerCase()}`)],
    timeLimit: { statutoryDays: rng.pick([10, 15, 20, 30]), promisedDays: rng.pick([1, 3, 5, 7]) },
    fee: { amount: rng.chance(0.85) ? 0 : rng.pick([10, 20, 50]), currency: 'CNY' },
    channels: onsiteVisits > 0 ? ['counter'] : rng.chance(0.7) ? ['web', 'mobile', 'counter'] : ['web', 'counter'],
    onsiteVisits,
    contact: '0731-12345',
    process: {
      apply: { steps: [t('网上填写申请并提交材料', 'Apply online and submit the materials')] },
      review,
      deliver: { steps: [t('办理结果送达申请人', 'The result is delivered to the applicant')] },
    },
    result,
    schema,
    layout,
    materials: uniqueMaterials,
    outputs,
  };
}

// ---------------------------------------------------------------------------------------
// Fixtures: the sample's synthetic subjects, with raw responses added for the generated
// sources and licence types of their kind (most of them; a subject without data for a source gets
// a 404, as in production). Values follow each concept's schema so they pass validation.

function generateFixtures(rng, sampleFixtures, sources, licences) {
  const subjects = clone(sampleFixtures.subjects);
  for (const subject of subjects) {
    const kind = subject.subject.kind;
    for (const source of sources) {
      if (!source.subjectKinds.includes(kind) || !rng.chance(0.7)) continue;
      const raw = {};
      for (const pointer of Object.values(source.provides)) setPointer(raw, pointer, valueFor(rng, pointer));
      (subject.sources ??= {})[source.id] = raw;
    }
    for (const licence of licences) {
      const holders = [licence.holder].flat();
      if (!holders.includes(kind) || !rng.chance(0.35)) continue;
      const data = {};
      for (const pointer of Object.values(licence.provides)) setPointer(data, pointer, valueFor(rng, pointer));
      (subject.licences ??= []).push({
        type: licence.id,
        number: String(data.number ?? `L${rng.int(100000, 999999)}`),
        issuedAt: '2022-03-01',
        validUntil: '2032-03-01',
        data,
      });
    }
  }
  return { subjects };
}

function setPointer(target, pointer, value) {
  const parts = pointer.split('/').slice(1);
  let at = target;
  for (const part of parts.slice(0, -1)) at = at[part] ??= {};
  at[parts[parts.length - 1]] = value;
}

/** A value for a generated attribute, named by the pointer's last segment. */
function valueFor(rng, pointer) {
  const attribute = pointer.split('/').pop();
  switch (attribute) {
    case 'issuedOn':
    case 'startDate':
      return `20${rng.int(15, 23)}-0${rng.int(1, 9)}-1${rng.int(0, 9)}`;
    case 'validUntil':
    case 'endDate':
      return `20${rng.int(27, 35)}-0${rng.int(1, 9)}-2${rng.int(0, 8)}`;
    case 'category':
      return rng.pick(['1', '2', '3']);
    case 'status':
      return rng.pick(['normal', 'normal', 'suspended']);
    case 'grade':
      return rng.pick(['A', 'B', 'C']);
    case 'region':
      return rng.pick(['430102', '430103', '430104', '430105', '430111']);
    case 'contactPhone':
      return `139${String(rng.int(0, 99999999)).padStart(8, '0')}`;
    case 'amount':
    case 'area':
      return rng.int(10, 5000);
    case 'headcount':
      return rng.int(1, 200);
    case 'address':
      return `湖南省长沙市合成路${rng.int(1, 300)}号`;
    case 'authority':
      return '长沙市合成发证机关';
    case 'contactName':
      return rng.pick(['张合成', '王示例', '刘样本']);
    case 'name':
      return `合成名称${rng.int(1, 99)}`;
    default:
      return `HC${rng.int(100000, 999999)}`;
  }
}

// ---------------------------------------------------------------------------------------

/** Writes the catalogue folder: the three lists, one file per matter, and fixtures.json. */
export async function writeCatalogue(out, catalogue) {
  await mkdir(join(out, 'matters'), { recursive: true });
  // A matter left from a larger run would otherwise stay in the catalogue.
  for (const file of await readdir(join(out, 'matters')))
    if (file.endsWith('.json')) await rm(join(out, 'matters', file));
  const json = (value) => JSON.stringify(value, null, 2) + '\n';
  await writeFile(join(out, 'concepts.json'), json(catalogue.concepts));
  await writeFile(join(out, 'sources.json'), json(catalogue.sources));
  await writeFile(join(out, 'licences.json'), json(catalogue.licences));
  await writeFile(join(out, 'fixtures.json'), json(catalogue.fixtures));
  for (const matter of catalogue.matters) await writeFile(join(out, 'matters', `${matter.id}.json`), json(matter));
}

export const DEFAULTS = { matters: 200, concepts: 400, sources: 60, licences: 40, seed: 1 };

/** Generates and writes; returns the counts written. */
export async function generate(out, options = {}) {
  const settings = { ...DEFAULTS, ...options };
  const catalogue = generateCatalogue(await loadSample(), settings);
  await writeCatalogue(out, catalogue);
  return {
    matters: catalogue.matters.length,
    concepts: catalogue.concepts.length,
    sources: catalogue.sources.length,
    licences: catalogue.licences.length,
    departments: new Set(catalogue.matters.map((m) => m.department)).size,
  };
}

async function main() {
  const { values } = parseArgs({
    options: {
      out: { type: 'string', default: '.tmp/large-catalogue' },
      matters: { type: 'string' },
      concepts: { type: 'string' },
      sources: { type: 'string' },
      licences: { type: 'string' },
      seed: { type: 'string' },
    },
  });
  const options = {};
  for (const key of ['matters', 'concepts', 'sources', 'licences', 'seed']) {
    if (values[key] === undefined) continue;
    const n = Number(values[key]);
    if (!Number.isInteger(n) || n < 0) {
      process.stderr.write(`--${key} takes a whole number, not ${values[key]}\n`);
      process.exit(2);
    }
    options[key] = n;
  }
  const counts = await generate(resolve(values.out), options);
  process.stdout.write(
    `wrote ${values.out}: ${counts.matters} matters in ${counts.departments} departments, ${counts.concepts} concepts, ${counts.sources} sources, ${counts.licences} licence types\n`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();

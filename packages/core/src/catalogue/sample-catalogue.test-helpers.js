// Shared by the catalogue and fixtures tests.
import { expect } from 'chai';
/** The smallest catalogue that uses every kind of cross-reference, valid and warning-free. */
export function sample() {
    return {
        concepts: [
            {
                id: 'person.name',
                title: { 'zh-CN': '姓名', en: 'Name' },
                schema: { type: 'string', maxLength: 50 },
                autocomplete: 'name',
            },
            {
                id: 'person.idNumber',
                title: { 'zh-CN': '公民身份号码', en: 'ID number' },
                schema: { type: 'string', format: 'cn-id-number' },
                sensitive: true,
            },
            { id: 'person.gender', title: '性别', schema: { type: 'string', enum: ['1', '2'] } },
        ],
        sources: [
            {
                id: 'mps-population',
                title: '公安部人口基础信息',
                level: 'ministry',
                provider: '公安部',
                subjectKinds: ['person'],
                provides: { 'person.name': '/xm', 'person.gender': '/xb' },
                consent: false,
                timeoutMs: 3000,
                ttlSeconds: 86400,
                connected: true,
            },
        ],
        licences: [
            {
                id: 'resident-id-card',
                title: '居民身份证',
                issuer: '公安部',
                holder: 'person',
                provides: { 'person.name': '/name', 'person.idNumber': '/number' },
                fresh: true,
            },
        ],
        matters: [
            {
                id: 'residence-permit',
                version: '1.0.0',
                code: '430100-GA-0007',
                title: { 'zh-CN': '居住证申领', en: 'Residence permit' },
                kind: 'service',
                authority: '长沙市公安局',
                department: 'public-security',
                audience: ['person'],
                scenario: '来长居住',
                legalBasis: ['居住证暂行条例'],
                conditions: ['居住半年以上'],
                timeLimit: { statutoryDays: 15, promisedDays: 5 },
                fee: { amount: 0 },
                channels: ['web'],
                onsiteVisits: 0,
                contact: '0731-12345',
                process: { apply: { steps: ['填表'] }, review: { systems: ['hukou'] }, deliver: { steps: ['寄送'] } },
                result: { title: '居住证', licence: 'resident-id-card', delivery: ['e-licence'] },
                schema: {
                    $schema: 'https://json-schema.org/draft/2020-12/schema',
                    type: 'object',
                    required: ['applicant', 'housing'],
                    properties: {
                        applicant: {
                            type: 'object',
                            title: '申请人',
                            required: ['name'],
                            properties: {
                                name: {
                                    type: 'string',
                                    title: '姓名',
                                    'x-concept': 'person.name',
                                    'x-fill': ['licence:resident-id-card', 'source:mps-population'],
                                },
                                idNumber: {
                                    type: 'string',
                                    title: '身份证号码',
                                    format: 'cn-id-number',
                                    'x-concept': 'person.idNumber',
                                },
                            },
                        },
                        housing: { type: 'string', title: '住房情况', enum: ['owned', 'rented'] },
                    },
                    if: { properties: { housing: { const: 'rented' } }, required: ['housing'] },
                    then: { properties: { landlord: { type: 'string', title: '房东姓名' } } },
                },
                layout: { steps: [{ title: '申请人', fields: ['/applicant', '/housing', '/landlord'] }] },
                materials: [
                    { id: 'id-card', title: '居民身份证', kind: 'licence', required: true, licences: ['resident-id-card'] },
                    {
                        id: 'rental-contract',
                        title: '租赁合同',
                        kind: 'proof',
                        required: true,
                        sources: ['mps-population'],
                        when: { properties: { housing: { const: 'rented' } }, required: ['housing'] },
                        upload: { accept: ['application/pdf'], maxBytes: 1048576, maxFiles: 1 },
                    },
                ],
                outputs: [{ system: 'hukou', template: { XM: '{/applicant/name}', FZ: '房东 {/landlord}' } }],
            },
        ],
    };
}
/** The problem matching every given property, or a failure listing all the problems there are. */
export function expectProblem(load, expected) {
    const found = load.problems.find((p) => Object.entries(expected).every(([k, v]) => p[k] === v));
    expect(found, `expected ${JSON.stringify(expected)} among\n${load.problems.map((p) => `${p.severity} ${p.code} ${p.file} ${p.pointer}: ${p.message.en}`).join('\n')}`).to.exist;
    return found;
}
//# sourceMappingURL=sample-catalogue.test-helpers.js.map
import { readdirSync, readFileSync } from 'node:fs';
import { expect } from 'chai';
import type { Matter } from '@matterform/core';
import { diffMatters, majorConsequences, nextVersion, proposeVersion } from './diff.js';

const residencePermit = JSON.parse(
  readFileSync(new URL('../../../../schemas/catalogue/matters/residence-permit.json', import.meta.url), 'utf8'),
) as Matter;

type Mutable = Record<string, unknown> & { schema: { properties: Record<string, Record<string, unknown>> } };

/** A copy of the sample matter, changed by `change`. */
function changed(change: (matter: Mutable) => void, from: Matter = residencePermit): Matter {
  const copy = structuredClone(from) as unknown as Mutable;
  change(copy);
  return copy as unknown as Matter;
}

function applicant(matter: Mutable): Record<string, Record<string, unknown>> & { required: string[] } {
  return (matter.schema.properties.applicant as { properties: Record<string, Record<string, unknown>> })
    .properties as never;
}

function applicantRequired(matter: Mutable): string[] {
  return matter.schema.properties.applicant?.required as string[];
}

const samplesFolder = new URL('../../../../schemas/catalogue/matters/', import.meta.url);
const samples = readdirSync(samplesFolder).map(
  (name) => JSON.parse(readFileSync(new URL(name, samplesFolder), 'utf8')) as Matter,
);

describe('diffMatters', () => {
  it('finds nothing to publish in an unchanged matter', () => {
    expect(diffMatters(residencePermit, structuredClone(residencePermit))).to.deep.equal({ bump: 'none', changes: [] });
    for (const matter of samples) expect(diffMatters(matter, structuredClone(matter)).bump, matter.id).to.equal('none');
  });

  it('compares any two sample matters, every change said in both languages', () => {
    for (const live of samples)
      for (const draft of samples) {
        const diff = diffMatters(live, draft);
        if (live === draft) continue;
        expect(diff.bump, `${live.id} → ${draft.id}`).to.equal('major');
        for (const change of diff.changes) {
          expect(change.message['zh-CN']).to.not.match(/\{\w+\}|undefined|\[object/);
          expect(change.message.en).to.not.match(/\{\w+\}|undefined|\[object/);
        }
        majorConsequences(live, draft);
      }
  });

  it('calls a first publication major', () => {
    const diff = diffMatters(undefined, residencePermit);
    expect(diff.bump).to.equal('major');
    expect(diff.changes[0]?.message.en).to.equal('First publication');
    expect(proposeVersion(undefined, residencePermit)).to.equal('1.0.0');
  });

  describe('patch: text only', () => {
    it('for a field’s title and its translation', () => {
      const draft = changed((m) => {
        applicant(m).name!.title = '申请人姓名';
        (applicant(m).name!['x-i18n'] as Record<string, Record<string, string>>).en!.title = 'Full name';
      });
      const diff = diffMatters(residencePermit, draft);
      expect(diff.bump).to.equal('patch');
      expect(diff.changes).to.deep.equal([
        {
          level: 'patch',
          pointer: '/schema/properties/applicant/properties/name',
          message: { 'zh-CN': '“申请人姓名”的文字有改动', en: 'The text of ‘Full name’ changed' },
        },
      ]);
    });

    it('for help, an option’s label and the matter’s own text', () => {
      const draft = changed((m) => {
        applicant(m).mobile!['x-help'] = '用于接收短信';
        applicant(m).gender!['x-enumTitles'] = ['男性', '女性'];
        m.title = { 'zh-CN': '居住证申请', en: 'Applying for a residence permit' };
        m.scenario = '在本市居住半年以上';
      });
      const diff = diffMatters(residencePermit, draft);
      expect(diff.bump).to.equal('patch');
      expect(diff.changes.map((c) => c.message.en)).to.have.members([
        'The text of ‘Mobile number’ changed',
        'The text of ‘Gender’ changed',
        'The text of ‘title’ changed',
        'The text of ‘scenario’ changed',
      ]);
    });
  });

  describe('minor: what only adds', () => {
    it('for an optional field, an option and a material', () => {
      const draft = changed((m) => {
        applicant(m).email = { type: 'string', title: '电子邮箱', format: 'email' };
        (applicant(m).gender!.enum as string[]).push('9');
        (m.materials as unknown[]).push({ id: 'extra-proof', title: '补充材料', kind: 'other', required: false });
      });
      const diff = diffMatters(residencePermit, draft);
      expect(diff.bump).to.equal('minor');
      expect(diff.changes.map((c) => c.message.en)).to.have.members([
        '‘电子邮箱’ was added',
        '‘Gender’ gained the option(s) "9"',
        'Material ‘补充材料’ was added',
      ]);
      expect(diff.changes.map((c) => c.message['zh-CN'])).to.include('新增字段“电子邮箱”');
      expect(proposeVersion(residencePermit, draft)).to.equal('1.1.0');
    });

    it('for a constraint relaxed and a field made optional', () => {
      const draft = changed((m) => {
        applicant(m).nation!.maxLength = 40;
        applicantRequired(m).splice(applicantRequired(m).indexOf('mobile'), 1);
      });
      const diff = diffMatters(residencePermit, draft, 'en');
      expect(diff.bump).to.equal('minor');
      expect(diff.changes.map((c) => c.message.en)).to.have.members([
        '‘Ethnic group’ is less strict: maxLength from 20 to 40',
        '‘Mobile number’ is now optional',
      ]);
    });
  });

  describe('major: what old answers may no longer pass', () => {
    it('a field newly required, said as the brief says it', () => {
      const live = changed((m) => applicantRequired(m).splice(applicantRequired(m).indexOf('mobile'), 1));
      const diff = diffMatters(live, residencePermit, 'zh-CN');
      expect(diff.bump).to.equal('major');
      expect(diff.changes).to.deep.equal([
        {
          level: 'major',
          pointer: '/schema/properties/applicant/properties/mobile',
          message: { 'zh-CN': '“手机号码”改为必填', en: '‘手机号码’ is now required' },
        },
      ]);
      expect(proposeVersion(live, residencePermit)).to.equal('2.0.0');
    });

    it('a removed field, a retyped field and a narrowed constraint', () => {
      const draft = changed((m) => {
        delete applicant(m).nation;
        applicant(m).birthDate = { type: 'integer', title: '出生年份', 'x-i18n': { en: { title: 'Year of birth' } } };
        (applicant(m).name as Record<string, unknown>).maxLength = 30;
        (applicant(m).name as Record<string, unknown>).pattern = '^\\S+$';
        (applicant(m).gender as Record<string, unknown>).enum = ['1'];
      });
      const diff = diffMatters(residencePermit, draft);
      expect(diff.bump).to.equal('major');
      const major = diff.changes.filter((c) => c.level === 'major').map((c) => c.message.en);
      expect(major).to.include.members([
        '‘Ethnic group’ was removed',
        '‘Year of birth’ changed type from string to integer',
        '‘Name’ is stricter: maxLength from 50 to 30',
        '‘Name’ is stricter: pattern from — to ^\\S+$',
        '‘Gender’ lost the option(s) "2"',
      ]);
      expect(diff.changes.find((c) => c.message.en === '‘Ethnic group’ was removed')?.message['zh-CN']).to.equal(
        '删除了字段“民族”',
      );
      // Major changes come before the rest.
      const levels = diff.changes.map((c) => c.level);
      expect(levels.indexOf('major')).to.equal(0);
      expect(levels.lastIndexOf('major')).to.be.below(levels.indexOf('patch') === -1 ? 99 : levels.indexOf('patch'));
    });

    it('a new required field and an output key dropped', () => {
      const draft = changed((m) => {
        applicant(m).email = { type: 'string', title: '电子邮箱', format: 'email' };
        applicantRequired(m).push('email');
        delete (m.outputs as { template: Record<string, string> }[])[0]!.template.MZ;
      });
      const diff = diffMatters(residencePermit, draft);
      expect(diff.bump).to.equal('major');
      expect(diff.changes.map((c) => c.message.en)).to.have.members([
        '‘电子邮箱’ was added as a required field',
        'The output for ‘population-management’ no longer has MZ',
      ]);
    });
  });
});

describe('nextVersion', () => {
  it('bumps the right part and resets the ones after it', () => {
    expect(nextVersion('1.4.2', 'major')).to.equal('2.0.0');
    expect(nextVersion('1.4.2', 'minor')).to.equal('1.5.0');
    expect(nextVersion('1.4.2', 'patch')).to.equal('1.4.3');
    expect(nextVersion('1.4.2', 'none')).to.equal('1.4.2');
    expect(nextVersion('1.4.2-beta.1', 'patch')).to.equal('1.4.3');
  });
});

describe('majorConsequences', () => {
  it('says what happens to drafts on devices and which outputs lose or change their field', () => {
    const draft = changed((m) => {
      delete applicant(m).nation;
      applicant(m).birthDate = { type: 'integer', title: '出生年份' };
      applicant(m).email = { type: 'string', title: '电子邮箱' };
      applicantRequired(m).push('email');
    });
    const consequences = majorConsequences(residencePermit, draft);
    expect(consequences.drafts.en).to.match(/offered their draft/);
    expect(consequences.drafts.en).to.match(/nothing is dropped unseen/);
    expect(consequences.draftChanges.map((c) => c.message['zh-CN'])).to.have.members([
      '草稿中“民族”的值无处可放，将列出请申请人核对',
      '草稿中“出生年份”的值只有符合新规则时才放回，否则列出请申请人重新填写',
      '继续草稿的申请人须补填“电子邮箱”才能提交',
    ]);
    expect(
      consequences.outputs.map(({ system, key, reason, pointer }) => ({ system, key, reason, pointer })),
    ).to.deep.equal([
      { system: 'population-management', key: 'MZ', reason: 'removed', pointer: '/outputs/0/template/MZ' },
      { system: 'population-management', key: 'CSRQ', reason: 'retyped', pointer: '/outputs/0/template/CSRQ' },
    ]);
    expect(consequences.outputs[1]?.message.en).to.equal(
      'CSRQ of the output for ‘population-management’ comes from ‘出生年份’, whose type changed: the back office will get integer instead of string',
    );
  });
});

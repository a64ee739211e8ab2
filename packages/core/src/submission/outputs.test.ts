import { expect } from 'chai';
import { renderOutputs, renderTemplate } from './outputs.js';

describe('outputs', () => {
  const data = { applicant: { name: '测试甲', age: 36 }, languages: ['zh', 'en'], flag: false, 'a/b': 'slash' };

  it('keeps the type of a whole-string placeholder and gives null when there is no value', () => {
    expect(
      renderTemplate(
        { XM: '{/applicant/name}', NL: '{/applicant/age}', YY: '{/languages}', F: '{/flag}', X: '{/none}' },
        data,
      ),
    ).to.deep.equal({
      XM: '测试甲',
      NL: 36,
      YY: ['zh', 'en'],
      F: false,
      X: null,
    });
  });

  it('stringifies embedded placeholders, with "" for no value, and escapes ~1 in pointers', () => {
    expect(renderTemplate('申请人{/applicant/name}，{/applicant/age}岁，{/none}。', data)).to.equal(
      '申请人测试甲，36岁，。',
    );
    expect(renderTemplate('{/a~1b}!', data)).to.equal('slash!');
    expect(renderTemplate('语言：{/languages}', data)).to.equal('语言：["zh","en"]');
  });

  it('renders nested templates in outputs order and leaves other values alone', () => {
    const payloads = renderOutputs(
      [
        {
          system: 'hukou',
          template: { person: { XM: '{/applicant/name}' }, list: ['{/flag}', 1, null], plain: 'text {not a pointer}' },
        },
        { system: 'archive', template: '{/applicant}' },
      ],
      data,
    );
    expect(payloads).to.deep.equal([
      { system: 'hukou', payload: { person: { XM: '测试甲' }, list: [false, 1, null], plain: 'text {not a pointer}' } },
      { system: 'archive', payload: { name: '测试甲', age: 36 } },
    ]);
    expect(renderOutputs(undefined, data)).to.deep.equal([]);
  });
});

// dist/matterform.js is what department sites load with one <script type="module">: it must
// work on its own in a browser, with ajv's CommonJS folded in by the bundler.
import { expect } from 'chai';

interface Bundle {
  isCnIdNumber(value: string): boolean;
  compileSchema(
    schema: object,
  ): (data: unknown) => { valid: boolean; errors: { pointer: string; message: { en: string } }[] };
  loadCatalogue(input: unknown): { ok: boolean; problems: { pointer: string; code: string }[] };
}

describe('dist/matterform.js', () => {
  let bundle: Bundle;
  before(async () => {
    // A URL in a variable: the type checker has no module for it, the browser does.
    const url = '/dist/matterform.js';
    bundle = (await import(url)) as Bundle;
  });

  it('checks identifiers and validates data with the Chinese formats', () => {
    expect(bundle.isCnIdNumber('430102199003077433')).to.equal(true);
    expect(bundle.isCnIdNumber('430102199003077434')).to.equal(false);
    const validate = bundle.compileSchema({
      type: 'object',
      required: ['mobile'],
      properties: {
        mobile: { type: 'string', format: 'cn-mobile', 'x-i18n': { en: { title: 'Mobile' } }, title: '手机' },
      },
    });
    expect(validate({ mobile: '13800138000' }).valid).to.equal(true);
    const { errors } = validate({ mobile: '12345' });
    expect(errors.map((e) => e.pointer)).to.deep.equal(['/mobile']);
    expect(errors[0]?.message.en).to.contain('Mobile');
  });

  it('loads a catalogue and reports a broken one by pointer', () => {
    const broken = { concepts: [{ id: 'Bad', title: 'x', schema: {} }], sources: [], licences: [], matters: [] };
    const load = bundle.loadCatalogue(broken);
    expect(load.ok).to.equal(false);
    expect(load.problems.map((p) => `${p.code} ${p.pointer}`)).to.include('meta-pattern /concepts/0/id');
  });
});

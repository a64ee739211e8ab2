import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect } from 'chai';

const run = promisify(execFile);
const repo = new URL('../', import.meta.url).pathname;

describe('examples/check-application', () => {
  it('names each problem of the sample application by field, in English and Chinese', async () => {
    const args = [
      'examples/check-application/check.mjs',
      'schemas/catalogue',
      'lawyer-no-penalty-certificate',
      'examples/check-application/application.json',
    ];
    for (const [lang, expected] of [
      [
        'en',
        [
          '/period: Enter Period covered',
          '/applicant/mobile: Mobile number is not a valid mobile number (11 digits starting with 1)',
        ],
      ],
      ['zh-CN', ['/period: 请填写“证明期间”', '/applicant/mobile: “手机号码”不是有效的手机号码（11 位，以 1 开头）']],
    ] as const) {
      const failure = await run(process.execPath, [...args, lang], { cwd: repo }).then(
        () => undefined,
        (error: { code: number; stdout: string }) => error,
      );
      expect(failure?.code, lang).to.equal(1);
      expect(failure?.stdout.trim().split('\n'), lang).to.deep.equal(expected);
    }
  });
});

import { expect } from 'chai';
import {
  cnFormats,
  cnIdNumberCheck,
  cnIdNumberProblem,
  cnUsccCheck,
  cnUsccProblem,
  isCnIdNumber,
  isCnMobile,
  isCnPostcode,
  isCnRegion,
  isCnUscc,
  organizationCodeCheck,
} from './formats.js';
import { normalizeIdentifier } from './identifiers.js';

const today = new Date(2024, 5, 15); // 2024-06-15, local time

function withCheck(body: string): string {
  return body + cnIdNumberCheck(body);
}

/** A USCC from its first 8 characters and an 8-character organisation-code body. */
function uscc(head: string, orgBody: string): string {
  const body = head + orgBody + organizationCodeCheck(orgBody);
  return body + cnUsccCheck(body);
}

describe('cn-id-number (GB 11643-1999)', () => {
  it('accepts the standard example and numbers built from real-shaped bodies', () => {
    // GB 11643-1999's own example.
    expect(isCnIdNumber('11010519491231002X', today)).to.equal(true);
    for (const known of ['430102199003071234', '440304198512120015', '520103200002290412']) {
      expect(isCnIdNumber(known, today), known).to.equal(true);
    }
    for (const body of ['43010219900307123', '65010219001231001', '82000020240615999', '71000019000101000']) {
      expect(isCnIdNumber(withCheck(body), today), body).to.equal(true);
    }
  });

  it('computes the MOD 11-2 check character', () => {
    expect(cnIdNumberCheck('11010519491231002')).to.equal('X');
    expect(cnIdNumberCheck('43010219900307123')).to.equal('4');
  });

  it('rejects every wrong check character', () => {
    const valid = '430102199003071234';
    const wrong = '0123456789X'.split('').filter((c) => c !== valid[17]);
    expect(wrong).to.have.length(10);
    for (const c of wrong) {
      const id = valid.slice(0, 17) + c;
      expect(isCnIdNumber(id, today), id).to.equal(false);
      expect(cnIdNumberProblem(id, today)).to.equal('check');
    }
  });

  it('rejects birth dates that are not real, before 1900 or after today', () => {
    for (const birth of ['19900230', '18991231', '19901301', '19900001', '19900100', '20230229', '20240616']) {
      const id = withCheck(`430102${birth}123`);
      expect(isCnIdNumber(id, today), birth).to.equal(false);
      expect(cnIdNumberProblem(id, today)).to.equal('birth-date');
    }
    expect(isCnIdNumber(withCheck('43010220000229123'), today), 'leap day 2000').to.equal(true);
    expect(isCnIdNumber(withCheck('43010220240615123'), today), 'born today').to.equal(true);
    expect(isCnIdNumber(withCheck('43010219000101123'), today), '1900-01-01').to.equal(true);
  });

  it('rejects wrong lengths and characters', () => {
    expect(cnIdNumberProblem('43010219900307123', today)).to.equal('length');
    expect(cnIdNumberProblem('4301021990030712345', today)).to.equal('length');
    expect(cnIdNumberProblem('', today)).to.equal('length');
    expect(cnIdNumberProblem('4301021990030712A4', today)).to.equal('characters');
    expect(cnIdNumberProblem('X30102199003071234', today)).to.equal('characters');
  });

  it('takes only an uppercase X, but normalisation upper-cases what a person types', () => {
    expect(isCnIdNumber('11010519491231002x', today)).to.equal(false);
    expect(isCnIdNumber(normalizeIdentifier('11010519491231002x'), today)).to.equal(true);
  });

  it('rejects an unknown province prefix', () => {
    for (const prefix of [
      '00',
      '10',
      '16',
      '20',
      '24',
      '30',
      '38',
      '40',
      '47',
      '55',
      '60',
      '66',
      '70',
      '72',
      '80',
      '83',
      '91',
    ]) {
      const id = withCheck(`${prefix}0102199003071234`.slice(0, 17));
      expect(cnIdNumberProblem(id, today), prefix).to.equal('region');
    }
  });

  it('checks against the real today by default', () => {
    const next = new Date();
    next.setFullYear(next.getFullYear() + 1);
    const birth = `${next.getFullYear()}0101`;
    expect(isCnIdNumber(withCheck(`430102${birth}123`))).to.equal(false);
    expect(cnFormats['cn-id-number']('11010519491231002X')).to.equal(true);
  });
});

describe('cn-uscc (GB 32100-2015, GB 11714-1997)', () => {
  it('accepts the standard example and generated codes', () => {
    // GB 32100-2015's example.
    expect(isCnUscc('91350100M000100Y43')).to.equal(true);
    const samples = [
      uscc('91430100', 'MA4L0001'),
      uscc('91110000', '60003734'),
      uscc('12430000', '00001234'),
      uscc('93430102', 'MA4PKW8R'),
    ];
    for (const code of samples) {
      expect(code).to.have.length(18);
      expect(isCnUscc(code), code).to.equal(true);
      expect(cnFormats['cn-uscc'](code)).to.equal(true);
    }
  });

  it('computes the GB 11714 organisation-code check, X for 10 and 0 for 11', () => {
    expect(organizationCodeCheck('D2143569')).to.equal('X');
    expect(organizationCodeCheck('M000100Y')).to.equal('4');
    expect(organizationCodeCheck('00000000')).to.equal('0');
  });

  it('rejects each wrong final check character', () => {
    const valid = '91350100M000100Y43';
    const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    for (const c of alphabet) {
      if (c === valid[17]) continue;
      const code = valid.slice(0, 17) + c;
      expect(cnUsccProblem(code), code).to.equal('check');
    }
  });

  it('rejects a bad embedded organisation-code check even when the final check fits', () => {
    const head = '91350100M000100Y';
    const body = head + '5';
    const code = body + cnUsccCheck(body);
    expect(cnUsccProblem(code)).to.equal('organization-code');
  });

  it('rejects the letters I, O, Z, S, V, lowercase letters and wrong lengths', () => {
    for (const letter of ['I', 'O', 'Z', 'S', 'V', 'a']) {
      const code = `9135010${letter}M000100Y43`;
      expect(cnUsccProblem(code), letter).to.equal('characters');
    }
    expect(cnUsccProblem('91350100M000100Y4')).to.equal('length');
    expect(cnUsccProblem('91350100M000100Y431')).to.equal('length');
    expect(isCnUscc(normalizeIdentifier('91350100m000100y43'))).to.equal(true);
  });
});

describe('cn-mobile, cn-postcode, cn-region', () => {
  it('cn-mobile', () => {
    for (const good of ['13800138000', '19912345678', '15012345678']) expect(isCnMobile(good), good).to.equal(true);
    for (const bad of ['12800138000', '1380013800', '138001380001', '+8613800138000', '2380013800a', '']) {
      expect(isCnMobile(bad), bad).to.equal(false);
    }
    expect(cnFormats['cn-mobile']('13800138000')).to.equal(true);
  });

  it('cn-postcode', () => {
    for (const good of ['410000', '100080', '010000']) expect(isCnPostcode(good), good).to.equal(true);
    for (const bad of ['001000', '41000', '4100000', '41000a', '']) expect(isCnPostcode(bad), bad).to.equal(false);
    expect(cnFormats['cn-postcode']('410000')).to.equal(true);
  });

  it('cn-region', () => {
    for (const good of ['430102', '110000', '820000', '710000', '650100'])
      expect(isCnRegion(good), good).to.equal(true);
    for (const bad of ['000000', '900000', '100000', '160000', '720000', '43010', '4301020', '43010a']) {
      expect(isCnRegion(bad), bad).to.equal(false);
    }
    expect(cnFormats['cn-region']('430102')).to.equal(true);
  });

  it('the formats are not normalised: a provider value is checked as given', () => {
    expect(cnFormats['cn-id-number']('430102 19900307 1234')).to.equal(false);
    expect(cnFormats['cn-mobile']('138-0013-8000')).to.equal(false);
  });
});

describe('normalizeIdentifier', () => {
  it('turns full-width digits and letters into ASCII', () => {
    expect(normalizeIdentifier('４３０１０２１９９００３０７１２３４')).to.equal('430102199003071234');
    expect(normalizeIdentifier('１１０１０５１９４９１２３１００２ｘ')).to.equal('11010519491231002X');
    expect(normalizeIdentifier('９１３５０１００Ｍ０００１００Ｙ４３')).to.equal('91350100M000100Y43');
  });

  it('drops spaces (ideographic too) and hyphens and dashes', () => {
    expect(normalizeIdentifier('430-102 1990 0307 1234')).to.equal('430102199003071234');
    expect(normalizeIdentifier('430102\u300019900307－1234')).to.equal('430102199003071234');
    expect(normalizeIdentifier(' 138‐0013–8000— ')).to.equal('13800138000');
    expect(normalizeIdentifier('\t410000\n')).to.equal('410000');
  });

  it('upper-cases letters', () => {
    expect(normalizeIdentifier('11010519491231002x')).to.equal('11010519491231002X');
    expect(normalizeIdentifier('91350100m000100y43')).to.equal('91350100M000100Y43');
  });
});

// Runs in Node (mocha) and Chromium alike: the index and its lazily imported table touch no DOM.
import { expect } from 'chai';
import { levelOf, loadRegions, loadedRegions, type RegionIndex } from './regions.js';

// GB/T 2260's province-level units: 23 provinces (台湾 included), 5 autonomous regions,
// 4 municipalities and 2 special administrative regions.
const PROVINCE_CODES = [
  '110000', '120000', '130000', '140000', '150000', '210000', '220000', '230000', '310000', '320000', '330000',
  '340000', '350000', '360000', '370000', '410000', '420000', '430000', '440000', '450000', '460000', '500000',
  '510000', '520000', '530000', '540000', '610000', '620000', '630000', '640000', '650000', '710000', '810000',
  '820000',
]; // prettier-ignore

describe('regions', () => {
  let regions: RegionIndex;
  before(async () => {
    regions = await loadRegions();
  });

  it('loads once and then answers synchronously', async () => {
    expect(await loadRegions()).to.equal(regions);
    expect(loadedRegions()).to.equal(regions);
  });

  it('holds the 34 province-level units, in code order', () => {
    expect(regions.provinces().map((r) => r.code)).to.deep.equal(PROVINCE_CODES);
    expect(regions.nameOf('430000')).to.equal('湖南省');
    expect(regions.nameOf('810000')).to.equal('香港特别行政区');
  });

  it('walks province → city → county', () => {
    const path = regions.path('430102');
    expect(path).to.deep.equal(['430000', '430100', '430102']);
    expect(path.map((code) => regions.nameOf(code))).to.deep.equal(['湖南省', '长沙市', '芙蓉区']);
    expect(regions.children('430100').map((r) => r.code)).to.include('430102');
    expect(regions.children('430000').every((r) => levelOf(r.code) === 'city')).to.equal(true);
  });

  it('hangs a municipality’s districts and counties straight from it', () => {
    for (const [district, municipality] of [
      ['110101', '110000'],
      ['120101', '120000'],
      ['310101', '310000'],
      ['500101', '500000'],
      ['500229', '500000'],
    ] as const) {
      expect(regions.path(district)).to.deep.equal([municipality, district]);
    }
    expect(regions.children('110000').map((r) => r.name)).to.include.members(['东城区', '延庆区']);
    expect(regions.isKnown('110100'), 'no 市辖区 placeholder').to.equal(false);
  });

  it('keeps the units with fewer levels choosable', () => {
    // Prefecture-level cities without counties, Taiwan, the SARs, the directly administered county-level cities.
    for (const code of ['441900', '442000', '460400', '620200', '710000']) {
      expect(regions.isKnown(code), code).to.equal(true);
      expect(regions.children(code), code).to.deep.equal([]);
    }
    expect(regions.path('810001')).to.deep.equal(['810000', '810001']);
    expect(regions.path('419001')).to.deep.equal(['410000', '419000', '419001']);
    expect(regions.nameOf('419000')).to.equal('省直辖县级行政区划');
    expect(regions.nameOf('429000')).to.equal('省直辖县级行政区划');
    expect(regions.nameOf('659000')).to.equal('自治区直辖县级行政区划');
  });

  it('knows nothing of unknown codes', () => {
    for (const code of ['430199', '999999', '', 'abc']) {
      expect(regions.isKnown(code)).to.equal(false);
      expect(regions.nameOf(code)).to.equal(undefined);
      expect(regions.path(code)).to.deep.equal([]);
      expect(regions.children(code)).to.deep.equal([]);
    }
  });

  it('names levels by the shape of the code', () => {
    expect([levelOf('430000'), levelOf('430100'), levelOf('430102')]).to.deep.equal(['province', 'city', 'county']);
  });
});

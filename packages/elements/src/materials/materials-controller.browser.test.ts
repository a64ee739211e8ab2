// MaterialsController without a view: what it keeps, refuses and hands to a submission.
import { expect } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { createConditionTester, planMatter, type Catalogue, type Material } from '@matterform/core';
import { MaterialsController } from './materials-controller.js';
import { matterOf, pdf, sampleCatalogue } from './materials.test-helpers.js';

/** A host that counts the updates it is asked for. */
function host(): ReactiveControllerHost & { updates: number; controllers: ReactiveController[] } {
  const self = {
    updates: 0,
    controllers: [] as ReactiveController[],
    addController: (c: ReactiveController) => void self.controllers.push(c),
    removeController: () => undefined,
    requestUpdate: () => void self.updates++,
    updateComplete: Promise.resolve(true),
  };
  return self;
}

const material = (upload: Material['upload'], kind: Material['kind'] = 'proof'): Material => ({
  id: 'proof',
  title: '证明',
  kind,
  required: true,
  upload,
});

let catalogue: Catalogue;
before(async () => {
  catalogue = await sampleCatalogue();
});

describe('MaterialsController', () => {
  it('registers with its host and asks it to update on every change', async () => {
    const h = host();
    const controller = new MaterialsController(h);
    expect(h.controllers).to.deep.equal([controller]);
    const before = h.updates;
    await controller.addFiles(material({ accept: ['application/pdf'] }), [pdf('a.pdf')]);
    expect(h.updates).to.be.above(before);
    const afterAdd = h.updates;
    controller.removeFile('proof', 0);
    expect(h.updates).to.equal(afterAdd + 1);
  });

  it('judges types by MIME type, wildcard or extension, reading the extension when the browser gives no type', async () => {
    const controller = new MaterialsController(host());
    const { added, refused } = await controller.addFiles(material({ accept: ['image/*', '.pdf'] }), [
      new File(['x'], 'scan.PDF', { type: '' }),
      new File(['y'], 'photo.heic', { type: '' }),
      new File(['z'], 'notes.txt', { type: 'text/plain' }),
      new File(['w'], 'noextension', { type: '' }),
    ]);
    expect(added.map((u) => u.file.name)).to.deep.equal(['scan.PDF', 'photo.heic']);
    expect(refused.map((e) => [e.file, e.code])).to.deep.equal([
      ['notes.txt', 'type'],
      ['noextension', 'type'],
    ]);
    expect(refused[0]?.message).to.deep.equal({
      'zh-CN': '“notes.txt”的文件类型不符合要求：请上传 图片或PDF 格式的文件',
      en: '“notes.txt” is not a type this material accepts: upload image or PDF',
    });
  });

  it('keeps what it accepted when a later file is refused, and counts files across calls made at once', async () => {
    const controller = new MaterialsController(host());
    const proof = material({ accept: ['application/pdf'], maxFiles: 2, maxBytes: 5000 });
    const [first, second] = await Promise.all([
      controller.addFiles(proof, [pdf('1.pdf', 10), pdf('2.pdf', 20)]),
      controller.addFiles(proof, [pdf('3.pdf', 30), pdf('big.pdf', 6000)]),
    ]);
    expect(first?.added.map((u) => u.file.name)).to.deep.equal(['1.pdf', '2.pdf']);
    expect(second?.refused.map((e) => [e.file, e.code])).to.deep.equal([
      ['3.pdf', 'count'],
      ['big.pdf', 'count'],
    ]);
    expect(controller.uploads.get('proof')?.map((f) => f.name)).to.deep.equal(['1.pdf', '2.pdf']);
    expect(controller.errors('proof').map((e) => e.message.en)).to.deep.equal([
      '“3.pdf” was not added: this material takes at most 2 files; remove one first',
      '“big.pdf” was not added: this material takes at most 2 files; remove one first',
    ]);

    controller.removeFile('proof', 0);
    expect(controller.errors('proof'), 'a removal clears the last attempt’s messages').to.deep.equal([]);
    const { refused } = await controller.addFiles(proof, [pdf('big.pdf', 6000)]);
    expect(refused[0]?.message).to.deep.equal({
      'zh-CN': '“big.pdf”大小为 5.9 KB，超过了 4.9 KB 的上限',
      en: '“big.pdf” is 5.9 KB; files must be at most 4.9 KB',
    });
    expect(controller.uploads.get('proof')?.map((f) => f.name)).to.deep.equal(['2.pdf']);
  });

  it('refuses the same file twice for one material, and reads each file once', async () => {
    const controller = new MaterialsController(host());
    const file = pdf('same.pdf');
    let reads = 0;
    const read = file.arrayBuffer.bind(file);
    file.arrayBuffer = () => {
      reads++;
      return read();
    };
    await controller.addFiles(material({}), [file]);
    const { refused } = await controller.addFiles(material({}), [file]);
    expect(refused.map((e) => e.message['zh-CN'])).to.deep.equal(['“same.pdf”已经添加过了']);
    controller.removeFile('proof', 0);
    await controller.addFiles(material({}), [file]);
    expect(controller.uploads.get('proof')).to.have.length(1);
    expect(reads).to.equal(1);
  });

  it('refuses an oversized file that is not a photo without shrinking it, and a photo it cannot decode', async () => {
    const controller = new MaterialsController(host());
    const scan = new File([new Uint8Array(3000)], 'scan.png', { type: 'image/png' });
    const proof = await controller.addFiles(material({ maxBytes: 1000 }), [scan]);
    expect(proof.refused[0]?.message.en).to.equal('“scan.png” is 2.9 KB; files must be at most 1,000 B');
    const photo = await controller.addFiles(material({ maxBytes: 1000 }, 'photo'), [scan]);
    expect(photo.refused[0]?.message['zh-CN']).to.equal(
      '“scan.png”大小为 2.9 KB，压缩后仍超过 1,000 B 的上限，请换一张照片',
    );
  });

  it('computes entries with the uploads, and hands over only the files the entries list', async () => {
    const controller = new MaterialsController(host());
    const plan = planMatter(matterOf(catalogue, 'residence-permit'), catalogue, 'person');
    const data = { housing: 'rented' };
    const test = createConditionTester(plan.schema);
    controller.entries({ plan, data, test });
    await controller.addFiles('rental-contract', [pdf('lease.pdf')]);
    await controller.addFiles('photo-1inch', [
      new File([new Uint8Array([137, 80, 78, 71])], 'p.png', { type: 'image/png' }),
    ]);
    const entries = controller.entries({ plan, data, test });
    const rental = entries.find((e) => e.id === 'rental-contract');
    expect(rental?.status).to.equal('uploaded');
    expect(rental?.files).to.have.length(1);
    expect(rental?.files?.[0]).to.include({ name: 'lease.pdf', type: 'application/pdf', size: 1000 });
    expect(rental?.files?.[0]?.sha256).to.match(/^[0-9a-f]{64}$/);
    // The photo does not apply (useIdCardPhoto is unset): its file stays out of a submission.
    expect(entries.find((e) => e.id === 'photo-1inch')?.status).to.equal('not-applicable');
    expect(controller.files().map((u) => u.file.name)).to.deep.equal(['lease.pdf', 'p.png']);
    expect(controller.files(entries).map((u) => [u.material, u.file.name])).to.deep.equal([
      ['rental-contract', 'lease.pdf'],
    ]);
    await controller.addFiles('no-such-material', []).then(
      () => expect.fail('an unknown material id is refused'),
      (error: unknown) => expect(error).to.be.instanceOf(RangeError),
    );
  });

  it('forgets everything on reset, including files still being checked', async () => {
    const controller = new MaterialsController(host());
    await controller.addFiles(material({}), [pdf('kept.pdf')]);
    const late = controller.addFiles(material({}), [pdf('late.pdf', 10)]);
    expect(controller.pending('proof')).to.equal(true);
    controller.reset();
    await late;
    expect(controller.pending('proof')).to.equal(false);
    expect(controller.uploads.size).to.equal(0);
    expect(controller.files()).to.deep.equal([]);
  });
});

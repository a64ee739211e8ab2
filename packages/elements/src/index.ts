// Entry of the browser bundle dist/matterform.js. The <matter-form> and <matter-materials>
// elements join it in their own issue; until then it carries the core's public API, so a
// page can load and check a catalogue with one <script type="module">.
export * from '@matterform/core';

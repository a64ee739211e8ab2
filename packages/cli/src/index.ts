// Programmatic use of the command's pieces; the command itself is bin/matterform.js.
export { main, type Io } from './cli.js';
export { compileMatterModule } from './compile.js';
export { matterTypes, pascalId, type TypedMatter } from './types.js';

/**
 * The index manifest (database/indexes.json): per collection, named compound indexes over document fields.
 * The emulator builds them as SQLite expression indexes; `npm run deploy` creates the same ones in CloudBase.
 */
import { readFileSync } from 'node:fs';
import { invalidParam } from './errors';
import { isPlainObject } from './wire';

export interface IndexSpec {
  name: string;
  /** Field path (dotted for nested fields) → 1 ascending, -1 descending; order of keys is the index order. */
  keys: Record<string, 1 | -1>;
}
export type IndexManifest = Record<string, IndexSpec[]>;

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const FIELD_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/** Validates a parsed manifest (keys starting with `$`, such as `$comment`, are notes and are skipped). */
export function parseIndexManifest(input: unknown): IndexManifest {
  if (!isPlainObject(input)) throw invalidParam('index manifest must be an object');
  const manifest: IndexManifest = {};
  for (const [collection, specs] of Object.entries(input)) {
    if (collection.startsWith('$')) continue;
    if (!Array.isArray(specs)) throw invalidParam(`indexes of ${collection} must be an array`);
    manifest[collection] = specs.map((spec: unknown) => parseSpec(collection, spec));
  }
  return manifest;
}

function parseSpec(collection: string, spec: unknown): IndexSpec {
  if (!isPlainObject(spec) || typeof spec.name !== 'string' || !NAME.test(spec.name)) {
    throw invalidParam(`an index of ${collection} needs a name of letters, digits and _`);
  }
  if (!isPlainObject(spec.keys) || Object.keys(spec.keys).length === 0) {
    throw invalidParam(`index ${collection}.${spec.name} needs keys`);
  }
  const keys: Record<string, 1 | -1> = {};
  for (const [field, direction] of Object.entries(spec.keys)) {
    if (!FIELD_PATH.test(field) || (direction !== 1 && direction !== -1)) {
      throw invalidParam(`index ${collection}.${spec.name}: key ${field} must be a field path with 1 or -1`);
    }
    keys[field] = direction;
  }
  return { name: spec.name, keys };
}

/** Reads and validates a manifest file such as database/indexes.json. */
export function readIndexManifest(file: string): IndexManifest {
  return parseIndexManifest(JSON.parse(readFileSync(file, 'utf8')));
}

/** Writes: CloudBase update operators (via mingo's updater) and whole-document replacement for `doc().set()`. */
import { update as applyOperators, type Modifier } from 'mingo/updater';
import { DatabaseError, ERROR_CODES, invalidParam } from './errors';
import { MINGO_OPTIONS } from './query';
import { type Doc, encodeDoc, isPlainObject } from './wire';

export type Modification = { kind: 'operators'; modifier: Modifier<Doc> } | { kind: 'replace'; fields: Doc };

const OPERATORS = new Set([
  '$set',
  '$unset',
  '$inc',
  '$mul',
  '$min',
  '$max',
  '$push',
  '$pull',
  '$pullAll',
  '$addToSet',
  '$pop',
  '$rename',
  '$currentDate',
  '$bit',
]);

/**
 * `update()` sends `merge: true` with operators (the SDK already turned plain fields into `$set`); `set()` sends
 * `merge: false` with the whole new document. Plain fields next to operators are treated as `$set`, as the SDK does.
 */
export function parseModification(data: Doc, merge: boolean): Modification {
  const keys = Object.keys(data);
  const operatorKeys = keys.filter((key) => key.startsWith('$'));
  if (!merge) {
    if (operatorKeys.length > 0) throw invalidParam('set() takes a document without update operators');
    const { _id: _ignored, ...fields } = data;
    return { kind: 'replace', fields };
  }
  const modifier: Doc = {};
  const plain: Doc = {};
  for (const key of keys) {
    const value = data[key];
    if (!key.startsWith('$')) {
      plain[key] = value;
      continue;
    }
    if (!OPERATORS.has(key))
      throw new DatabaseError(ERROR_CODES.invalidOperator, `unsupported update operator ${key}`);
    if (!isPlainObject(value)) throw invalidParam(`${key} takes an object of fields`);
    if (Object.keys(value).some((path) => path === '_id' || path.startsWith('_id.'))) {
      throw invalidParam('_id cannot be updated');
    }
    modifier[key] = value;
  }
  if (Object.keys(plain).length > 0) {
    if ('_id' in plain) throw invalidParam('_id cannot be updated');
    modifier.$set = { ...(isPlainObject(modifier.$set) ? modifier.$set : {}), ...plain };
  }
  if (Object.keys(modifier).length === 0) throw invalidParam('update needs at least one field');
  return { kind: 'operators', modifier: modifier as Modifier<Doc> };
}

/** The document after the modification, or undefined when nothing changed (CloudBase then reports updated: 0). */
export function modify(doc: Doc, modification: Modification): Doc | undefined {
  if (modification.kind === 'replace') {
    const next: Doc = { _id: doc._id, ...modification.fields };
    return encodeDoc(next) === encodeDoc(doc) ? undefined : next;
  }
  const next = structuredClone(doc);
  const changed = applyOperators(next, modification.modifier, [], undefined, { queryOptions: MINGO_OPTIONS });
  return changed.length === 0 ? undefined : next;
}

/**
 * The document an upsert creates when nothing matched: the query's plain equality fields (for `set()` that is
 * just `_id`), then the modification on top, as MongoDB does.
 */
export function upsertDocument(query: Doc, modification: Modification): Doc {
  const base: Doc = {};
  for (const [key, value] of Object.entries(query)) {
    if (key.startsWith('$') || key.includes('.')) continue;
    if (isPlainObject(value) && Object.keys(value).some((k) => k.startsWith('$'))) continue;
    base[key] = value;
  }
  return modify(base, modification) ?? base;
}

/**
 * One function per `/admin` database action, each synchronous: better-sqlite3 blocks, so a request's whole
 * read-modify-write runs in one JS turn and one SQLite transaction (a savepoint inside a group commit), which is
 * what makes conditional updates (`where({ _id, seats: _.lt(30) }).update(...)`) atomic. Each returns the reply
 * without its requestId.
 */
import { randomBytes } from 'node:crypto';
import { aggregate, parseStages } from './aggregate';
import { parseRelaxed } from './ejson';
import { DatabaseError, ERROR_CODES, invalidParam } from './errors';
import { count, find, matching } from './query';
import type { Store } from './store';
import { docKey, type Transactions } from './transactions';
import { modify, parseModification, upsertDocument } from './update';
import {
  booleanField,
  type Doc,
  type DocId,
  encodeDoc,
  integerField,
  isDocId,
  isPlainObject,
  objectField,
  requiredString,
  resolveServerDates,
  stringField,
} from './wire';

interface Context {
  store: Store;
  transactions: Transactions;
  now: number;
}
export type Reply = Record<string, unknown>;
type Action = (context: Context, body: Doc) => Reply;

/** CloudBase-style generated ids: 32 hex characters. */
const newId = (): string => randomBytes(16).toString('hex');

function existingCollection(context: Pick<Context, 'store'>, body: Doc): string {
  const name = requiredString(body, 'collectionName');
  if (!context.store.hasCollection(name)) {
    throw new DatabaseError(ERROR_CODES.collectionNotExist, `Db or Table not exist: ${name}`);
  }
  return name;
}

/** Inside a transaction only single-document operations by `_id` exist (CloudBase's rule). */
function transactionTarget(body: Doc): DocId {
  const query = objectField(body, 'query');
  const id = query?._id;
  if (query === undefined || Object.keys(query).length !== 1 || !isDocId(id) || body.multi === true) {
    throw new DatabaseError(
      ERROR_CODES.transactionFail,
      'a transaction supports single-document operations by _id only (doc(id).get/set/update/remove, add)',
    );
  }
  return id;
}

const addCollection: Action = ({ store }, body) => {
  const name = requiredString(body, 'collectionName');
  if (!store.createCollection(name)) {
    throw new DatabaseError(
      ERROR_CODES.collectionAlreadyExist,
      `[ResourceUnavailable.ResourceExist] Table exist: ${name}`,
    );
  }
  return {};
};

const listCollections: Action = ({ store }) => ({
  data: { collections: store.listCollections().map((name) => ({ name })) },
});

const getDocument: Action = (context, body) => {
  const collection = existingCollection(context, body);
  const transactionId = stringField(body, 'transactionId');
  if (transactionId !== undefined) {
    const doc = context.transactions.read(transactionId, collection, transactionTarget(body));
    return { data: { list: doc === undefined ? [] : [encodeDoc(doc)] } };
  }
  const list = find(context.store, collection, objectField(body, 'query'), {
    order: objectField(body, 'order'),
    offset: integerField(body, 'offset'),
    limit: integerField(body, 'limit'),
    projection: objectField(body, 'projection'),
  });
  return { data: { list } };
};

const calculateDocument: Action = (context, body) => {
  const collection = existingCollection(context, body);
  return { data: { total: count(context.store, collection, objectField(body, 'query')) } };
};

const insertDocument: Action = (context, body) => {
  const collection = existingCollection(context, body);
  const data = body.data;
  if (!Array.isArray(data) || data.length === 0)
    throw invalidParam('data must be a non-empty array of documents');
  const entries = data.map((item: unknown) => {
    if (typeof item !== 'string') throw invalidParam('each document must be an EJSON string');
    const doc = resolveServerDates(parseRelaxed(item), context.now);
    if (!isPlainObject(doc)) throw invalidParam('each document must be an object');
    const id = doc._id ?? newId();
    if (!isDocId(id)) throw invalidParam('_id must be a string or a number');
    return { id, doc: { _id: id, ...doc } };
  });
  const ids = entries.map((entry) => entry.id);
  const transactionId = stringField(body, 'transactionId');
  if (transactionId !== undefined) {
    // Check them all before buffering any, so a duplicate leaves the transaction as it was.
    for (const { id } of entries) {
      if (context.transactions.read(transactionId, collection, id) !== undefined)
        throw duplicate(collection, id);
    }
    for (const { id, doc } of entries) context.transactions.write(transactionId, collection, id, doc);
  } else {
    // All or nothing: a duplicate anywhere in the batch leaves the collection unchanged.
    context.store.transaction(() => {
      for (const { id, doc } of entries) context.store.insert(collection, id, doc);
    });
    context.transactions.committed(ids.map((id) => docKey(collection, id)));
  }
  return { data: { insertedIds: ids } };
};

const duplicate = (collection: string, id: DocId): DatabaseError =>
  new DatabaseError(ERROR_CODES.duplicateWrite, `duplicate _id ${JSON.stringify(id)} in ${collection}`);

const modifyDocument: Action = (context, body) => {
  const collection = existingCollection(context, body);
  const data = objectField(body, 'data');
  if (data === undefined) throw invalidParam('data is required');
  const modification = parseModification(data, booleanField(body, 'merge', true));
  const upsert = booleanField(body, 'upsert', false);
  const transactionId = stringField(body, 'transactionId');
  if (transactionId !== undefined) {
    const id = transactionTarget(body);
    const current = context.transactions.read(transactionId, collection, id);
    if (current === undefined) {
      if (!upsert) return { data: { updated: 0 } };
      context.transactions.write(transactionId, collection, id, upsertDocument({ _id: id }, modification));
      return { data: { updated: 0, upsert_id: id } };
    }
    const next = modify(current, modification);
    if (next !== undefined) context.transactions.write(transactionId, collection, id, next);
    return { data: { updated: next === undefined ? 0 : 1 } };
  }
  const query = objectField(body, 'query') ?? {};
  const multi = booleanField(body, 'multi', false);
  const written: string[] = [];
  const reply = context.store.transaction(() => {
    const rows = matching(context.store, collection, query);
    if (rows.length === 0 && upsert) {
      const doc = upsertDocument(query, modification);
      const id = isDocId(doc._id) ? doc._id : newId();
      context.store.insert(collection, id, { ...doc, _id: id });
      written.push(docKey(collection, id));
      return { data: { updated: 0, upsert_id: id } };
    }
    let updated = 0;
    for (const row of multi ? rows : rows.slice(0, 1)) {
      const next = modify(row.doc, modification);
      if (next === undefined) continue;
      context.store.put(collection, row.id, next);
      written.push(docKey(collection, row.id));
      updated += 1;
    }
    return { data: { updated } };
  });
  context.transactions.committed(written);
  return reply;
};

/**
 * `where(...).updateAndReturn(data)`: updates the first matching document and returns it as it is after the
 * update, in the same step, so a caller learns the value of a counter it just incremented (a ticket number)
 * without a second read that others could overtake. No upsert, no transactions, one document.
 */
const modifyAndReturnDocument: Action = (context, body) => {
  const collection = existingCollection(context, body);
  const data = objectField(body, 'data');
  if (data === undefined) throw invalidParam('data is required');
  if (stringField(body, 'transactionId') !== undefined) {
    throw new DatabaseError(ERROR_CODES.transactionFail, 'updateAndReturn is not available in a transaction');
  }
  const modification = parseModification(data, true);
  const query = objectField(body, 'query') ?? {};
  const written: string[] = [];
  const reply = context.store.transaction(() => {
    const [row] = matching(context.store, collection, query);
    if (row === undefined) return { data: { updated: 0, doc: null } };
    const next = modify(row.doc, modification);
    if (next === undefined) return { data: { updated: 0, doc: encodeDoc(row.doc) } };
    context.store.put(collection, row.id, next);
    written.push(docKey(collection, row.id));
    return { data: { updated: 1, doc: encodeDoc(next) } };
  });
  context.transactions.committed(written);
  return reply;
};

const removeDocument: Action = (context, body) => {
  const collection = existingCollection(context, body);
  const transactionId = stringField(body, 'transactionId');
  if (transactionId !== undefined) {
    const id = transactionTarget(body);
    if (context.transactions.read(transactionId, collection, id) === undefined)
      return { data: { deleted: 0 } };
    context.transactions.write(transactionId, collection, id, undefined);
    return { data: { deleted: 1 } };
  }
  const query = objectField(body, 'query') ?? {};
  const multi = booleanField(body, 'multi', false);
  const removed = context.store.transaction(() => {
    const rows = matching(context.store, collection, query);
    const targets = multi ? rows : rows.slice(0, 1);
    for (const row of targets) context.store.remove(collection, row.id);
    return targets.map((row) => docKey(collection, row.id));
  });
  context.transactions.committed(removed);
  return { data: { deleted: removed.length } };
};

/** `aggregateDocuments` needs only a store to read: reader threads run it on their own connection. */
export function aggregateReply(store: Store, body: Doc, now: number) {
  const collection = existingCollection({ store }, body);
  return { data: { list: aggregate(store, collection, parseStages(body.stages, now)) } };
}

const aggregateDocuments: Action = ({ store, now }, body) => aggregateReply(store, body, now);

const startTransaction: Action = ({ transactions, now }) => ({ transactionId: transactions.start(now) });

const commitTransaction: Action = ({ transactions }, body) => {
  transactions.commit(requiredString(body, 'transactionId'));
  return {};
};

const abortTransaction: Action = ({ transactions }, body) => {
  transactions.abort(requiredString(body, 'transactionId'));
  return {};
};

/** `writes`: the action may change SQLite, so its reply waits for a durable commit (see commits.ts). */
export const ACTIONS: Readonly<Record<string, { run: Action; writes: boolean }>> = {
  'database.addCollection': { run: addCollection, writes: true },
  'database.listCollections': { run: listCollections, writes: false },
  'database.getDocument': { run: getDocument, writes: false },
  'database.calculateDocument': { run: calculateDocument, writes: false },
  'database.insertDocument': { run: insertDocument, writes: true },
  'database.modifyDocument': { run: modifyDocument, writes: true },
  'database.modifyAndReturnDoc': { run: modifyAndReturnDocument, writes: true },
  'database.removeDocument': { run: removeDocument, writes: true },
  'database.aggregateDocuments': { run: aggregateDocuments, writes: false },
  'database.startTransaction': { run: startTransaction, writes: false },
  'database.commitTransaction': { run: commitTransaction, writes: true },
  'database.abortTransaction': { run: abortTransaction, writes: false },
};

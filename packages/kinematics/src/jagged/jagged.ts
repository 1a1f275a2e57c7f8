/**
 * Jagged collections (offsets + content, like awkward's ListOffsetArray or NanoAOD's
 * `nMuon` + `Muon_pt`): select, sort by pT, keep the leading n, and form object pairs per event,
 * so per-object columns become per-event variables. Content is a record of equal-length columns
 * (`px`, `py`, ... in GeV, `charge`, `pdgId`, ...). Every function returns new arrays.
 *
 * @module
 */
import type { ColumnLike, Jagged } from '@hep/core';
import { HepInputError } from '@hep/core';

/** Columns of the objects in a jagged collection. */
export type ObjectColumns = Readonly<Record<string, ColumnLike>>;

/** Output of the jagged operations: `Uint32Array` offsets, `Float64Array` columns. */
export interface JaggedArrays {
  readonly offsets: Uint32Array;
  readonly content: Record<string, Float64Array>;
}

function check(name: string, j: Jagged<ObjectColumns>): { nEvents: number; nObjects: number } {
  if (j === null || typeof j !== 'object' || j.offsets === undefined || j.content === undefined) {
    throw new HepInputError(name, 'must be { offsets, content }');
  }
  const keys = Object.keys(j.content);
  const nObjects = keys.length === 0 ? 0 : (j.content[keys[0] as string] as ColumnLike).length;
  for (const k of keys) {
    const col = j.content[k] as ColumnLike;
    if (col.length !== nObjects)
      throw new HepInputError(`${name}.content.${k}`, `length ${col.length} ≠ ${nObjects}`);
  }
  const o = j.offsets;
  const nEvents = o.length - 1;
  if (nEvents < 0 || o[0] !== 0) throw new HepInputError(`${name}.offsets`, 'must start with 0');
  for (let i = 0; i < nEvents; i++) {
    const a = o[i] as number;
    const b = o[i + 1] as number;
    if (!Number.isInteger(b) || b < a)
      throw new HepInputError(`${name}.offsets`, 'must be non-decreasing integers', i + 1);
  }
  if (o[nEvents] !== nObjects)
    throw new HepInputError(`${name}.offsets`, `last offset ${o[nEvents]} ≠ ${nObjects} objects`);
  return { nEvents, nObjects };
}

/** Gathers the objects `order` (content indices, in output order) with per-event `counts`. */
function gather(content: ObjectColumns, order: ArrayLike<number>, counts: Uint32Array): JaggedArrays {
  const offsets = new Uint32Array(counts.length + 1);
  for (let i = 0; i < counts.length; i++) offsets[i + 1] = (offsets[i] as number) + (counts[i] as number);
  const out: Record<string, Float64Array> = {};
  for (const k of Object.keys(content)) {
    const src = content[k] as ColumnLike;
    const dst = new Float64Array(order.length);
    for (let m = 0; m < order.length; m++) dst[m] = src[order[m] as number] as number;
    out[k] = dst;
  }
  return { offsets, content: out };
}

/** Keeps the objects whose `mask` entry (one per object) is truthy. */
export function selectObjects(
  collection: Jagged<ObjectColumns>,
  mask: ArrayLike<boolean | number>,
): JaggedArrays {
  const { nEvents, nObjects } = check('collection', collection);
  if (mask.length !== nObjects)
    throw new HepInputError('mask', `length ${mask.length} ≠ ${nObjects} objects`);
  const order: number[] = [];
  const counts = new Uint32Array(nEvents);
  for (let i = 0; i < nEvents; i++) {
    for (let k = collection.offsets[i] as number; k < (collection.offsets[i + 1] as number); k++) {
      if (mask[k]) {
        order.push(k);
        counts[i] = (counts[i] as number) + 1;
      }
    }
  }
  return gather(collection.content, order, counts);
}

/** Sorts the objects of every event by decreasing pT = √(px² + py²) (stable). Needs `px`, `py` columns (GeV). */
export function sortByPt(collection: Jagged<ObjectColumns>): JaggedArrays {
  const { nEvents, nObjects } = check('collection', collection);
  const { px, py } = collection.content;
  if (px === undefined || py === undefined)
    throw new HepInputError('collection.content', 'needs px and py columns');
  const pt = new Float64Array(nObjects);
  for (let k = 0; k < nObjects; k++) pt[k] = Math.hypot(px[k] as number, py[k] as number);
  const order = new Uint32Array(nObjects);
  const counts = new Uint32Array(nEvents);
  for (let i = 0; i < nEvents; i++) {
    const a = collection.offsets[i] as number;
    const b = collection.offsets[i + 1] as number;
    const idx: number[] = [];
    for (let k = a; k < b; k++) idx.push(k);
    idx.sort((x, y) => (pt[y] as number) - (pt[x] as number) || x - y);
    for (let m = 0; m < idx.length; m++) order[a + m] = idx[m] as number;
    counts[i] = b - a;
  }
  return gather(collection.content, order, counts);
}

/** Keeps the first `n` objects of every event (the leading ones after {@link sortByPt}). */
export function leading(collection: Jagged<ObjectColumns>, n: number): JaggedArrays {
  const { nEvents } = check('collection', collection);
  if (!Number.isInteger(n) || n < 0) throw new HepInputError('n', `must be an integer ≥ 0, got ${n}`);
  const order: number[] = [];
  const counts = new Uint32Array(nEvents);
  for (let i = 0; i < nEvents; i++) {
    const a = collection.offsets[i] as number;
    const b = Math.min(collection.offsets[i + 1] as number, a + n);
    for (let k = a; k < b; k++) order.push(k);
    counts[i] = b - a;
  }
  return gather(collection.content, order, counts);
}

/** Options of {@link pairs}. */
export interface PairOptions {
  /** `'all'` combinations i < j (default), `'oppositeSign'` (needs `charge`), `'differentFlavour'` (needs `flavour`). */
  readonly kind?: 'all' | 'oppositeSign' | 'differentFlavour';
  /** Content column with the charge (for `'oppositeSign'`); default `'charge'`. */
  readonly charge?: string;
  /** Content column with the flavour, e.g. |pdgId| (for `'differentFlavour'`); default `'flavour'`. */
  readonly flavour?: string;
}

/** Object pairs per event as a jagged list of content-index pairs (first < second in content order). */
export interface JaggedPairs {
  readonly offsets: Uint32Array;
  readonly first: Uint32Array;
  readonly second: Uint32Array;
}

/**
 * All object pairs (i < j) within each event, optionally only opposite-sign or different-flavour
 * pairs. Use `first`/`second` to gather per-pair columns, and `offsets` to map pairs to events
 * (e.g. the first pair of event e is at `offsets[e]` when `offsets[e+1] > offsets[e]`).
 */
export function pairs(collection: Jagged<ObjectColumns>, options?: PairOptions): JaggedPairs {
  const { nEvents } = check('collection', collection);
  const kind = options?.kind ?? 'all';
  let tag: ColumnLike | undefined;
  if (kind === 'oppositeSign' || kind === 'differentFlavour') {
    const name = kind === 'oppositeSign' ? (options?.charge ?? 'charge') : (options?.flavour ?? 'flavour');
    tag = collection.content[name];
    if (tag === undefined) throw new HepInputError(`collection.content.${name}`, `needed for kind '${kind}'`);
  } else if (kind !== 'all') {
    throw new HepInputError(
      'options.kind',
      `must be 'all', 'oppositeSign' or 'differentFlavour', got ${String(kind)}`,
    );
  }
  const f: number[] = [];
  const s: number[] = [];
  const offsets = new Uint32Array(nEvents + 1);
  for (let e = 0; e < nEvents; e++) {
    const a = collection.offsets[e] as number;
    const b = collection.offsets[e + 1] as number;
    for (let i = a; i < b; i++) {
      for (let j = i + 1; j < b; j++) {
        if (kind === 'oppositeSign' && !((tag![i] as number) * (tag![j] as number) < 0)) continue;
        if (kind === 'differentFlavour' && tag![i] === tag![j]) continue;
        f.push(i);
        s.push(j);
      }
    }
    offsets[e + 1] = f.length;
  }
  return { offsets, first: Uint32Array.from(f), second: Uint32Array.from(s) };
}

/** Gathers `column[indices[m]]` into a new `Float64Array` (per-pair or per-event columns). */
export function take(column: ColumnLike, indices: ArrayLike<number>): Float64Array {
  const out = new Float64Array(indices.length);
  for (let m = 0; m < indices.length; m++) {
    const k = indices[m] as number;
    if (!(k >= 0 && k < column.length)) throw new HepInputError('indices', `index ${k} out of range`, m);
    out[m] = column[k] as number;
  }
  return out;
}

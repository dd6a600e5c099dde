// A multi-pattern (Aho-Corasick) automaton over UTF-16 code units, built for the rule engine's hot path:
// - characters that occur in no pattern map to symbol 0 and send the scan straight back to the root, so the common
//   case (a chat character no rule mentions) costs one table read;
// - transitions live in one open-addressing hash table of typed arrays (no per-state objects), and failure links
//   are followed only for characters that do occur in some pattern;
// - every state carries the flat list of patterns that end there (its own and its failure chain's);
// - the input can be read through a translation (each compact character to its sound code, for sounds-like terms),
//   learnt one character at a time, so no translated copy of the message is ever written;
// - it is built in steps (buildAutomaton), so that a large rule set's can be built in slices.
import { runToEnd, type Staged } from './staged.ts'

const EMPTY = -1
/** An input character whose symbol has not been worked out yet (translated automata only). */
const UNKNOWN = 0xffff

export class Automaton {
  /** Pattern character -> symbol (0: in no pattern). */
  private readonly symbolOf: Uint16Array
  /** Input character -> symbol: symbolOf itself, or through the translation. */
  private readonly inputSymbol: Uint16Array
  private readonly tableKeys: Int32Array
  private readonly tableValues: Int32Array
  private readonly mask: number
  private readonly symbols: number
  /** The root's transitions, dense: most steps start there, right after a character no pattern contains. */
  private readonly rootNext: Int32Array
  private readonly fail: Int32Array
  /**
   * Per state, one bit per (symbol mod 32) it has a transition on: most steps from a state deep in the trie are
   * misses, and a clear bit settles one without probing the table.
   */
  private readonly childBits: Int32Array
  private readonly outStart: Int32Array
  private readonly outList: Int32Array
  readonly patternCount: number

  /**
   * `patterns[i]` is found as pattern id i; empty patterns are never found. Input is read through `translate`.
   * Built at once, unless buildAutomaton built the tables already, pausing between steps.
   */
  constructor(
    patterns: readonly string[],
    private readonly translate: ((code: number) => number) | null = null,
    tables: AutomatonTables = runToEnd(automatonTables(patterns)),
  ) {
    this.patternCount = patterns.length
    this.symbolOf = tables.symbolOf
    this.symbols = tables.symbols
    this.inputSymbol = translate ? new Uint16Array(0x10000).fill(UNKNOWN) : this.symbolOf
    this.mask = tables.mask
    this.tableKeys = tables.tableKeys
    this.tableValues = tables.tableValues
    this.rootNext = tables.rootNext
    this.fail = tables.fail
    this.childBits = tables.childBits
    this.outStart = tables.outStart
    this.outList = tables.outList
  }

  private get(state: number, symbol: number): number {
    if (state === 0) return this.rootNext[symbol]!
    if ((this.childBits[state]! & (1 << (symbol & 31))) === 0) return EMPTY
    const key = state * this.symbols + symbol
    let slot = slotOf(key, this.mask)
    for (;;) {
      const found = this.tableKeys[slot]!
      if (found === key) return this.tableValues[slot]!
      if (found === EMPTY) return EMPTY
      slot = (slot + 1) & this.mask
    }
  }

  /**
   * Scans `codes[0..length)` and writes every occurrence into `hits` as pairs (pattern id, end index exclusive);
   * returns how many pairs. The pattern's length is known to the caller, so its start is `end - length`.
   * Filling a buffer rather than calling back keeps the loop free of calls the JIT cannot inline.
   */
  scan(codes: Uint16Array, length: number, hits: HitBuffer): number {
    // Reading past the input yields `undefined`, which no table lookup can ever turn back into a state: the failure
    // loop below would spin forever. A caller that claims more input than it holds has a bug; say so, don't hang.
    if (!(Number.isInteger(length) && length >= 0 && length <= codes.length)) {
      throw new RangeError(`Automaton.scan: length ${length} is outside the input (${codes.length} code units)`)
    }
    const { inputSymbol, fail, outStart, outList } = this
    let count = 0
    let state = 0
    for (let k = 0; k < length; k++) {
      let symbol = inputSymbol[codes[k]!]!
      if (symbol === UNKNOWN) symbol = inputSymbol[codes[k]!] = this.symbolOf[this.translate!(codes[k]!)]!
      if (symbol === 0) {
        state = 0
        continue
      }
      let next = this.get(state, symbol)
      while (next === EMPTY && state !== 0) {
        state = fail[state]!
        next = this.get(state, symbol)
      }
      state = next === EMPTY ? 0 : next
      const from = outStart[state]!
      const to = outStart[state + 1]!
      for (let o = from; o < to; o++) {
        if (count * 2 + 2 > hits.pairs.length) hits.grow()
        hits.pairs[count * 2] = outList[o]!
        hits.pairs[count * 2 + 1] = k + 1
        count++
      }
    }
    return count
  }
}

/** Where the transition with this key (state * symbols + symbol) starts looking in the table. */
function slotOf(key: number, mask: number): number {
  return (Math.imul(key, 0x9e3779b1) >>> 0) & mask
}

/** Everything a scan reads but the translation. */
interface AutomatonTables {
  symbolOf: Uint16Array
  symbols: number
  mask: number
  tableKeys: Int32Array
  tableValues: Int32Array
  rootNext: Int32Array
  fail: Int32Array
  childBits: Int32Array
  outStart: Int32Array
  outList: Int32Array
}

/** An automaton built in steps (staged.ts): a large rule set has tens of thousands of patterns. */
export function* buildAutomaton(patterns: readonly string[], translate: ((code: number) => number) | null = null): Staged<Automaton> {
  return new Automaton(patterns, translate, yield* automatonTables(patterns))
}

/** Work between two pauses: a few hundred states or patterns cost well under a millisecond. */
const STEP = 256

function* automatonTables(patterns: readonly string[]): Staged<AutomatonTables> {
  const symbolOf = new Uint16Array(0x10000)
  let symbols = 1
  for (let id = 0; id < patterns.length; id++) {
    if (id % STEP === 0) yield
    const pattern = patterns[id]!
    for (let k = 0; k < pattern.length; k++) {
      const code = pattern.charCodeAt(k)
      if (symbolOf[code] === 0) symbolOf[code] = symbols++
    }
  }

  // The trie, first with Map children (built once), then flattened.
  const children: Map<number, number>[] = [new Map()]
  const ends: number[][] = [[]]
  let edges = 0
  for (let id = 0; id < patterns.length; id++) {
    if (id % STEP === 0) yield
    const pattern = patterns[id]!
    let state = 0
    for (let k = 0; k < pattern.length; k++) {
      const symbol = symbolOf[pattern.charCodeAt(k)]!
      let next = children[state]!.get(symbol)
      if (next === undefined) {
        next = children.length
        children.push(new Map())
        ends.push([])
        children[state]!.set(symbol, next)
        edges++
      }
      state = next
    }
    if (pattern.length > 0) ends[state]!.push(id)
  }

  const stateCount = children.length
  let size = 16
  while (size < edges * 2) size *= 2
  const mask = size - 1
  const tableKeys = new Int32Array(size).fill(EMPTY)
  const tableValues = new Int32Array(size)
  const childBits = new Int32Array(stateCount)
  for (let state = 0; state < stateCount; state++) {
    if (state % STEP === 0) yield
    for (const [symbol, next] of children[state]!) {
      const key = state * symbols + symbol
      let slot = slotOf(key, mask)
      while (tableKeys[slot] !== EMPTY) slot = (slot + 1) & mask
      tableKeys[slot] = key
      tableValues[slot] = next
      childBits[state]! |= 1 << (symbol & 31)
    }
  }
  const rootNext = new Int32Array(symbols).fill(EMPTY)
  for (const [symbol, next] of children[0]!) rootNext[symbol] = next

  // Failure links, breadth first; each state's output is its own patterns then its failure state's. Transitions are
  // read from the trie's maps, which hold the same ones as the table.
  const transition = (state: number, symbol: number) => (state === 0 ? rootNext[symbol]! : (children[state]!.get(symbol) ?? EMPTY))
  const fail = new Int32Array(stateCount)
  const outputs: number[][] = new Array(stateCount)
  outputs[0] = ends[0]!
  const queue: number[] = []
  for (const next of children[0]!.values()) {
    fail[next] = 0
    queue.push(next)
  }
  for (let head = 0; head < queue.length; head++) {
    if (head % STEP === 0) yield
    const state = queue[head]!
    outputs[state] = ends[state]!.concat(outputs[fail[state]!]!)
    for (const [symbol, next] of children[state]!) {
      let f = fail[state]!
      let target = transition(f, symbol)
      while (target === EMPTY && f !== 0) {
        f = fail[f]!
        target = transition(f, symbol)
      }
      fail[next] = target === EMPTY ? 0 : target
      queue.push(next)
    }
  }
  const outStart = new Int32Array(stateCount + 1)
  let total = 0
  for (let s = 0; s < stateCount; s++) {
    outStart[s] = total
    total += outputs[s]!.length
  }
  outStart[stateCount] = total
  const outList = new Int32Array(total)
  for (let s = 0; s < stateCount; s++) {
    if (s % STEP === 0) yield
    outList.set(outputs[s]!, outStart[s]!)
  }
  return { symbolOf, symbols, mask, tableKeys, tableValues, rootNext, fail, childBits, outStart, outList }
}

/** Where a scan puts what it found: (pattern id, end) pairs, reused from message to message. */
export class HitBuffer {
  pairs = new Int32Array(256)

  grow(): void {
    const bigger = new Int32Array(this.pairs.length * 2)
    bigger.set(this.pairs)
    this.pairs = bigger
  }
}

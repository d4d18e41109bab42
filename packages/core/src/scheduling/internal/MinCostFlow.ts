/**
 * Minimum-cost maximum flow by successive shortest paths with Johnson potentials and Dijkstra
 * (Edmonds & Karp 1972, "Theoretical improvements in algorithmic efficiency for network flow
 * problems", J. ACM 19(2); Tomizawa 1971), on integer costs and capacities, in typed arrays.
 * Private to the scheduling engines.
 *
 * Each augmentation follows a cheapest path in the residual graph, so after k units the flow is a
 * cheapest flow of value k; run to exhaustion it is a cheapest maximum flow. Dijkstra stops when
 * the sink is settled; potentials are raised by min(dist(v), dist(sink)), which keeps every
 * reduced cost non-negative.
 *
 * @since 0.1.0
 */

/** A flow network under construction; edges are added, then {@link solve} runs once. */
export interface Network {
  readonly nodes: number
  /** Adds an edge with capacity and (non-negative, integer) cost; returns its index. */
  readonly addEdge: (from: number, to: number, capacity: number, cost: number) => number
  /** Sends as much flow as possible from source to sink at least cost. */
  readonly solve: (source: number, sink: number) => { readonly flow: number; readonly cost: number }
  /** The flow on an edge returned by {@link addEdge}, after solving. */
  readonly flowOn: (edge: number) => number
}

/** Makes an empty network with `nodes` nodes and room for about `edgeHint` edges. */
export const make = (nodes: number, edgeHint = 16): Network => {
  let capacityOfArrays = Math.max(16, edgeHint * 2)
  let to = new Int32Array(capacityOfArrays)
  let next = new Int32Array(capacityOfArrays)
  let cap = new Int32Array(capacityOfArrays)
  let cost = new Float64Array(capacityOfArrays)
  let original = new Int32Array(capacityOfArrays)
  const head = new Int32Array(nodes).fill(-1)
  let count = 0

  const grow = () => {
    capacityOfArrays *= 2
    const g = <T extends Int32Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(capacityOfArrays)
      b.set(a)
      return b
    }
    to = g(to, (n) => new Int32Array(n))
    next = g(next, (n) => new Int32Array(n))
    cap = g(cap, (n) => new Int32Array(n))
    cost = g(cost, (n) => new Float64Array(n))
    original = g(original, (n) => new Int32Array(n))
  }

  const push = (u: number, v: number, c: number, w: number) => {
    if (count === capacityOfArrays) grow()
    to[count] = v
    cap[count] = c
    original[count] = c
    cost[count] = w
    next[count] = head[u] as number
    head[u] = count
    count++
  }

  const addEdge = (from: number, toNode: number, capacity: number, edgeCost: number) => {
    const index = count
    push(from, toNode, capacity, edgeCost)
    push(toNode, from, 0, -edgeCost)
    return index
  }

  const solve = (source: number, sink: number) => {
    const potential = new Float64Array(nodes)
    const dist = new Float64Array(nodes)
    const done = new Uint8Array(nodes)
    const viaEdge = new Int32Array(nodes)
    // Binary heap of (distance, node) with lazy deletion.
    let heapKey = new Float64Array(64)
    let heapNode = new Int32Array(64)
    let size = 0
    const heapPush = (key: number, node: number) => {
      if (size === heapKey.length) {
        const k = new Float64Array(size * 2)
        k.set(heapKey)
        heapKey = k
        const nn = new Int32Array(size * 2)
        nn.set(heapNode)
        heapNode = nn
      }
      let i = size++
      while (i > 0) {
        const parent = (i - 1) >> 1
        if ((heapKey[parent] as number) <= key) break
        heapKey[i] = heapKey[parent] as number
        heapNode[i] = heapNode[parent] as number
        i = parent
      }
      heapKey[i] = key
      heapNode[i] = node
    }
    const heapPop = (): number => {
      const top = heapNode[0] as number
      size--
      const key = heapKey[size] as number
      const node = heapNode[size] as number
      let i = 0
      for (;;) {
        let child = 2 * i + 1
        if (child >= size) break
        if (child + 1 < size && (heapKey[child + 1] as number) < (heapKey[child] as number)) child++
        if ((heapKey[child] as number) >= key) break
        heapKey[i] = heapKey[child] as number
        heapNode[i] = heapNode[child] as number
        i = child
      }
      heapKey[i] = key
      heapNode[i] = node
      return top
    }

    let flow = 0
    let total = 0
    for (;;) {
      dist.fill(Number.POSITIVE_INFINITY)
      done.fill(0)
      dist[source] = 0
      size = 0
      heapPush(0, source)
      while (size > 0) {
        const topKey = heapKey[0] as number
        const u = heapPop()
        if (done[u] === 1 || topKey > (dist[u] as number)) continue
        done[u] = 1
        if (u === sink) break
        const du = dist[u] as number
        const pu = potential[u] as number
        for (let e = head[u] as number; e !== -1; e = next[e] as number) {
          if ((cap[e] as number) <= 0) continue
          const v = to[e] as number
          if (done[v] === 1) continue
          const nd = du + (cost[e] as number) + pu - (potential[v] as number)
          if (nd < (dist[v] as number)) {
            dist[v] = nd
            viaEdge[v] = e
            heapPush(nd, v)
          }
        }
      }
      const dSink = dist[sink] as number
      if (dSink === Number.POSITIVE_INFINITY) break
      for (let v = 0; v < nodes; v++) {
        potential[v] = (potential[v] as number) + Math.min(dist[v] as number, dSink)
      }
      // Bottleneck and augment along the path.
      let push = Number.POSITIVE_INFINITY
      for (let v = sink; v !== source; v = to[(viaEdge[v] as number) ^ 1] as number) {
        push = Math.min(push, cap[viaEdge[v] as number] as number)
      }
      for (let v = sink; v !== source; v = to[(viaEdge[v] as number) ^ 1] as number) {
        const e = viaEdge[v] as number
        cap[e] = (cap[e] as number) - push
        cap[e ^ 1] = (cap[e ^ 1] as number) + push
        total += push * (cost[e] as number)
      }
      flow += push
    }
    return { flow, cost: total }
  }

  const flowOn = (edge: number) => (original[edge] as number) - (cap[edge] as number)

  return { nodes, addEdge, solve, flowOn }
}

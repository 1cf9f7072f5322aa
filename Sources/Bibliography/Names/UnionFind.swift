/// A disjoint-set forest over the dense ids `0..<count`, with path compression.
///
/// Joining keeps the smaller root as the root, so the root of a set is always its
/// first-added member: the person resolver relies on that to number people in order
/// of first appearance. Union by rank is not used (it would break that order); path
/// compression alone keeps the trees flat enough for name clusters.
///
/// - Complexity: `find` and `union` O(log *n*) amortized; O(*n*) memory.
///
/// Reference: R. E. Tarjan and J. van Leeuwen, J. ACM 31(2), 1984 (path compression
/// without union by rank).
struct UnionFind {
  /// The parent of each id; a root is its own parent.
  private var parent: [Int] = []

  /// How many ids the forest holds.
  var count: Int { parent.count }

  /// Adds a set holding only the next id and returns that id.
  @discardableResult
  mutating func add() -> Int {
    parent.append(parent.count)
    return parent.count - 1
  }

  /// The root of the set holding `x`; compresses the path from `x` to it.
  mutating func find(_ x: Int) -> Int {
    var root = x
    while parent[root] != root { root = parent[root] }
    var node = x
    while parent[node] != root {
      let next = parent[node]
      parent[node] = root
      node = next
    }
    return root
  }

  /// Joins the sets holding `a` and `b`; the smaller root stays root.
  ///
  /// - Returns: The root kept and the root joined under it, or nil when `a` and `b`
  ///   were already in one set.
  mutating func union(_ a: Int, _ b: Int) -> (root: Int, child: Int)? {
    let ra = find(a)
    let rb = find(b)
    guard ra != rb else { return nil }
    let (root, child) = ra < rb ? (ra, rb) : (rb, ra)
    parent[child] = root
    return (root, child)
  }
}

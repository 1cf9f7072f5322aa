/// An assignment of every node to exactly one community.
///
/// Communities are numbered `0..<communityCount`; algorithms in GraphKit number them
/// largest first (ties broken by the smallest node id in the community), so the same
/// grouping always prints the same way.
public struct Partition: Sendable, Hashable, Codable {
  /// `membership[node]` is the community of `node`.
  public private(set) var membership: [Int]
  /// Number of communities.
  public private(set) var communityCount: Int

  /// Creates a partition from any labelling (labels need not be dense).
  /// The labels are renumbered largest community first.
  public init(membership: [Int]) {
    self.membership = membership
    self.communityCount = 0
    renumberBySize()
  }

  /// Every node in its own community.
  public static func singletons(_ nodeCount: Int) -> Partition {
    Partition(membership: Array(0..<nodeCount))
  }

  /// Number of nodes covered.
  public var nodeCount: Int { membership.count }

  /// Sizes of the communities, indexed by community.
  public var sizes: [Int] {
    var s = [Int](repeating: 0, count: communityCount)
    for c in membership { s[c] += 1 }
    return s
  }

  /// The members of each community, ascending node ids.
  public var communities: [[Int]] {
    var out = [[Int]](repeating: [], count: communityCount)
    for (node, c) in membership.enumerated() { out[c].append(node) }
    return out
  }

  private mutating func renumberBySize() {
    var dense: [Int: Int] = [:]
    var firstNode: [Int] = []
    var size: [Int] = []
    var mapped = [Int](repeating: 0, count: membership.count)
    for (node, c) in membership.enumerated() {
      if let d = dense[c] {
        mapped[node] = d
        size[d] += 1
      } else {
        let d = size.count
        dense[c] = d
        firstNode.append(node)
        size.append(1)
        mapped[node] = d
      }
    }
    let order = size.indices.sorted {
      size[$0] != size[$1] ? size[$0] > size[$1] : firstNode[$0] < firstNode[$1]
    }
    var rank = [Int](repeating: 0, count: size.count)
    for (r, d) in order.enumerated() { rank[d] = r }
    membership = mapped.map { rank[$0] }
    communityCount = size.count
  }
}

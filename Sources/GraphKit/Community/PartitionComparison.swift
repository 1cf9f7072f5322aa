import Foundation

/// Normalised mutual information between two partitions of the same nodes.
///
/// NMI = 2·I(A; B) / (H(A) + H(B)) (Danon et al.; igraph
/// `compare_communities(method="nmi")`, scikit-learn's default arithmetic
/// normalisation). 1 means the same grouping (community numbers do not matter),
/// 0 independent groupings. Two partitions that are each a single community give
/// 1, as in igraph.
///
/// - Parameters:
///   - a: A partition.
///   - b: A partition of the same nodes.
/// - Returns: A value in [0, 1].
/// - Complexity: O(*n* log *n*) time, O(*n*) extra memory.
/// - Precondition: `a` and `b` cover the same number of nodes.
///
/// Reference: L. Danon, A. Díaz-Guilera, J. Duch, A. Arenas, J. Stat. Mech.
/// (2005) P09008. https://doi.org/10.1088/1742-5468/2005/09/P09008
public func normalizedMutualInformation(_ a: Partition, _ b: Partition) -> Double {
  let table = _Contingency(a, b)
  let n = Double(a.nodeCount)
  guard n > 0 else { return 1 }
  func entropy(_ counts: [Int]) -> Double {
    var h = 0.0
    for c in counts where c > 0 {
      let p = Double(c) / n
      h -= p * log(p)
    }
    return h
  }
  let ha = entropy(table.rowSums)
  let hb = entropy(table.columnSums)
  guard ha + hb > 0 else { return 1 }
  var mutual = 0.0
  for cell in table.cells {
    let nij = Double(cell.count)
    let ni = Double(table.rowSums[cell.row])
    let nj = Double(table.columnSums[cell.column])
    mutual += nij / n * log(nij * n / (ni * nj))
  }
  return max(0, min(1, 2 * mutual / (ha + hb)))
}

/// Adjusted Rand index between two partitions of the same nodes.
///
/// The Rand index (share of node pairs both partitions treat alike: together in
/// both or apart in both) corrected for chance, so that random groupings score
/// about 0 and identical ones 1 (Hubert & Arabie; igraph
/// `compare_communities(method="adjusted_rand")`). When both partitions are
/// trivial in the same way (all together, or all apart) it is 1.
///
/// - Parameters:
///   - a: A partition.
///   - b: A partition of the same nodes.
/// - Returns: A value ≤ 1; negative when the agreement is below chance.
/// - Complexity: O(*n* log *n*) time, O(*n*) extra memory.
/// - Precondition: `a` and `b` cover the same number of nodes.
///
/// Reference: L. Hubert, P. Arabie, J. Classification 2, 193 (1985).
/// https://doi.org/10.1007/BF01908075
public func adjustedRandIndex(_ a: Partition, _ b: Partition) -> Double {
  let table = _Contingency(a, b)
  func pairs(_ x: Int) -> Double { Double(x) * Double(x - 1) / 2 }
  var index = 0.0
  for cell in table.cells { index += pairs(cell.count) }
  var rows = 0.0
  for c in table.rowSums { rows += pairs(c) }
  var columns = 0.0
  for c in table.columnSums { columns += pairs(c) }
  let all = pairs(a.nodeCount)
  guard all > 0 else { return 1 }
  let expected = rows * columns / all
  let maximum = (rows + columns) / 2
  guard maximum != expected else { return 1 }
  return (index - expected) / (maximum - expected)
}

/// The non-empty cells of the contingency table of two partitions.
struct _Contingency {
  var cells: [(row: Int, column: Int, count: Int)] = []
  var rowSums: [Int]
  var columnSums: [Int]

  init(_ a: Partition, _ b: Partition) {
    precondition(
      a.nodeCount == b.nodeCount,
      "partitions cover \(a.nodeCount) and \(b.nodeCount) nodes")
    rowSums = a.sizes
    columnSums = b.sizes
    let width = b.communityCount
    var keys = (0..<a.nodeCount).map { a.membership[$0] * width + b.membership[$0] }
    keys.sort()
    var i = 0
    while i < keys.count {
      var j = i + 1
      while j < keys.count, keys[j] == keys[i] { j += 1 }
      cells.append((keys[i] / width, keys[i] % width, j - i))
      i = j
    }
  }
}

/// How joint papers become coauthor edge weights.
///
/// See the README's "Counting" section and the VOSviewer manual (van Eck & Waltman,
/// version 1.6.18, pp. 33–35) for the definitions and the worked example used in the tests.
public enum Weighting: String, Sendable, Hashable, CaseIterable, Codable {
  /// Full counting: every joint paper adds 1 to each of its author pairs
  /// (VOSviewer's default; bibliometrix's only option).
  case count
  /// Newman's fractional counting: a paper with n authors adds 1/(n − 1) to each of its
  /// author pairs, so each author's links from one paper sum to 1 and single-author
  /// papers add nothing (Newman, Phys. Rev. E 64, 016132, 2001; networkx
  /// `collaboration_weighted_projected_graph`; VOSviewer "fractional counting").
  case fractional
  /// Association strength of the full-count network: a'_ij = 2m · a_ij / (k_i k_j), with
  /// k_i the total link strength of i and 2m = Σ_i k_i (VOSviewer/CWTS normalisation,
  /// van Eck & Waltman 2009): the observed weight over the weight expected in the
  /// configuration model.
  case association

  /// A label for outputs: what an edge weight means under this weighting.
  public var meaning: String {
    switch self {
    case .count: "number of joint publications (full counting)"
    case .fractional: "fractional joint publications, 1/(n-1) per paper with n authors (Newman 2001)"
    case .association: "association strength 2m*a_ij/(k_i*k_j) of the full-count network (VOSviewer)"
    }
  }
}

import Bibliography
import Foundation
import GraphKit

/// A two-mode network of authors and the terms of their documents.
///
/// Nodes `0..<authors.count` are authors (in order of first appearance), nodes
/// `authors.count…` are terms (in the extraction's rank order); `nodeKinds` says
/// which is which. An author is linked to a term with weight = the number of the
/// author's documents that contain the term. Authors are matched by
/// ``defaultAuthorKey(_:)`` (case, diacritics, `*` marks and spacing folded)
/// unless another key is given, e.g. a name normaliser with an alias table;
/// the label of an author is the first spelling seen. Authors whose documents
/// contain none of the terms stay as isolated nodes.
///
/// - Complexity: O(Σ_d a_d · t_d) for a_d authors and t_d terms of document d,
///   plus O(*n* + *m*) to build the graph.
public struct AuthorTopicNetwork: Sendable {
  /// What a node stands for.
  public enum NodeKind: String, Sendable, Hashable, Codable {
    case author
    case term
  }

  /// The bipartite graph (no author–author or term–term edges).
  public var graph: Graph
  /// The kind of each node, indexed by node id.
  public var nodeKinds: [NodeKind]
  /// Author labels; author `i` is node `i`.
  public var authors: [String]
  /// The terms; term `j` is node `authors.count + j`.
  public var terms: [Term]

  /// Builds the network from the documents an extraction was made from.
  ///
  /// - Parameters:
  ///   - extraction: The terms, from `documents` in the same order.
  ///   - documents: The documents, with their authors.
  ///   - excluding: Authors left out (e.g. the CV's owner, who would link to
  ///     every term), matched by `authorKey`.
  ///   - authorKey: When two spellings are the same author.
  /// - Precondition: `documents.count == extraction.documentCount`.
  public init(
    extraction: TermExtraction, documents: [TermDocument], excluding: Set<String> = [],
    authorKey: (String) -> String = AuthorTopicNetwork.defaultAuthorKey
  ) {
    precondition(
      documents.count == extraction.documentCount,
      "the extraction was made from \(extraction.documentCount) documents, not \(documents.count)")
    let excludedKeys = Set(excluding.map(authorKey))
    var authorIndex: [String: Int] = [:]
    var authorLabels: [String] = []
    var links: [(author: Int, term: Int)] = []
    for (d, doc) in documents.enumerated() {
      var seen: Set<Int> = []
      for name in doc.authors {
        let key = authorKey(name)
        guard !key.isEmpty, !excludedKeys.contains(key) else { continue }
        let a: Int
        if let known = authorIndex[key] {
          a = known
        } else {
          a = authorLabels.count
          authorIndex[key] = a
          authorLabels.append(name.trimmingCharacters(in: .whitespaces))
        }
        // An author listed twice on one document counts once.
        guard seen.insert(a).inserted else { continue }
        for t in Set(extraction.documentTerms[d]) { links.append((a, t)) }
      }
    }
    let authorCount = authorLabels.count
    var builder = GraphBuilder(
      nodeCount: authorCount + extraction.terms.count,
      labels: authorLabels + extraction.terms.map(\.label), parallelEdges: .sum)
    for link in links { builder.addEdge(link.author, authorCount + link.term, weight: 1) }
    self.graph = builder.build()
    self.nodeKinds =
      Array(repeating: .author, count: authorCount)
      + Array(repeating: .term, count: extraction.terms.count)
    self.authors = authorLabels
    self.terms = extraction.terms
  }

  /// The node of term `index` (an index into `terms`).
  public func node(ofTerm index: Int) -> Int { authors.count + index }

  /// The node of an author, matched by `authorKey`.
  public func node(
    ofAuthor name: String, authorKey: (String) -> String = AuthorTopicNetwork.defaultAuthorKey
  ) -> Int? {
    let key = authorKey(name)
    return authors.firstIndex { authorKey($0) == key }
  }

  /// Case, diacritics, `*` and `†` marks, Markdown emphasis and runs of spaces
  /// folded: "**Qi Lei***" and "qi  lei" are one key.
  @Sendable public static func defaultAuthorKey(_ name: String) -> String {
    let cleaned = name.filter { $0 != "*" && $0 != "†" && $0 != "_" }
      .folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
      .lowercased()
    return cleaned.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
  }
}

/// What one person works on: how many of their documents mention each term.
public struct TopicProfile: Sendable, Hashable, Codable {
  /// One term of the profile.
  public struct Entry: Sendable, Hashable, Codable {
    /// Index into the extraction's terms.
    public var term: Int
    public var label: String
    /// Number of the person's documents containing the term.
    public var count: Int
  }

  public var person: String
  /// Number of the person's documents.
  public var documentCount: Int
  /// Terms with a count ≥ 1, by count, then by the extraction's rank.
  public var entries: [Entry]

  /// The profile over chosen documents (all of them by default: a homepage's
  /// abstracts are all its owner's).
  /// - Precondition: every index in `documents` is below `extraction.documentCount`.
  public init(person: String, extraction: TermExtraction, documents: [Int]? = nil) {
    let chosen = documents ?? Array(0..<extraction.documentCount)
    var counts = [Int](repeating: 0, count: extraction.terms.count)
    for d in Set(chosen) {
      precondition(d >= 0 && d < extraction.documentCount, "document \(d) out of range")
      for t in Set(extraction.documentTerms[d]) { counts[t] += 1 }
    }
    self.person = person
    self.documentCount = Set(chosen).count
    self.entries = counts.indices.filter { counts[$0] > 0 }
      .sorted { counts[$0] != counts[$1] ? counts[$0] > counts[$1] : $0 < $1 }
      .map { Entry(term: $0, label: extraction.terms[$0].label, count: counts[$0]) }
  }

  /// The profile over the documents that list `person` (or one of `aliases`)
  /// among their authors, matched by `authorKey`.
  public init(
    person: String, aliases: Set<String> = [], extraction: TermExtraction,
    documents: [TermDocument],
    authorKey: (String) -> String = AuthorTopicNetwork.defaultAuthorKey
  ) {
    let keys = Set(([person] + aliases).map(authorKey))
    let mine = documents.indices.filter { d in
      documents[d].authors.contains { keys.contains(authorKey($0)) }
    }
    self.init(person: person, extraction: extraction, documents: mine)
  }

  /// The profile as a dictionary from term label to count.
  public var counts: [String: Int] {
    Dictionary(entries.map { ($0.label, $0.count) }, uniquingKeysWith: +)
  }
}

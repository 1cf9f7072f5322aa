import Bibliography
import GraphKit

/// Topic networks of a corpus: the documents are every paper (title plus abstract when
/// known) and every free-standing abstract.
public enum TopicAnalysis {
  /// The term documents of a corpus, papers first, then free abstracts.
  public static func documents(of corpus: Corpus) -> [TermDocument] {
    corpus.papers.map { TermDocument($0.publication) } + corpus.abstracts.map { TermDocument($0) }
  }

  /// Extracts terms with options suited to the corpus size: one person's corpus (under
  /// 300 documents) keeps terms in at least 2 documents; larger corpora need 3.
  public static func extraction(of corpus: Corpus, thesaurus: Thesaurus = Thesaurus()) -> TermExtraction {
    let docs = documents(of: corpus)
    return TermExtractor(options: options(documentCount: docs.count, thesaurus: thesaurus))
      .extract(from: docs)
  }

  static func options(documentCount: Int, thesaurus: Thesaurus = Thesaurus()) -> TermExtractionOptions {
    var options = TermExtractionOptions()
    options.minimumOccurrences = documentCount < 300 ? 2 : 3
    options.ranking = .relevance
    options.thesaurus = thesaurus
    return options
  }

  /// A topic or author–topic network as a plain weighted graph.
  public static func network(
    corpus: Corpus, type: NetworkType, weighting: Weighting
  ) -> (graph: Graph, weightMeaning: String) {
    switch type {
    case .authorTopic:
      let paperDocuments = Array(documents(of: corpus).prefix(corpus.papers.count))
      let papersOnly = TermExtractor(options: options(documentCount: paperDocuments.count))
        .extract(from: paperDocuments)
      let owners = Set(corpus.owners.map { corpus.people[$0] })
      let network = AuthorTopicNetwork(
        extraction: papersOnly, documents: paperDocuments, excluding: owners)
      return (network.graph, "number of the author's titles containing the term")
    case .topic, .coauthor:
      let link: TopicLinkWeighting = weighting == .association ? .associationStrength : .count
      let network = TopicNetwork(extraction: extraction(of: corpus), weighting: link)
      return (network.graph, link.label)
    }
  }
}

import Bibliography
import GraphKit

/// Topic networks of a corpus: the documents are every paper (title plus abstract when
/// known) and every free-standing abstract.
public enum TopicAnalysis {
  /// The term documents of a corpus, papers first, then free abstracts (authored by their
  /// file's owner). Authors are the resolved display names, so spellings of one person
  /// count as one author.
  public static func documents(of corpus: Corpus) -> [TermDocument] {
    let papers = corpus.papers.map { paper in
      var document = TermDocument(paper.publication)
      document.authors = paper.authors.map { corpus.people[$0] }
      return document
    }
    // A homepage's abstracts are its owner's work.
    var ownerByFile: [String: String] = [:]
    for document in corpus.documents {
      if let owner = document.owner { ownerByFile[document.file] = owner }
    }
    let abstracts = corpus.abstracts.map { abstract in
      TermDocument(abstract, authors: ownerByFile[abstract.location.file].map { [$0] } ?? [])
    }
    return papers + abstracts
  }

  /// A short title for each document of ``documents(of:)``: the paper's title, or the
  /// first words of an abstract.
  public static func documentTitles(of corpus: Corpus) -> [String] {
    corpus.papers.map(\.publication.title)
      + corpus.abstracts.map { abstract in
        let words = abstract.text.split(whereSeparator: \.isWhitespace).prefix(12)
        return words.joined(separator: " ") + (words.count == 12 ? " …" : "")
      }
  }

  /// Extraction options suited to the corpus size: one person's corpus (under 300
  /// documents) keeps terms found in at least 2 documents; larger corpora need 3.
  /// Terms are ranked by relevance (TF-IDF; see `Term.relevance`). VOSviewer's
  /// co-occurrence selection (`TermRanking.cooccurrence`) measured worse on the WoS sample
  /// (Benchmarks/themes.sh): in a one-field corpus its core terms co-occur with everything.
  public static func options(
    documentCount: Int, maximumTerms: Int? = nil, thesaurus: Thesaurus = Thesaurus()
  ) -> TermExtractionOptions {
    var options = TermExtractionOptions()
    options.minimumOccurrences = documentCount < 300 ? 2 : 3
    options.maximumTermCount = maximumTerms
    options.ranking = .relevance
    options.thesaurus = thesaurus
    return options
  }

  /// The topic co-occurrence network of the `maximumTerms` most relevant terms.
  public static func topicNetwork(
    corpus: Corpus, maximumTerms: Int? = nil, weighting: TopicLinkWeighting = .count
  ) -> (network: TopicNetwork, extraction: TermExtraction) {
    let docs = documents(of: corpus)
    let extraction = TermExtractor(
      options: options(documentCount: docs.count, maximumTerms: maximumTerms)
    ).extract(from: docs)
    return (TopicNetwork(extraction: extraction, weighting: weighting), extraction)
  }

  /// Each owner's topic profile: the terms of their documents, most frequent first.
  public static func profiles(corpus: Corpus, extraction: TermExtraction) -> [TopicProfile] {
    let docs = documents(of: corpus)
    return corpus.owners.map { owner in
      TopicProfile(person: corpus.people[owner], extraction: extraction, documents: docs)
    }
  }

  /// The two-mode network of authors and the terms of their papers' titles, owners left
  /// out (they would link to every term); nil when the corpus has no papers.
  public static func authorTopicNetwork(corpus: Corpus, maximumTerms: Int? = nil) -> AuthorTopicNetwork? {
    guard !corpus.papers.isEmpty else { return nil }
    let paperDocuments = corpus.papers.map { paper in
      var document = TermDocument(paper.publication, includeAbstract: false)
      document.authors = paper.authors.map { corpus.people[$0] }
      return document
    }
    let extraction = TermExtractor(
      options: options(documentCount: paperDocuments.count, maximumTerms: maximumTerms)
    ).extract(from: paperDocuments)
    return AuthorTopicNetwork(
      extraction: extraction, documents: paperDocuments,
      excluding: Set(corpus.owners.map { corpus.people[$0] }))
  }

  /// A topic or author–topic network as a plain weighted graph (for `coauthor network`).
  public static func network(
    corpus: Corpus, type: NetworkType, weighting: Weighting
  ) -> (graph: Graph, weightMeaning: String) {
    switch type {
    case .authorTopic:
      guard let network = authorTopicNetwork(corpus: corpus) else {
        return (GraphBuilder().build(), "no papers")
      }
      return (network.graph, "number of the author's titles containing the term")
    case .topic, .coauthor:
      let link: TopicLinkWeighting = weighting == .association ? .associationStrength : .count
      return (topicNetwork(corpus: corpus, weighting: link).network.graph, link.label)
    }
  }
}

/// Word-level rules that decide when two spellings are one term, and which
/// words may end a term.
///
/// These are small, documented heuristics for English technical prose (no
/// part-of-speech tagger): plural → singular by suffix rules and an exception
/// table; prefixes written apart ("non convex") joined to the next word; and a
/// suffix test that keeps adjectives, adverbs and past participles from standing
/// as a term's last word ("stochastic", "provably", "based").
enum TermNormalization {
  /// Prefixes that are joined to the following word when written apart
  /// ("non convex" → "nonconvex"); written joined or hyphenated they already fold
  /// to the same key.
  static let detachedPrefixes: Set<String> = [
    "non", "semi", "multi", "pseudo", "quasi", "anti", "inter", "intra", "meta", "sub", "self",
    "co", "pre", "post", "hyper", "ultra", "bi", "tri", "uni", "mono", "poly",
  ]

  /// Prefixes a glued word may be split at for display ("nonconvex" → "non-convex"
  /// when the rest is a word of the corpus and no hyphenated spelling was seen).
  static let displayPrefixes: [String] = [
    "non", "semi", "multi", "pseudo", "quasi", "anti", "meta", "self", "sub", "hyper",
  ]

  /// Irregular plurals of technical English.
  static let irregularPlurals: [String: String] = [
    "matrices": "matrix", "vertices": "vertex", "indices": "index", "simplices": "simplex",
    "appendices": "appendix", "analyses": "analysis", "hypotheses": "hypothesis",
    "theses": "thesis", "syntheses": "synthesis", "criteria": "criterion",
    "phenomena": "phenomenon", "automata": "automaton", "lemmata": "lemma",
    "biases": "bias", "children": "child", "people": "person", "men": "man", "women": "woman",
    "feet": "foot", "teeth": "tooth", "mice": "mouse", "geese": "goose", "radii": "radius",
    "foci": "focus", "nuclei": "nucleus", "stimuli": "stimulus", "loci": "locus",
    "curricula": "curriculum", "spectra": "spectrum", "optima": "optimum", "maxima": "maximum",
    "minima": "minimum", "extrema": "extremum", "quanta": "quantum", "strata": "stratum",
    "leaves": "leaf", "halves": "half", "lives": "life", "wolves": "wolf", "shelves": "shelf",
    "oracles": "oracle", "caches": "cache", "niches": "niche", "aches": "ache",
  ]

  /// Irregular plurals long enough to be recognised at the end of a glued
  /// word, longest first (deterministic).
  static let irregularSuffixes: [String] = irregularPlurals.keys.filter { $0.count >= 6 }
    .sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }

  /// Words ending in "s" that are not plurals.
  static let notPlural: Set<String> = [
    "bayes", "means", "kmeans", "bias", "lens", "gas", "alias", "atlas", "canvas", "chaos",
    "news", "series", "species", "always", "perhaps", "whereas", "across", "thus", "its", "this",
    "has", "was", "does", "is", "us", "yes", "lasso", "various", "previous", "plus", "minus",
    "nexus", "bonus", "apparatus", "status", "campus", "census", "virus", "corpus", "focus",
    "consensus", "calculus", "stimulus", "radius", "locus", "torus", "modulus", "lemmas",
    "kudos", "pathos", "ethos", "cosmos", "mathematics", "physics", "statistics", "economics",
    "dynamics", "robotics", "genomics", "linguistics", "graphics", "analytics", "optics",
    "mechanics", "electronics", "semantics", "pragmatics", "logistics", "kinetics", "ethics",
    "politics", "acoustics", "metrics", "informatics", "photonics", "logics", "christos", "adams",
    "jones", "lens",
  ]

  /// Singular of one folded word; `surface` (as written) recognises short acronym
  /// plurals ("LPs", "SDPs", "RNNs" → "lp", "sdp", "rnn").
  static func singular(_ word: String, surface: String) -> String {
    if surface.count >= 3, surface.last == "s",
      surface.dropLast().allSatisfy({ $0.isUppercase || $0.isNumber }),
      surface.dropLast().contains(where: \.isLetter)
    {
      return String(word.dropLast())
    }
    return singular(word)
  }

  /// Singular of one folded word.
  static func singular(_ word: String) -> String {
    if let s = irregularPlurals[word] { return s }
    if notPlural.contains(word) { return word }
    // Glued compounds end in an irregular plural too ("localminima", "submatrices").
    for plural in irregularSuffixes where word.hasSuffix(plural) {
      if let s = irregularPlurals[plural] { return String(word.dropLast(plural.count)) + s }
    }
    // Compounds keep the rule of their last part ("timeseries", "kmeans").
    for suffix in [
      "series", "species", "means", "bayes", "physics", "dynamics", "statistics", "metrics",
      "omics", "matics", "onics", "linguistics", "mechanics",
    ]
    where word.hasSuffix(suffix) {
      return word
    }
    guard word.count > 3, word.hasSuffix("s"), word.last(where: { $0.isNumber }) == nil
    else { return word }
    if word.hasSuffix("ss") || word.hasSuffix("us") || word.hasSuffix("is")
      || word.hasSuffix("ous")
    {
      return word
    }
    if word.hasSuffix("ies"), word.count > 4 { return String(word.dropLast(3)) + "y" }
    if word.hasSuffix("sses") || word.hasSuffix("xes") || word.hasSuffix("ches")
      || word.hasSuffix("shes") || word.hasSuffix("zzes")
    {
      return String(word.dropLast(2))
    }
    return String(word.dropLast())
  }

  /// Suffixes of adjectives, adverbs and participles. A word with one of these
  /// may start or sit inside a term, but not end it (VOSviewer keeps noun phrases
  /// only; this approximates the head noun without a tagger).
  static let nonHeadSuffixes = [
    "ly", "ous", "ive", "able", "ible", "ful", "less", "ic", "al", "ed", "free", "wise",
  ]

  /// Nouns that end in one of `nonHeadSuffixes`.
  static let headExceptions: Set<String> = [
    // -ly
    "family", "anomaly", "assembly", "monopoly", "supply", "reply", "poly", "ally", "italy",
    "butterfly", "jelly", "belly", "rally", "bully", "fly",
    // -ive
    "objective", "alternative", "derivative", "directive", "incentive", "initiative",
    "perspective", "representative", "narrative", "primitive", "archive", "drive", "hive",
    "motive", "detective", "executive", "relative", "collective", "adjective", "subjective",
    // -able / -ible
    "variable", "table", "cable", "syllable", "timetable", "vegetable", "bible", "stable",
    "observable", "deliverable", "receivable",
    // -ful
    "handful",
    // -ic
    "logic", "topic", "metric", "music", "heuristic", "arithmetic", "graphic", "epidemic",
    "clinic", "traffic", "mechanic", "statistic", "characteristic", "diagnostic", "critic",
    "rhetoric", "republic", "magic", "panic", "picnic", "mosaic", "relic", "tonic", "fabric",
    "public", "cubic", "quadratic", "quartic", "isometric", "dynamic", "semantic", "mimic",
    "ergodic", "geodesic", "clique", "periodic",
    // -al
    "signal", "interval", "potential", "proposal", "tutorial", "animal", "journal", "manual",
    "material", "capital", "terminal", "arrival", "approval", "rival", "trial", "removal",
    "retrieval", "survival", "individual", "hospital", "total", "polynomial", "integral",
    "differential", "functional", "residual", "marginal", "festival", "renewal", "denial",
    "withdrawal", "referral", "rational", "principal", "original", "chemical", "official",
    "professional", "criminal", "mammal", "metal", "canal", "crystal", "portal", "dual",
    "primal", "normal", "external", "internal", "literal", "deal", "goal", "meal", "seal",
    "real", "spiral", "radical", "arsenal",
    "cardinal", "ordinal", "kernal", "rental", "recital", "pedal", "medal", "decimal",
    "oval", "appraisal", "dismissal", "reversal", "rehearsal", "burial", "dial", "vial",
    "trial", "serial", "tribunal", "general", "mineral", "pascal", "carnival", "interval",
    "temporal", "spatial",
    // -ed
    "speed", "seed", "need", "feed", "bed", "embed", "red", "bred", "weed", "shed", "sled",
    "hundred", "breed", "deed", "creed", "greed", "reed", "steed", "bled", "fled", "led",
  ]

  /// Adjectives common in technical titles that no suffix rule catches.
  static let adjectives: Set<String> = [
    "convex", "nonconvex", "concave", "nonconcave", "sparse", "robust", "deep", "random",
    "smooth", "nonsmooth", "efficient", "different", "dominant", "relevant", "independent",
    "consistent", "sufficient", "recent", "convergent", "online", "offline", "near",
    "nearoptimal", "exact", "approximate", "fundamental", "parallel", "sequential",
    "distributed", "largescale", "lowrank", "highdimensional", "lightweight", "discrete",
    "continuous", "dense", "tight", "complex", "accurate", "fair", "private", "safe", "secure",
    "scalable", "provable", "natural", "hidden", "inverse", "arbitrary", "deterministic",
    "stochastic", "adversarial", "empirical", "theoretical", "neural", "linear", "nonlinear",
    "generalized", "positive", "negative", "unsupervised", "supervised", "semisupervised",
    "selfsupervised", "fewshot", "zeroshot", "greedy", "spectral", "optimal",
    "local", "global", "minimal", "maximal", "polynomialtime", "nearlylinear",
    "firstorder", "secondorder", "zerothorder", "higherorder", "strong", "weak", "black",
    "white", "hard", "easy", "open", "closed", "top", "bottom", "upper", "lower", "multiple",
    "single", "finite", "infinite", "wellknown", "stateoftheart", "endtoend",
    "entire", "fastest", "best", "worst", "common", "diverse", "minor", "original", "real",
    "stable", "light", "longstanding", "deeper", "dependent", "interesting", "challenging",
    "underlying", "full", "notable", "signconsistent", "several", "many", "simplest", "largest",
    "smallest", "uniform", "expected",
    "average", "worst", "true", "false",
  ]

  /// True when `word` (a folded key) may end a term.
  static func canEndTerm(_ word: String) -> Bool {
    if adjectives.contains(word) { return false }
    if headExceptions.contains(word) { return true }
    for suffix in nonHeadSuffixes where word.hasSuffix(suffix) && word.count > suffix.count + 2 {
      return false
    }
    return true
  }

  /// True when `word` (a folded key) may start a term: adverbs may not.
  static func canStartTerm(_ word: String) -> Bool {
    if headExceptions.contains(word) { return true }
    return !(word.hasSuffix("ly") && word.count > 4)
  }
}

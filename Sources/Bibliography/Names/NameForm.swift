/// A parsed name folded once for comparison.
struct NameForm {
  var family: String
  /// Folded given names ("jason", "d").
  var given: [String]
  var initial: [Bool]
  /// Initial letters of each given name ("hf" for "Hsiang-Fu").
  var initials: [String]
  /// Full given names count 2, initials 1.
  var specificity: Int

  init(_ name: PersonName) {
    family = name.familyKey
    given = name.given.map(NameNormalizer.fold)
    initial = name.given.indices.map(name.isInitial(at:))
    initials = name.given.indices.map(name.initials(at:))
    specificity = initial.reduce(0) { $0 + ($1 ? 1 : 2) }
  }

  var firstLetter: String { initials.first.map { String($0.prefix(1)) } ?? "" }

  /// True when `self` is a strictly more complete form of `general`: same family
  /// name, each given name of `general` agrees with the one at the same place in
  /// `self` (an initial agrees with a name it begins), and `self` has more given
  /// names or spells out one that `general` abbreviates.
  func refines(_ general: NameForm) -> Bool {
    guard !general.given.isEmpty, given.count >= general.given.count, family == general.family
    else { return false }
    var strictly = given.count > general.given.count
    for index in general.given.indices {
      if general.initial[index] {
        guard initials[index].hasPrefix(general.initials[index]) else { return false }
        if !initial[index] { strictly = true }
      } else {
        guard !initial[index], given[index] == general.given[index] else { return false }
      }
    }
    return strictly
  }
}

extension NameForm {
  /// The one author of a list that a name denotes: the author with the same match key
  /// when exactly one has it, else the one author whose name ``agrees(with:)``; nil
  /// when none or several fit. Pairs the listings of one paper and places the ids
  /// an export lists by name (WoS `OI`/`RI`).
  static func index(of key: String, _ form: NameForm, keys: [String], forms: [NameForm]) -> Int? {
    let exact = keys.indices.filter { keys[$0] == key }
    if exact.count == 1 { return exact[0] }
    guard exact.isEmpty else { return nil }
    let agreeing = forms.indices.filter { forms[$0].agrees(with: form) }
    return agreeing.count == 1 ? agreeing[0] : nil
  }

  /// ``index(of:_:keys:forms:)`` for names as written.
  static func index(of name: String, in authors: [String]) -> Int? {
    index(
      of: NameNormalizer.matchKey(name), NameForm(NameNormalizer.parse(name)),
      keys: authors.map(NameNormalizer.matchKey),
      forms: authors.map { NameForm(NameNormalizer.parse($0)) })
  }

  /// True when two names can be the same person's within one author list: the same
  /// family name, and each given name present in both agrees ("J." with "Jason", "D."
  /// with "D."). Weaker than ``refines(_:)``: used only to pair up two listings of one paper.
  func agrees(with other: NameForm) -> Bool {
    guard family == other.family else { return false }
    for index in 0..<min(given.count, other.given.count) {
      if initial[index] || other.initial[index] {
        let (a, b) = (initials[index], other.initials[index])
        guard a.hasPrefix(b) || b.hasPrefix(a) else { return false }
      } else if given[index] != other.given[index] {
        return false
      }
    }
    return true
  }
}

import Foundation

/// Reads the publication list of a CV written in LaTeX (a whole CV or an `\input`
/// fragment).
///
/// The LaTeX is turned into Markdown-like lines, keeping line numbers: `%` comments go,
/// `\section{X}` becomes a heading, a top-level `\item` a list item (nested items, such
/// as award notes under an entry, continue it), `\cvitem{a}{b}` a list item, `\textbf{}`
/// strong, `\emph{}`, `\textit{}`, `{\em …}` emphasis, `\\` a hard line break, layout
/// commands (`\vspace`, `\hfill`, `\noindent`, environments) nothing; accents and the rest
/// through ``LaTeXText``. The lines are then read as a Markdown list
/// (``MarkdownReader``): `\item` lists, paragraphs separated by blank lines,
/// `Authors, {\em Title}, Venue`, `\textbf{Title} \\ \textit{Authors} \\ Venue`.
public struct LaTeXCVReader: RecordReader, OwnerInitializableReader {
  public static var format: InputFormat { .latex }

  public var owner: String?

  public init(owner: String? = nil) {
    self.owner = owner
  }

  /// 0.96 for a document with `\documentclass` or `\begin{document}`; 0.93 for a fragment
  /// with a `\section{…}` or `\item` and at least three LaTeX commands (`\emph`,
  /// `\textbf`, `\textit`, `{\em`, `\item`, `\vspace`, `\noindent`, `\cvitem`, `\\`) whose
  /// entries read as a publication list; 0 otherwise (no BibTeX `@` entries either).
  public static func confidence(for text: String) -> Double {
    let sample = String(text.prefix(64 * 1024))
    if sample.contains("\\documentclass") || sample.contains("\\begin{document}") { return 0.96 }
    guard sample.contains("\\section") || sample.contains("\\item") || sample.contains("\\cvitem")
    else { return 0 }
    var commands = 0
    for command in [
      "\\emph{", "\\textbf{", "\\textit{", "{\\em ", "\\item", "\\vspace", "\\noindent", "\\cvitem",
      "\\\\", "\\subsection", "\\begin{",
    ] {
      commands += sample.components(separatedBy: command).count - 1
    }
    guard commands >= 3 else { return 0 }
    let scan = CVTextReader.scan(markdown(text), file: "", markdown: true)
    let readable = scan.entries.prefix(20).filter {
      if case .publication(let p, _, _) = ListEntryParser.parse($0, markup: true) {
        return !p.authors.isEmpty
      }
      return false
    }.count
    return readable >= 2 ? 0.93 : 0
  }

  public func parse(_ text: String, file: String) -> SourceDocument {
    let scan = CVTextReader.scan(Self.markdown(text), file: file, markdown: true)
    return CVTextReader.read(
      scan.entries, file: file, format: Self.format, owner: owner, markup: true)
  }

  // MARK: - LaTeX to marked lines

  /// The text with LaTeX turned into Markdown-like marks, line for line.
  static func markdown(_ text: String) -> String {
    var uncommented: [String] = []
    for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
      uncommented.append(withoutComment(String(line)))
    }
    var converter = Converter(Array(uncommented.joined(separator: "\n").unicodeScalars))
    let converted = converter.run()
    return converted.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" })
      .map { line -> String in
        var l = String(line)
        // Keep the list marker out of LaTeXText (it would become "--").
        var prefix = ""
        if l.trimmingCharacters(in: .whitespaces).hasPrefix("- ") {
          l = String(l.trimmingCharacters(in: .whitespaces).dropFirst(2))
          prefix = "- "
        } else if l.hasPrefix("## ") {
          l = String(l.dropFirst(3))
          prefix = "## "
        }
        let unicode = LaTeXText.toUnicode(l)
        return unicode.isEmpty && prefix == "- " ? "" : prefix + unicode
      }.joined(separator: "\n")
  }

  /// The line up to its first unescaped `%`.
  static func withoutComment(_ line: String) -> String {
    var previous: Character = " "
    for index in line.indices {
      if line[index] == "%" && previous != "\\" { return String(line[..<index]) }
      previous = line[index]
    }
    return line
  }

  struct Converter {
    var s: [Unicode.Scalar]
    var i = 0
    var listDepth = 0

    init(_ s: [Unicode.Scalar]) { self.s = s }

    static let strong: Set<String> = ["textbf", "bf", "bfseries"]
    static let emphasis: Set<String> = ["emph", "textit", "it", "em", "textsl", "sl", "itshape"]
    static let dropped: Set<String> = [
      "noindent", "hfill", "hfil", "vfill", "par", "bigskip", "medskip", "smallskip", "newpage",
      "pagebreak", "clearpage", "centering", "raggedright", "selectfont", "scshape", "small",
      "footnotesize", "large", "Large", "normalsize", "itemsep", "hline", "quad", "qquad",
      "indent", "linebreak", "nopagebreak", "vskip", "hskip", "sffamily", "rmfamily", "ttfamily",
      "maketitle", "tableofcontents", "normalfont", "upshape", "mdseries",
    ]
    static let droppedWithArguments: Set<String> = [
      "vspace", "hspace", "label", "url", "setlength", "addfontfeature", "fontsize", "color",
      "input", "include", "newcommand", "renewcommand", "setcounter", "addtolength", "cite",
      "includegraphics", "phantom", "pagestyle", "thispagestyle", "usepackage", "ref",
    ]

    func peek(_ offset: Int = 0) -> Unicode.Scalar? {
      i + offset < s.count ? s[i + offset] : nil
    }

    mutating func commandName() -> String {
      var name = ""
      while let c = peek(), c.properties.isAlphabetic {
        name.unicodeScalars.append(c)
        i += 1
      }
      return name
    }

    mutating func skipSpaces() {
      while let c = peek(), c == " " || c == "\t" { i += 1 }
    }

    /// `[…]` optional arguments, skipped.
    mutating func skipOptional() {
      while peek() == "[" {
        var depth = 0
        while let c = peek() {
          i += 1
          if c == "[" { depth += 1 }
          if c == "]" {
            depth -= 1
            if depth == 0 { break }
          }
        }
      }
    }

    /// The next `{…}` argument, converted; nil when there is none.
    mutating func argument() -> String? {
      let save = i
      while let c = peek(), c == " " { i += 1 }
      guard peek() == "{" else {
        i = save
        return nil
      }
      i += 1
      return convert(until: "}")
    }

    mutating func run() -> String { convert(until: nil) }

    /// Starts a new line unless only white space follows the last one.
    static func startLine(_ out: inout String) {
      let tail = out.reversed().prefix(while: { $0 != "\n" })
      if tail.allSatisfy(\.isWhitespace) {
        out.removeLast(tail.count)
        if !out.isEmpty, out.last != "\n" { out += "\n" }
      } else {
        out += "\n"
      }
    }

    mutating func convert(until closer: Unicode.Scalar?) -> String {
      var out = ""
      while let c = peek() {
        if c == closer {
          i += 1
          return out
        }
        if c == "{" {
          i += 1
          // {\em X}, {\bf X}
          if peek() == "\\" {
            let save = i
            i += 1
            let name = commandName()
            if Self.strong.contains(name) || Self.emphasis.contains(name) {
              let mark = Self.strong.contains(name) ? "**" : "*"
              let inner = convert(until: "}").trimmingCharacters(in: .whitespaces)
              out += inner.isEmpty ? "" : mark + inner + mark
              continue
            }
            i = save
          }
          out += "{" + convert(until: "}") + "}"
          continue
        }
        if c == "\\" {
          let next = peek(1)
          if next == "\\" {
            i += 2
            skipOptional()
            out.append(ListEntryParser.lineBreak)
            continue
          }
          guard let next, next.properties.isAlphabetic else {
            // \&, \%, \' …: LaTeXText's business.
            out.unicodeScalars.append(c)
            if let next { out.unicodeScalars.append(next) }
            i += 2
            continue
          }
          i += 1
          let name = commandName()
          if name == "begin" || name == "end" {
            let environment = argument() ?? ""
            skipOptional()
            if ["itemize", "enumerate", "description", "etaremune"].contains(
              where: environment.hasPrefix)
            {
              listDepth += name == "begin" ? 1 : -1
            }
            continue
          }
          if name == "item" {
            skipOptional()
            if listDepth <= 1 {
              Self.startLine(&out)
              out += "- "
            } else {
              out += "; "
            }
            continue
          }
          if name == "section" || name == "subsection" || name == "subsubsection"
            || name == "cvsection"
          {
            if peek() == "*" { i += 1 }
            skipOptional()
            let title = argument() ?? ""
            Self.startLine(&out)
            out += "## " + title.replacingOccurrences(of: "\n", with: " ")
            continue
          }
          if name == "cvitem" || name == "cventry" || name == "cvlistitem" {
            skipOptional()
            var parts: [String] = []
            while let argument = argument() { parts.append(argument) }
            parts = parts.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            // \cvitem{2019}{entry}: the label (a date) goes after the entry.
            if parts.count >= 2, parts[0].count <= 24 {
              let label = parts.removeFirst()
              if let year = CVEntryParser.firstYear(in: label),
                CVEntryParser.firstYear(in: parts.joined(separator: " ")) == nil
              {
                parts.append(String(year.year))
              }
            }
            let text = parts.joined(separator: " ")
            Self.startLine(&out)
            out += "- " + text.replacingOccurrences(of: "\n", with: " ")
            continue
          }
          if Self.strong.contains(name) || Self.emphasis.contains(name) {
            let mark = Self.strong.contains(name) ? "**" : "*"
            if let inner = argument() {
              let trimmed = inner.trimmingCharacters(in: .whitespaces)
              out += trimmed.isEmpty ? "" : mark + trimmed + mark
            }
            continue
          }
          if name == "href" {
            _ = argument()
            out += argument() ?? ""
            continue
          }
          if name == "newline" {
            out.append(ListEntryParser.lineBreak)
            continue
          }
          if Self.dropped.contains(name) {
            skipSpaces()
            continue
          }
          if Self.droppedWithArguments.contains(name) {
            if peek() == "*" { i += 1 }
            skipOptional()
            while argument() != nil {}
            continue
          }
          // Anything else: LaTeXText reads it (accents, \textsc{…}, \ss).
          out += "\\" + name
          continue
        }
        out.unicodeScalars.append(c)
        i += 1
      }
      return out
    }
  }
}

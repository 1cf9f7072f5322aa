import Foundation
import Testing

@testable import Bibliography

@Suite("LaTeX CV reader")
struct LaTeXCVReaderTests {
  static func read(_ text: String) -> SourceDocument {
    LaTeXCVReader().parse(text, file: "cv.tex")
  }

  @Test("\\item lists with \\textbf owner and \\emph titles; % comments, nested items and other sections skipped")
  func itemLists() {
    let document = Self.read(
      #"""
      \documentclass{article}
      \begin{document}
      \section{Publications}
      \begin{enumerate}
      \item \textbf{A. Smith}, B. Jones and J. Mu\~{n}oz. \emph{Learning with Fewer Labels}. Journal of Things, 2020.
      % \item A. Smith. \emph{A Commented Entry}. Venue, 2001.
      \item B. Jones, \textbf{A. Smith}. \emph{Robust Estimation 50\% Faster}. In Proc.\ of Stuff, 2019.
        \begin{itemize}
        \item Best Paper Award
        \end{itemize}
      \end{enumerate}
      \section{Teaching}
      \begin{itemize}
      \item A. Smith, B. Jones. \emph{Course on Things}. University, 2018.
      \end{itemize}
      \end{document}
      """#)
    #expect(document.publications.count == 2, "\(document.diagnostics)")
    #expect(document.publications[0].authors == ["A. Smith", "B. Jones", "J. Muñoz"])
    #expect(document.publications[0].title == "Learning with Fewer Labels")
    #expect(document.publications[0].year == 2020)
    #expect(document.publications[0].location.line == 5)
    #expect(document.publications[1].title == "Robust Estimation 50% Faster")
    #expect(FormatDetector.detect(#"\documentclass{article}\section{Publications}"#, fileName: "cv.tex") == .latex)
  }

  @Test("\\textbf{Title} \\hfill year \\\\ \\textit{Authors} \\\\ Venue, title split over two \\textbf")
  func titleFirst() {
    let document = Self.read(
      #"""
      \section{Journal publications}
      \begin{enumerate}[label={[J\arabic*]}]
      \item \textbf{Fast Path Planning Through Safe Boxes} \hfill 2024 \\
      \textit{Tobia Marcucci, Parth Nobel, and Stephen Boyd} \\
      IEEE Transactions on Robotics (TRO)

      \item \textbf{A Biconvex Method for Motion Planning Through} \hfill 2025 \\
      \textbf{Sequences of Convex Sets} \\
      \textit{Tobia Marcucci and Andrew Marchese} \\
      SIAM Journal on Optimization
      \end{enumerate}
      """#)
    #expect(document.publications.count == 2, "\(document.diagnostics)")
    #expect(document.publications[0].title == "Fast Path Planning Through Safe Boxes")
    #expect(document.publications[0].authors == ["Tobia Marcucci", "Parth Nobel", "Stephen Boyd"])
    #expect(document.publications[0].year == 2024)
    #expect(document.publications[1].title == "A Biconvex Method for Motion Planning Through Sequences of Convex Sets")
    #expect(document.publications[1].year == 2025)
  }

  @Test("paragraph entries 'Surname, Given - Surname, Given, {\\em Title}, venue' with accents")
  func dashSeparatedAuthors() {
    let document = Self.read(
      #"""
      \section{Journal papers}
      Vidnerov\'{a}, Petra -  Neruda,  Roman,
      {\em Air Pollution Modelling by Machine Learning Methods}, Modelling,  2, no. 4 (2021), pages 659-674

      \vspace{0.4em}
      \noindent
      Kalina, Jan - Vidnerová, Petra, {\em Least Weighted Squares Quantiles}, Finance a úvěr,  72 (2022)
      """#)
    #expect(document.publications.count == 2, "\(document.diagnostics)")
    #expect(document.publications[0].title == "Air Pollution Modelling by Machine Learning Methods")
    #expect(document.publications[0].authors.count == 2)
    #expect(document.publications[0].authors[0].contains("Vidnerová"))
    #expect(document.publications[0].year == 2021)
    #expect(document.publications[1].authors.count == 2)
  }

  @Test("\\cvitem entries")
  func cvitem() {
    let document = Self.read(
      #"""
      \section{Publications}
      \cvitem{2019}{A. Smith and B. Jones. \emph{A Title About Things}. Journal of Stuff, 2019.}
      \cvitem{2018}{B. Jones. \emph{Another Title Here}. Journal of Things, 2018.}
      """#)
    #expect(document.publications.count == 2, "\(document.diagnostics)")
    #expect(document.publications[0].authors == ["A. Smith", "B. Jones"])
    #expect(document.publications[0].title == "A Title About Things")
  }
}

import Bibliography
import Foundation

/// A data folder: sources, and the files that say how to read them — `manifest.json`
/// (whose each file is, formats, the alias table), `aliases.tsv`, `name-review.tsv`.
///
/// Every command accepts one (`coauthor metrics Data`), and a command line that names a
/// folder's files one by one (`coauthor network Data/*`) is read as the folder.
public struct DataFolder: Sendable {
  /// Files of the folder that configure reading rather than hold records.
  public static let configurationFiles: Set<String> = [
    "manifest.json", "aliases.tsv", "name-review.tsv", "thesaurus.tsv",
  ]

  public var path: String
  /// The sources, with absolute-or-as-given paths inside the folder.
  public var sources: [ManifestSource]
  public var aliasFile: String?
  public var review: NameReview
  public var diagnostics: [Diagnostic]

  /// Reads the folder's configuration and lists its sources: those of `manifest.json`
  /// when there is one, followed by every other file (a file dropped into the folder is
  /// never ignored silently); otherwise every file, formats detected from content.
  ///
  /// - Throws: the diagnostic that says why, when the folder cannot be listed or its
  ///   manifest is not valid JSON of the manifest's shape.
  public static func read(_ path: String) throws(Diagnostic) -> DataFolder {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
      isDirectory.boolValue
    else { throw Diagnostic.file(.error, path, "no such folder") }
    let folder = URL(fileURLWithPath: path)
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    } catch {
      throw Diagnostic.file(.error, path, "cannot list folder: \(error.localizedDescription)")
    }
    var sources: [ManifestSource] = []
    var aliasName: String?
    let manifestURL = folder.appendingPathComponent("manifest.json")
    if names.contains("manifest.json") {
      let manifest: Manifest
      do {
        manifest = try JSONDecoder().decode(Manifest.self, from: Data(contentsOf: manifestURL))
      } catch {
        throw Diagnostic.file(.error, manifestURL.path, "not a valid manifest: \(error)")
      }
      sources = manifest.sources
      aliasName = manifest.aliases
      let listed = Set(sources.map(\.file) + [manifest.aliases].compactMap { $0 })
      for name in names
      where !name.hasPrefix(".") && !listed.contains(name) && !configurationFiles.contains(name) {
        sources.append(ManifestSource(file: name))
      }
    } else {
      for name in names where !name.hasPrefix(".") {
        if name == "aliases.tsv" {
          aliasName = name
        } else if !configurationFiles.contains(name) {
          sources.append(ManifestSource(file: name))
        }
      }
    }
    let resolved = sources.filter { $0.file != "name-review.tsv" }.map {
      ManifestSource(
        file: folder.appendingPathComponent($0.file).path, owner: $0.owner, format: $0.format)
    }
    let reviewPath = folder.appendingPathComponent("name-review.tsv").path
    var review = NameReview()
    if let data = FileManager.default.contents(atPath: reviewPath) {
      review = NameReview.parse(String(decoding: data, as: UTF8.self), file: reviewPath)
    }
    return DataFolder(
      path: path, sources: resolved, aliasFile: aliasName.map { folder.appendingPathComponent($0).path },
      review: review, diagnostics: [])
  }
}

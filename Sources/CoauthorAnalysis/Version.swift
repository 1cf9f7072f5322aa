/// The tool's version, written into provenance blocks and `--version`.
public enum CoauthorVersion {
  public static let string = "0.1.0"
}

// The base types every reader reports with (Diagnostic, InputLocation, TextDecoding)
// live in CoauthorBase; clients of Bibliography see them as before.
@_exported import CoauthorBase

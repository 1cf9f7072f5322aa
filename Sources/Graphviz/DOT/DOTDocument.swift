// Placeholder: the DOT model, writer and escaping are written in this folder.

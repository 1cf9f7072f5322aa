import CGraphviz

// Placeholder: the libgvc renderer lives here (the only file importing CGraphviz).

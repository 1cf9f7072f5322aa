import Bibliography
import GraphKit
import Graphviz

import GraphKit

let centralityCases: [BenchCase] = []

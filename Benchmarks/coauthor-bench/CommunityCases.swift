import GraphKit

let communityCases: [BenchCase] = []

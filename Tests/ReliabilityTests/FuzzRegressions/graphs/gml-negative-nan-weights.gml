graph [
 node [ id 1 ]
 node [ id 2 ]
 node [ id 3 ]
 edge [ source 1 target 2 value -1 ]
 edge [ source 2 target 3 weight nan ]
 edge [ source 3 target 1 value 0 ]
]

import gs_derived

DerivedColumn_node1700000000006 = (
    Limits_node1700000000001
    .gs_derived(
        colName="headroom",
        expr="credit_limit - utilisation",
    )
)

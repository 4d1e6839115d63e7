import gs_derived
import gs_now
import gs_to_timestamp

# Script generated for node Net exposure
DerivedColumn_node1700000000006 = Join_node1700000000005.gs_derived(colName="net_exposure", expr="ead - collateral_value")

# Script generated for node Loaded at
AddCurrentTimestamp_node1700000000007 = DerivedColumn_node1700000000006.gs_now(colName="loaded_at")

# Script generated for node Loaded on
AddCurrentTimestamp_node1700000000008 = AddCurrentTimestamp_node1700000000007.gs_now(colName="loaded_on", dateFormat="%Y-%m-%d")

# Script generated for node To Timestamp
ToTimestamp_node1700000000009 = AddCurrentTimestamp_node1700000000008.gs_to_timestamp(colName="booked_at", colType="iso")

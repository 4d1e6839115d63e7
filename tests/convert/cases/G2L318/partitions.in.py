from awsglue.dynamicframe import DynamicFrame
from awsglue.transforms import *


def shape(trades: DynamicFrame, other, flag):
    spread = Repartition.apply(frame=trades, num_partitions=64, transformation_ctx="spread")
    few = Coalesce.apply(trades, 4, shuffle=True)
    fewer = trades.coalesce(2)
    lib = other.repartition(8, transformation_ctx="lib")
    unknown = other.coalesce(1, shuffle=flag, transformation_ctx="u")
    return spread, few, fewer, lib, unknown

# g2l: converted from jobs/aggregate.py
from pyspark.sql import functions as SqlFuncs
from pyspark.sql import DataFrame


def sparkAggregate(
    glueContext, parentFrame, groups, aggs, transformation_ctx
) -> DataFrame:
    aggsFuncs = []
    for column, func in aggs:
        aggsFuncs.append(getattr(SqlFuncs, func)(column))
    result = parentFrame.groupBy(*groups).agg(*aggsFuncs) if len(groups) > 0 else parentFrame.agg(*aggsFuncs)
    return result


# Script generated for node VaR by desk
Aggregate_node1700000000004 = sparkAggregate(
    glueContext,
    parentFrame=ChangeSchema_node1700000000003,
    groups=["desk", "as_of_date"],
    aggs=[["pnl", "sum"], ["pnl", "min"]],
    transformation_ctx="Aggregate_node1700000000004",
)

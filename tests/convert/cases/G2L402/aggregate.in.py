from awsglue.dynamicframe import DynamicFrame
from pyspark.sql import functions as SqlFuncs


def sparkAggregate(
    glueContext, parentFrame, groups, aggs, transformation_ctx
) -> DynamicFrame:
    aggsFuncs = []
    for column, func in aggs:
        aggsFuncs.append(getattr(SqlFuncs, func)(column))
    result = (
        parentFrame.toDF().groupBy(*groups).agg(*aggsFuncs)
        if len(groups) > 0
        else parentFrame.toDF().agg(*aggsFuncs)
    )
    return DynamicFrame.fromDF(result, glueContext, transformation_ctx)


# Script generated for node VaR by desk
Aggregate_node1700000000004 = sparkAggregate(
    glueContext,
    parentFrame=ChangeSchema_node1700000000003,
    groups=["desk", "as_of_date"],
    aggs=[["pnl", "sum"], ["pnl", "min"]],
    transformation_ctx="Aggregate_node1700000000004",
)

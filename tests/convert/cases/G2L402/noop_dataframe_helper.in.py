from pyspark.sql import DataFrame
from pyspark.sql import functions as SqlFuncs


# already the DataFrame version (a job converted before)
def sparkAggregate(glueContext, parentFrame, groups, aggs, transformation_ctx) -> DataFrame:
    aggsFuncs = []
    for column, func in aggs:
        aggsFuncs.append(getattr(SqlFuncs, func)(column))
    result = parentFrame.groupBy(*groups).agg(*aggsFuncs) if len(groups) > 0 else parentFrame.agg(*aggsFuncs)
    return result

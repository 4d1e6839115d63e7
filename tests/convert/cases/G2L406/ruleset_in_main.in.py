import sys

from awsglue.context import GlueContext
from awsglue.utils import getResolvedOptions
from awsgluedq.transforms import EvaluateDataQuality
from pyspark.context import SparkContext


def main():
    args = getResolvedOptions(sys.argv, ["business_date"])
    glueContext = GlueContext(SparkContext.getOrCreate())
    trades = glueContext.create_dynamic_frame.from_catalog(database="risk", table_name="trades")
    # the ruleset lives next to the job's other settings
    trade_rules = """Rules = [ IsComplete "trade_id", ColumnValues "notional" > 0 ]"""
    outcomes = EvaluateDataQuality.apply(frame=trades, ruleset=trade_rules).toDF()
    outcomes.write.mode("append").saveAsTable(f"risk.dq_trades_{args['business_date'].replace('-', '')}")


if __name__ == "__main__":
    main()

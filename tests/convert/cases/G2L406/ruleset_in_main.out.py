# g2l: converted from jobs/ruleset_in_main.py
import sys
from pyspark.sql import SparkSession
import glue_compat


def main():
    args = glue_compat.resolved_options(sys.argv, ["business_date"])
    spark = SparkSession.builder.getOrCreate()
    trades = spark.read.table("main.risk.trades")
    # the ruleset lives next to the job's other settings
    trade_rules = """Rules = [ IsComplete "trade_id", ColumnValues "notional" > 0 ]"""
    outcomes = glue_compat.evaluate_data_quality(trades, trade_rules)["ruleOutcomes"]
    outcomes.write.mode("append").saveAsTable(f"risk.dq_trades_{args['business_date'].replace('-', '')}")


if __name__ == "__main__":
    main()

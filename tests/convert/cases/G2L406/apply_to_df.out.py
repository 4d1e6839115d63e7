# g2l: converted from jobs/apply_to_df.py
from pyspark.sql import SparkSession
import glue_compat

spark = SparkSession.builder.getOrCreate()

ratings = spark.read.table("main.risk.counterparty_ratings")

# g2l: review G2L406: Glue Data Quality results are no longer published (publishing_options and additional_options: the Data Quality tab, CloudWatch metrics, results in S3): as converted, only the ruleOutcomes DataFrame holds them: write it to a table, or fail the job on a Failed Outcome, where the team relied on them
results = glue_compat.evaluate_data_quality(
    ratings,
    """Rules = [
        IsPrimaryKey "counterparty_id",
        ColumnLength "lei" = 20,
        Completeness "rating" > 0.98,
        ColumnValues "rating" in ["AAA", "AA", "A", "BBB", "BB", "B"] with threshold >= 0.9
    ]""",
)["ruleOutcomes"]
results.show(truncate=False)

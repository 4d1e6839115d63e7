from awsglue.context import GlueContext
from awsgluedq.transforms import EvaluateDataQuality
from pyspark.context import SparkContext

glueContext = GlueContext(SparkContext.getOrCreate())

ratings = glueContext.create_dynamic_frame.from_catalog(database="risk", table_name="counterparty_ratings")

results = EvaluateDataQuality.apply(
    frame=ratings,
    ruleset="""Rules = [
        IsPrimaryKey "counterparty_id",
        ColumnLength "lei" = 20,
        Completeness "rating" > 0.98,
        ColumnValues "rating" in ["AAA", "AA", "A", "BBB", "BB", "B"] with threshold >= 0.9
    ]""",
    publishing_options={"dataQualityEvaluationContext": "ratings_dq", "enableDataQualityResultsPublishing": True},
)
results.toDF().show(truncate=False)

# g2l: converted from jobs/noop_ml_evaluator.py
from pyspark.ml.evaluation import BinaryClassificationEvaluator
from pyspark.sql import SparkSession

spark = SparkSession.builder.getOrCreate()
predictions = spark.table("risk.default_predictions")

# evaluate() of Spark ML, not of Glue Data Quality
auc = BinaryClassificationEvaluator(labelCol="defaulted").evaluate(predictions)

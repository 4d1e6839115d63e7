# g2l: converted from jobs/error_channel.py
from pyspark.sql import DataFrame
from pyspark.sql import functions as F
import glue_compat


def checked(raw: DataFrame):
    # g2l: review G2L323: stageThreshold: Glue failed the job past that many error records; Spark keeps no error records (a bad value fails the job or becomes null): as converted, nothing counts them against that threshold: check the data checks this relied on
    mapped = raw.select(F.col("id").try_cast("bigint").alias("id"))
    # g2l: review G2L323: errorsAsDynamicFrame: Spark keeps no error records (a bad value fails the job or becomes null): as written, it fails on Databricks and the job stops: check bad records with explicit conditions
    errors = mapped.errorsAsDynamicFrame()
    # g2l: review G2L323: errorsAsDynamicFrame: Spark keeps no error records (a bad value fails the job or becomes null): as written, it fails on Databricks and the job stops: check bad records with explicit conditions
    also = mapped.errorsAsDynamicFrame()
    # g2l: review G2L323: stageErrorsCount: Spark keeps no error records (a bad value fails the job or becomes null): as written, it fails on Databricks and the job stops: check bad records with explicit conditions
    # g2l: review G2L323: errorsCount: Spark keeps no error records (a bad value fails the job or becomes null): as written, it fails on Databricks and the job stops: check bad records with explicit conditions
    if mapped.stageErrorsCount() > 0 or mapped.errorsCount() > 5:
        raise RuntimeError("bad records")
    # g2l: review G2L323: assertErrorThreshold: Spark keeps no error records (a bad value fails the job or becomes null): as written, it fails on Databricks and the job stops: check bad records with explicit conditions
    mapped.assertErrorThreshold()
    quiet = glue_compat.drop_null_fields(mapped)
    return errors, also, quiet

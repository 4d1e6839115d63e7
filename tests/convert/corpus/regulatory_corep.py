"""COREP C 07.00 (credit risk, standardised approach) extract for the regulatory reporting team."""
import sys

from awsglue.context import GlueContext
from awsglue.job import Job
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext

args = getResolvedOptions(sys.argv, ["JOB_NAME", "reporting_date", "output_path"])

sc = SparkContext()
glueContext = GlueContext(sc)
spark = glueContext.spark_session
job = Job(glueContext)
job.init(args["JOB_NAME"], args)

for table in ("exposures_sa", "crm_allocations", "exposure_classes"):
    frame = glueContext.create_dynamic_frame.from_catalog(database="regulatory", table_name=table)
    frame.toDF().createOrReplaceTempView(table)

corep = spark.sql(f"""
    select c.corep_row,
           c.exposure_class,
           sum(e.original_exposure)                as original_exposure,
           sum(e.original_exposure - coalesce(m.funded_protection, 0)) as exposure_after_crm,
           sum(e.rwa)                              as risk_weighted_amount
    from exposures_sa e
    join exposure_classes c on e.exposure_class = c.exposure_class
    left join crm_allocations m on e.exposure_id = m.exposure_id
    where e.reporting_date = '{args["reporting_date"]}'
    group by c.corep_row, c.exposure_class
    order by c.corep_row
""")

corep.coalesce(1).write.mode("overwrite").option("header", True).csv(args["output_path"])
job.commit()

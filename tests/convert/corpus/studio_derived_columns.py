import sys
from awsglue.transforms import *
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext
from awsglue.context import GlueContext
from awsglue.job import Job
import re
import gs_derived
import gs_now

args = getResolvedOptions(sys.argv, ['JOB_NAME'])
sc = SparkContext()
glueContext = GlueContext(sc)
spark = glueContext.spark_session
job = Job(glueContext)
job.init(args['JOB_NAME'], args)

# Script generated for node Margin calls
Margincalls_node1712006000001 = glueContext.create_dynamic_frame.from_catalog(database="risk", table_name="margin_calls", transformation_ctx="Margincalls_node1712006000001")

# Script generated for node Open calls
Opencalls_node1712006000002 = Filter.apply(frame=Margincalls_node1712006000001, f=lambda row: (bool(re.match("^(ISSUED|DISPUTED)$", row["call_status"]))), transformation_ctx="Opencalls_node1712006000002")

# Script generated for node Shortfall
Shortfall_node1712006000003 = Opencalls_node1712006000002.gs_derived(colName="shortfall", expr="greatest(required_margin - posted_margin, 0)")

# Script generated for node Days outstanding
Daysoutstanding_node1712006000004 = Shortfall_node1712006000003.gs_derived(colName="days_outstanding", expr="datediff(current_date(), call_date)")

# Script generated for node Loaded at
Loadedat_node1712006000005 = Daysoutstanding_node1712006000004.gs_now(colName="loaded_at")

# Script generated for node Open margin calls
Openmargincalls_node1712006000006 = glueContext.write_dynamic_frame.from_catalog(frame=Loadedat_node1712006000005, database="risk", table_name="open_margin_calls", transformation_ctx="Openmargincalls_node1712006000006")

job.commit()

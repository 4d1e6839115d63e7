import sys
from awsglue.transforms import *
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext
from awsglue.context import GlueContext
from awsglue.job import Job
from awsglue.dynamicframe import DynamicFrameCollection
from awsglue.dynamicframe import DynamicFrame

# Script generated for node Apply stress multipliers
def ApplyStressMultipliers(glueContext, dfc) -> DynamicFrameCollection:
    from pyspark.sql import functions as F

    df = dfc.select(list(dfc.keys())[0]).toDF()
    stressed = (
        df.withColumn("stressed_pd", F.least(F.col("pd") * F.lit(1.8), F.lit(1.0)))
        .withColumn("stressed_lgd", F.least(F.col("lgd") + F.lit(0.1), F.lit(1.0)))
        .withColumn("stressed_el", F.col("ead") * F.col("stressed_pd") * F.col("stressed_lgd"))
    )
    return DynamicFrameCollection({"stressed": DynamicFrame.fromDF(stressed, glueContext, "stressed")}, glueContext)
args = getResolvedOptions(sys.argv, ['JOB_NAME'])
sc = SparkContext()
glueContext = GlueContext(sc)
spark = glueContext.spark_session
job = Job(glueContext)
job.init(args['JOB_NAME'], args)

# Script generated for node Credit portfolio
Creditportfolio_node1712005000001 = glueContext.create_dynamic_frame.from_catalog(database="credit", table_name="portfolio_pd_lgd", transformation_ctx="Creditportfolio_node1712005000001")

# Script generated for node Apply stress multipliers
Applystressmultipliers_node1712005000002 = ApplyStressMultipliers(glueContext, DynamicFrameCollection({"Creditportfolio_node1712005000001": Creditportfolio_node1712005000001}, glueContext))

# Script generated for node Select From Collection
SelectFromCollection_node1712005000003 = SelectFromCollection.apply(dfc=Applystressmultipliers_node1712005000002, key=list(Applystressmultipliers_node1712005000002.keys())[0], transformation_ctx="SelectFromCollection_node1712005000003")

# Script generated for node Stressed portfolio
Stressedportfolio_node1712005000004 = glueContext.write_dynamic_frame.from_options(frame=SelectFromCollection_node1712005000003, connection_type="s3", format="glueparquet", connection_options={"path": "s3://bank-risk-curated/stress/portfolio/", "partitionKeys": []}, format_options={"compression": "snappy"}, transformation_ctx="Stressedportfolio_node1712005000004")

job.commit()

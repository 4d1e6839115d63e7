import sys
from awsglue.transforms import *
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext
from awsglue.context import GlueContext
from awsglue.job import Job
from awsglueml.transforms import EntityDetector

args = getResolvedOptions(sys.argv, ['JOB_NAME'])
sc = SparkContext()
glueContext = GlueContext(sc)
spark = glueContext.spark_session
job = Job(glueContext)
job.init(args['JOB_NAME'], args)

# Script generated for node KYC customers
KYCcustomers_node1712009000001 = glueContext.create_dynamic_frame.from_catalog(database="kyc", table_name="customers", transformation_ctx="KYCcustomers_node1712009000001")

# Script generated for node Detect Sensitive Data
detection_parameters = {
    "EMAIL": [{"action": "REDACT", "actionOptions": {"redactText": "******"}}],
    "PHONE_NUMBER": [{"action": "REDACT", "actionOptions": {"redactText": "******"}}],
}
entity_detector = EntityDetector()
DetectSensitiveData_node1712009000002 = entity_detector.detect(KYCcustomers_node1712009000001, detection_parameters, "DetectedEntities", "HIGH")

# Script generated for node Masked customers
Maskedcustomers_node1712009000003 = glueContext.write_dynamic_frame.from_options(frame=DetectSensitiveData_node1712009000002, connection_type="s3", format="glueparquet", connection_options={"path": "s3://bank-kyc-masked/customers/", "partitionKeys": []}, format_options={"compression": "snappy"}, transformation_ctx="Maskedcustomers_node1712009000003")

job.commit()

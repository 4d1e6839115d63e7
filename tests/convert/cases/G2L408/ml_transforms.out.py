# g2l: converted from jobs/ml_transforms.py
from awsglueml.transforms import EntityDetector, FindMatches

# Script generated for node Detect Sensitive Data
# g2l: review G2L408: AWS Glue ML transform EntityDetector runs on AWS only: replace it with a Databricks matching or PII-detection step: as written, it fails on Databricks (no awsglueml there) and the job stops
entity_detector = EntityDetector()
DetectSensitiveData_node1700000000011 = entity_detector.detect(Customers_node1700000000001, ["EMAIL", "PHONE_NUMBER"], "DetectedEntities")

# Script generated for node Find Matches
# g2l: review G2L408: AWS Glue ML transform FindMatches runs on AWS only: replace it with a Databricks matching or PII-detection step: as written, it fails on Databricks (no awsglueml there) and the job stops
FindMatches_node1700000000012 = FindMatches.apply(frame=Counterparties_node1700000000002, transformId="tfm-0123456789abcdef", transformation_ctx="FindMatches_node1700000000012")

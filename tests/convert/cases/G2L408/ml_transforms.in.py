from awsglueml.transforms import EntityDetector, FindMatches

# Script generated for node Detect Sensitive Data
entity_detector = EntityDetector()
DetectSensitiveData_node1700000000011 = entity_detector.detect(Customers_node1700000000001, ["EMAIL", "PHONE_NUMBER"], "DetectedEntities")

# Script generated for node Find Matches
FindMatches_node1700000000012 = FindMatches.apply(frame=Counterparties_node1700000000002, transformId="tfm-0123456789abcdef", transformation_ctx="FindMatches_node1700000000012")

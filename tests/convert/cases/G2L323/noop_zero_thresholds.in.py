import quality
from awsglue.dynamicframe import DynamicFrame
from awsglue.transforms import ApplyMapping


def mapped(raw: DynamicFrame):
    # thresholds of zero: Glue failed on any error record, as Spark does on a bad value
    out = ApplyMapping.apply(frame=raw, mappings=[("id", "string", "id", "long")], stageThreshold=0, totalThreshold=0)
    # a library's function of the same name as the DynamicFrame method
    bad = quality.errorsCount(out)
    return out, bad

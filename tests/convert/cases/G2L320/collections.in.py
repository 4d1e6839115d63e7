from awsglue.context import GlueContext
from awsglue.dynamicframe import DynamicFrame, DynamicFrameCollection
from awsglue.transforms import SelectFromCollection


def regions(glueContext: GlueContext, eu: DynamicFrame, us: DynamicFrame):
    parts = DynamicFrameCollection({"eu": eu, "us": us}, glueContext)
    eu_again = parts.select("eu")
    us_again = SelectFromCollection.apply(dfc=parts, key="us", transformation_ctx="us")
    listed = DynamicFrameCollection([eu, us], glueContext)
    mapped = parts.map(lambda frame, ctx: frame)
    return eu_again, us_again, listed, mapped, len(parts), list(parts.keys())

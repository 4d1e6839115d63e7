from awsglue.dynamicframe import DynamicFrame
from awsglue.transforms import Union


def everything(eu: DynamicFrame, us: DynamicFrame, apac: DynamicFrame):
    both = Union.apply(frame1=eu, frame2=us, transformation_ctx="both")
    more = both.union(apac)
    return more

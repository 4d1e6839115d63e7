import awsglue.transforms as T
from awsglue.dynamicframe import DynamicFrame


def flat(events: DynamicFrame):
    a = T.UnnestFrame.apply(frame=events, transformation_ctx="a")
    b = events.unnest()
    return a, b

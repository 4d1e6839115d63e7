from awsglue.dynamicframe import DynamicFrame
from awsglue.transforms import Join


def exposure(cpty: DynamicFrame, limits: DynamicFrame, ratings: DynamicFrame):
    # both frames have a desk column besides the keys
    by_desk = Join.apply(frame1=limits, frame2=ratings, keys1=["cpty_id"], keys2=["counterparty"])
    nested = Join.apply(Join.apply(cpty, limits, "id", "id"), ratings, "id", "id")
    return by_desk, nested

from awsglue.dynamicframe import DynamicFrame


def merged(current: DynamicFrame, updates: DynamicFrame):
    a = current.mergeDynamicFrame(updates, ["trade_id"], transformation_ctx="merged")
    b = current.mergeDynamicFrame(stage_dynamic_frame=updates, primary_keys="trade_id", options={"x": "y"})
    return a, b

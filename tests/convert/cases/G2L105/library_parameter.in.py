from awsglue.context import GlueContext


def to_frame(glue_context: GlueContext, rdd, name):
    return glue_context.create_dynamic_frame.from_rdd(rdd, name)

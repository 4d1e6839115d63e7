from awsglue.context import GlueContext


def trades(glue_context: GlueContext, day):
    return glue_context.sql(f"select * from risk.trades where day = '{day}'")

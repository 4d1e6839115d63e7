# case-config: {"catalog": "main", "databases": {"risk": "prod.risk"}}
"""Shared readers used by several jobs."""
from awsglue.context import GlueContext


def load_trades(glue_context: GlueContext, day: str):
    """Trades of one day."""
    return glue_context.create_dynamic_frame.from_catalog(
        database="risk", table_name="trades", push_down_predicate=f"day = '{day}'"
    )


def load_limits(glueContext):
    return glueContext.create_data_frame.from_catalog(database="risk", table_name="limits")
